/*
 * The console's font (screen.c): console-setup's Terminus 10x18, the PSF2
 * file the build unpacks for the kernel's boot screen (kernel/build.mk),
 * never kept in the tree. CONSOLE_FONT_FILE is its path.
 */
	.section .rodata
	.balign 16
	.globl console_font_start, console_font_end
console_font_start:
	.incbin CONSOLE_FONT_FILE
console_font_end:
	.section .note.GNU-stack, "", @progbits
