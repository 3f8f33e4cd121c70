/*
 * bochs: the display driver of QEMU's standard VGA (-vga std, the q35
 * default) and of -device bochs-display, both PCI 1234:1111 with the Bochs
 * DISPI registers (bochs_reg.h). It sets a 32 bpp linear mode, maps the
 * framebuffer (BAR 0) write-combining and serves the display class: the
 * framework copies each FLUSH from the client's surface to it, and
 * SET_MODE programs another size. The mode logic is dispi.c.
 *
 * Mapping BAR 0 is also what takes the screen over from the kernel's boot
 * screen when GRUB set the mode (docs/boot.md "The boot screen").
 */
#include <string.h>
#include <atxf/driver/display.h>
#include <atxf/hw.h>
#include <atxf/pci_regs.h>
#include "bochs_reg.h"
#include "dispi.h"

#define BOOT_WIDTH  1024
#define BOOT_HEIGHT 768

ATXF_DRIVER_MANIFEST(
	.name = "bochs",
	.device_class = ATXF_CLASS_DISPLAY,
	.match = { ATXF_MATCH_PCI(BOCHS_VENDOR, BOCHS_DEVICE) },
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),     /* its class: std VGA or bochs-display */
		ATXF_RESOURCE_BAR_WC(0),        /* the framebuffer */
		ATXF_RESOURCE_BAR(2),           /* the DISPI registers */
	});

static struct {
	struct dispi d;
	struct dispi_mode mode;
	volatile uint8_t *fb;
} vga;

/* The mode into dev->info.display, the framebuffer cleared. */
static void take_mode(struct atxf_device *dev, const struct dispi_mode *m)
{
	vga.mode = *m;
	dev->info.display = (struct atxf_display_info){
		.width = m->width, .height = m->height, .pitch = m->pitch,
		.bpp = 32, .format = ATXF_PIXEL_XRGB8888 };
	dev->surface = (void *)vga.fb;
	memset((void *)vga.fb, 0, (size_t)m->pitch * m->height);
	atxf_wc_flush();
}

static int on_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *cfg = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	const struct atxf_resource_grant *fb = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);
	const struct atxf_resource_grant *regs = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 1);
	struct dispi_mode m;
	int err;

	if (!cfg || !fb || !fb->mapped || !regs || !regs->mapped || regs->size < BOCHS_REGS_MIN) {
		atxf_device_log(dev, "no framebuffer BAR 0 or register BAR 2 mapped");
		return -ATXF_ENODEV;
	}
	vga.d = (struct dispi){ .regs = regs->mapped, .fb_size = fb->size,
		.vga = atxf_pci_read8(cfg->handle, PCI_CLASS_REVISION + 2) == BOCHS_SUBCLASS_VGA };
	vga.fb = fb->mapped;
	err = dispi_open(&vga.d);
	if (err) {
		atxf_device_log(dev, "no Bochs DISPI interface (ID %#x)", dispi_read(&vga.d, DISPI_ID));
		return err;
	}
	err = dispi_set_mode(&vga.d, BOOT_WIDTH, BOOT_HEIGHT, NULL, &m);
	if (err) {
		atxf_device_log(dev, "the device refused %ux%ux32", BOOT_WIDTH, BOOT_HEIGHT);
		return err;
	}
	take_mode(dev, &m);
	atxf_device_log(dev, "%s, DISPI %#x, %u KiB framebuffer, up to %ux%u: mode %ux%ux32, "
			"pitch %u", vga.d.vga ? "std VGA" : "bochs-display",
			dispi_read(&vga.d, DISPI_ID), (unsigned)(fb->size >> 10), vga.d.max_x,
			vga.d.max_y, m.width, m.height, m.pitch);
	return 0;
}

static int on_set_mode(struct atxf_device *dev, uint32_t width, uint32_t height)
{
	struct dispi_mode m;
	int err = dispi_set_mode(&vga.d, width, height, &vga.mode, &m);

	if (err) {
		atxf_device_log(dev, "mode %ux%u refused (up to %ux%u, %u KiB)", width, height,
				vga.d.max_x, vga.d.max_y, (unsigned)(vga.d.fb_size >> 10));
		return err;
	}
	take_mode(dev, &m);
	atxf_device_log(dev, "mode %ux%ux32, pitch %u", m.width, m.height, m.pitch);
	return 0;
}

static const struct atxf_display_ops display_ops = { .set_mode = on_set_mode };
static const struct atxf_driver ops = {
	.name = "bochs",
	.probe = on_probe,
	ATXF_DISPLAY_OPS(display_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
