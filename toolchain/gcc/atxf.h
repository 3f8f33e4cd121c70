/* Target header of GCC for x86_64-atxf: ATXF programs on the ATXF microkernel.

   It comes last in tm_file (after i386/i386elf.h and i386/x86-64.h), so it
   overrides the bare-ELF defaults with what the SDK's wrapper sets through
   its specs (sysroot/atxf.specs): one program model, whichever compiler
   built it.  The sysroot (--with-sysroot) holds the SDK in the usual layout:
   usr/include for the libc and <atxf/...>, usr/lib for crt0.o, libatxf.a,
   libm.a and atxf.ld.  */

#undef TARGET_OS_CPP_BUILTINS
#define TARGET_OS_CPP_BUILTINS()		\
  do						\
    {						\
      builtin_define ("__atxf__");		\
      builtin_assert ("system=atxf");		\
    }						\
  while (0)

/* Code generation the SDK's programs are built with (TARGET_CODEGEN in
   mk/common.mk): frame pointers for the kernel's backtraces, no unwind
   tables (atxf.ld discards .eh_frame).  Not PIC, not PIE and no stack
   protector are this target's defaults already.  A user's own -f option
   still wins.  */
#undef CC1_SPEC
#define CC1_SPEC "%(cc1_cpu) " \
  "%{!fomit-frame-pointer:-fno-omit-frame-pointer} " \
  "%{!fasynchronous-unwind-tables:-fno-asynchronous-unwind-tables}"

/* crt0.o starts every program; crtbegin/crtend are not needed, since crt0
   runs .init_array itself and ATXF programs have no .ctors or .eh_frame.  */
#undef STARTFILE_SPEC
#define STARTFILE_SPEC "%{!r:crt0.o%s}"

#undef ENDFILE_SPEC
#define ENDFILE_SPEC ""

/* libatxf is the C library and the system interface in one.  */
#undef LIB_SPEC
#define LIB_SPEC "-latxf"

/* Static programs only.  The linker's default script is atxf.ld (the
   elf_x86_64_atxf emulation); a user's -T still replaces it.  crt0 and a
   user's assembly may lack .note.GNU-stack, hence -z noexecstack.  */
#undef LINK_SPEC
#define LINK_SPEC "-static -z noexecstack %{!r:--build-id}"
