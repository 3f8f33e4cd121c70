/*
 * The boot screen's font (lib/bootscreen.c): a PSF2 file from Debian's
 * console-setup-linux, unpacked at build time (kernel/build.mk), never
 * kept in the tree. BOOT_FONT_FILE is its path.
 */
	.section .rodata
	.balign 16
	.globl bootfont_start, bootfont_end
bootfont_start:
	.incbin BOOT_FONT_FILE
bootfont_end:
	.section .note.GNU-stack, "", @progbits
