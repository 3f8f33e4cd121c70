/*
 * Mode setting on the Bochs DISPI registers (bochs_reg.h): the device
 * logic of the bochs driver, on mapped registers only, so a host test can
 * play the device.
 */
#ifndef BOCHS_DISPI_H
#define BOCHS_DISPI_H

#include <stdint.h>

struct dispi {
	volatile uint8_t *regs;     /* BAR 2, mapped */
	uint64_t fb_size;           /* BAR 0's size: what a mode may use */
	int vga;                    /* std VGA: unblank through the VGA ports */
	uint16_t max_x, max_y;      /* GETCAPS */
};

struct dispi_mode {
	uint32_t width, height;
	uint32_t pitch;             /* bytes */
};

/* Checks the ID and reads the maxima: 0, or -ATXF_ENODEV with no DISPI. */
int dispi_open(struct dispi *d);

/*
 * Sets width x height at 32 bpp, the framebuffer's first line at its
 * start, and reads back what the device took (QEMU adjusts a mode it
 * cannot show): -ATXF_ERANGE if that is not what was asked, or if the
 * mode is larger than the maxima or the framebuffer, and the previous
 * mode (prev, if not NULL) is set again.
 */
int dispi_set_mode(struct dispi *d, uint32_t width, uint32_t height,
		   const struct dispi_mode *prev, struct dispi_mode *out);

uint16_t dispi_read(const struct dispi *d, unsigned index);

#endif
