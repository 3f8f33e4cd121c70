# scripttempl/atxf.sc: the linker scripts of the elf_x86_64_atxf emulation.
#
# A link that places sections (RELOCATING set: executables) gets atxf.ld as
# is, the one layout docs/atxf-format.md promises. A relocatable link (-r,
# -Ur) only merges sections, exactly as plain ELF does, so it takes elf.sc.
if test -n "${RELOCATING}"; then
  cat "${srcdir}/scripttempl/atxf.ld"
else
  source_sh "${srcdir}/scripttempl/elf.sc"
fi
