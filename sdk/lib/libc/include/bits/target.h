/*
 * What every libc header includes first: the target, for any compiler.
 *
 * The cross GCC and the wrapper predefine __atxf__; plain `clang
 * --target=x86_64-atxf --sysroot=DIR` treats the target as generic ELF and
 * predefines nothing, so the SDK's headers define it (a program that
 * includes no SDK header, or only one of clang's own, such as <stddef.h>,
 * does not see it there: docs/toolchain.md).
 *
 * clang also links through whatever x86_64-atxf-gcc, else gcc, it finds on
 * PATH, which may be the host's: a Linux ELF. So every hosted translation
 * unit carries a note that references a symbol only crt0 defines. An ATXF
 * link accepts it (atxf.ld discards .note.*, and crt0 resolves it for a
 * script that keeps them); any other link stops with "undefined reference
 * to `__atxf_link_this_with_the_atxf_sysroot'" and writes no program.
 * Freestanding code (the libc itself) brings its own link and carries none.
 */
#ifndef _ATXF_BITS_TARGET_H
#define _ATXF_BITS_TARGET_H

#ifndef __atxf__
#define __atxf__ 1
#endif

#if __STDC_HOSTED__
/* An ELF note ("ATXF", type 1) whose 8-byte descriptor is the reference. */
__asm__(".pushsection .note.atxf.link, \"a\", @note\n"
	"\t.balign 4\n"
	"\t.long 5, 8, 1\n"
	"\t.asciz \"ATXF\"\n"
	"\t.balign 4\n"
	"\t.quad __atxf_link_this_with_the_atxf_sysroot\n"
	"\t.popsection");
#endif

#endif
