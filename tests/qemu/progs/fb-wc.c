/*
 * fb-wc.atxf: draws on QEMU's standard VGA (1234:1111) through a
 * write-combining map of its framebuffer BAR, for the display-wc scenario.
 * Its manifest asks for BAR 0 with ATXF_RESOURCE_BAR_WC (the framework maps
 * it with atxf_mmio_map_wc) and BAR 2, the MMIO registers; QEMU's
 * docs/specs/standard-vga.rst puts the Bochs DISPI registers at 0x500 of
 * BAR 2, 16 bits each.
 *
 * It sets a 320x200, 32 bpp linear mode, fills the four quadrants red,
 * green, blue and white, calls atxf_wc_flush(), reads one pixel of each
 * back and prints
 *   fb-wc: drew 320x200x32 through a write-combining map of BAR 0: read back ok
 * (or "read back WRONG"). The scenario then takes a screendump over QMP and
 * checks the four colours in it: what the device shows, not what we think
 * we wrote. It stays running until devmgr stops it.
 */
#include <stdint.h>
#include <atxf/driver.h>
#include <atxf/hw.h>
#include <atxf/log.h>

#define VGA_VENDOR      0x1234
#define VGA_DEVICE      0x1111
#define DISPI           0x500       /* in BAR 2: index i at DISPI + 2 i */
#define DISPI_XRES      1
#define DISPI_YRES      2
#define DISPI_BPP       3
#define DISPI_ENABLE    4
#define   DISPI_ENABLED     0x01
#define   DISPI_LFB         0x40
#define WIDTH           320
#define HEIGHT          200

ATXF_DRIVER_MANIFEST(
	.name = "fb-wc",
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_PCI(VGA_VENDOR, VGA_DEVICE) },
	.resources = { ATXF_RESOURCE_BAR_WC(0), ATXF_RESOURCE_BAR(2) });

static const uint32_t colours[4] = { 0xff0000, 0x00ff00, 0x0000ff, 0xffffff };

static void dispi(volatile uint8_t *regs, unsigned index, uint16_t value)
{
	atxf_mmio_write16(regs + DISPI + 2 * index, value);
}

/* Quadrant 0 top left, 1 top right, 2 bottom left, 3 bottom right. */
static uint32_t colour_at(unsigned x, unsigned y)
{
	return colours[(y >= HEIGHT / 2) * 2 + (x >= WIDTH / 2)];
}

static int draw(volatile uint32_t *fb)
{
	int ok = 1;

	for (unsigned y = 0; y < HEIGHT; y++)
		for (unsigned x = 0; x < WIDTH; x++)
			fb[y * WIDTH + x] = colour_at(x, y);
	atxf_wc_flush();
	for (unsigned q = 0; q < 4; q++) {
		unsigned x = WIDTH / 4 + (q & 1) * WIDTH / 2, y = HEIGHT / 4 + (q >> 1) * HEIGHT / 2;

		ok &= fb[y * WIDTH + x] == colours[q];
	}
	return ok;
}

static int on_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *fb = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);
	const struct atxf_resource_grant *regs = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 1);
	volatile uint8_t *r;

	if (!fb || !fb->mapped || !regs || !regs->mapped ||
	    fb->size < (uint64_t)WIDTH * HEIGHT * 4 || regs->size < DISPI + 0x20) {
		atxf_log("fb-wc: FAIL: no framebuffer BAR 0 or register BAR 2\n");
		return -ATXF_ENODEV;
	}
	r = regs->mapped;
	dispi(r, DISPI_ENABLE, 0);
	dispi(r, DISPI_XRES, WIDTH);
	dispi(r, DISPI_YRES, HEIGHT);
	dispi(r, DISPI_BPP, 32);
	dispi(r, DISPI_ENABLE, DISPI_ENABLED | DISPI_LFB);
	atxf_log("fb-wc: drew %ux%ux32 through a write-combining map of BAR 0: read back %s\n",
		 WIDTH, HEIGHT, draw(fb->mapped) ? "ok" : "WRONG");
	return 0;
}

static const struct atxf_driver ops = {
	.name = "fb-wc",
	.probe = on_probe,
};

int main(void)
{
	return atxf_driver_run(&ops);
}
