/*
 * The boot screen: when the boot loader set up a linear 32 bpp framebuffer
 * (GRUB, from the video fields of our multiboot header), the kernel's lines
 * are drawn there too, in a PSF2 font from Debian's console-setup taken at
 * build time, white on black, until a driver maps the framebuffer for
 * writing: then the kernel lets go of it, and its lines stay on the
 * serial line only.
 */
#ifndef LIB_BOOTSCREEN_H
#define LIB_BOOTSCREEN_H

#include <stddef.h>
#include <stdint.h>

struct process;

/* After paging: maps the framebuffer, clears it and draws the lines
 * printed so far (lib/logring.h). Nothing without a usable framebuffer. */
void bootscreen_init(void);

/* One whole kernel line. Console lock held. */
void bootscreen_line_locked(const char *line, size_t n);

/* p maps [pa, pa + len) for writing: if that is the framebuffer, the
 * kernel stops drawing and unmaps it. */
void bootscreen_mapped(const struct process *p, uint64_t pa, uint64_t len);

#endif
