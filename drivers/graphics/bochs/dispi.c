/*
 * Mode setting on the Bochs DISPI registers (dispi.h). The sequence is the
 * one QEMU's vbe_ioport_write_data expects: disable, write the geometry,
 * enable with the linear framebuffer; on enable QEMU fixes the registers
 * up to what it can show (vbe_fixup_regs), so what it took is read back.
 */
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "bochs_reg.h"
#include "dispi.h"

#define BPP 32

uint16_t dispi_read(const struct dispi *d, unsigned index)
{
	return atxf_mmio_read16(d->regs + BOCHS_DISPI + 2 * index);
}

static void dispi_write(struct dispi *d, unsigned index, uint16_t value)
{
	atxf_mmio_write16(d->regs + BOCHS_DISPI + 2 * index, value);
}

int dispi_open(struct dispi *d)
{
	uint16_t id = dispi_read(d, DISPI_ID), was = dispi_read(d, DISPI_ENABLE);

	if (id < DISPI_ID_MIN || id > DISPI_ID_MAX)
		return -ATXF_ENODEV;
	/* GETCAPS turns XRES/YRES into the maxima; the mode is kept. */
	dispi_write(d, DISPI_ENABLE, was | DISPI_GETCAPS);
	d->max_x = dispi_read(d, DISPI_XRES);
	d->max_y = dispi_read(d, DISPI_YRES);
	dispi_write(d, DISPI_ENABLE, was);
	return 0;
}

static void program(struct dispi *d, uint32_t width, uint32_t height)
{
	dispi_write(d, DISPI_ENABLE, 0);
	dispi_write(d, DISPI_XRES, (uint16_t)width);
	dispi_write(d, DISPI_YRES, (uint16_t)height);
	dispi_write(d, DISPI_BPP, BPP);
	dispi_write(d, DISPI_VIRT_WIDTH, (uint16_t)width);
	dispi_write(d, DISPI_X_OFFSET, 0);
	dispi_write(d, DISPI_Y_OFFSET, 0);
	dispi_write(d, DISPI_ENABLE, DISPI_ENABLED | DISPI_LFB_ENABLED);
	if (d->vga)
		atxf_mmio_write8(d->regs + BOCHS_VGA_PORTS + VGA_ATT_W, VGA_AR_ENABLE_DISPLAY);
}

/* What the device shows now: 0, or -ATXF_ERANGE if it is not width x height x 32. */
static int read_back(const struct dispi *d, uint32_t width, uint32_t height,
		     struct dispi_mode *out)
{
	uint32_t x = dispi_read(d, DISPI_XRES), y = dispi_read(d, DISPI_YRES);
	uint32_t virt = dispi_read(d, DISPI_VIRT_WIDTH);

	if (x != width || y != height || dispi_read(d, DISPI_BPP) != BPP || virt < x)
		return -ATXF_ERANGE;
	*out = (struct dispi_mode){ x, y, virt * (BPP / 8) };
	return 0;
}

int dispi_set_mode(struct dispi *d, uint32_t width, uint32_t height,
		   const struct dispi_mode *prev, struct dispi_mode *out)
{
	int err;

	if (width > d->max_x || height > d->max_y ||
	    (uint64_t)width * height * (BPP / 8) > d->fb_size)
		return -ATXF_ERANGE;
	program(d, width, height);
	err = read_back(d, width, height, out);
	if (err && prev)
		program(d, prev->width, prev->height);
	return err;
}
