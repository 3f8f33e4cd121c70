/*
 * The bochs driver's mode setting (drivers/graphics/bochs/dispi.c) against
 * a fake DISPI device that behaves as QEMU's vbe_ioport_write_data does:
 * GETCAPS turns XRES/YRES/BPP reads into the maxima, and enabling fixes
 * the registers up to what the video memory holds (the height cut to fit).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "bochs_reg.h"
#include "dispi.h"

#define REGS_PADDR 0xfebf0000ull

static struct {
	uint16_t reg[16];
	uint32_t vram;              /* bytes the fake really has */
	unsigned enables;           /* ENABLE writes with ENABLED set */
	uint8_t att_written;        /* the last write to VGA port 0x3c0 */
} dev;

static uint64_t regs_read(void *ctx, uint64_t off, unsigned width)
{
	unsigned i = (unsigned)(off - BOCHS_DISPI) / 2;

	(void)ctx;
	assert_int_equal(width, 2);
	if (dev.reg[DISPI_ENABLE] & DISPI_GETCAPS) {
		if (i == DISPI_XRES)
			return 16000;
		if (i == DISPI_YRES)
			return 12000;
		if (i == DISPI_BPP)
			return 32;
	}
	return dev.reg[i];
}

/* What QEMU does on enable: a line of virt_width pixels, the height cut to vram. */
static void fixup(void)
{
	uint32_t line = dev.reg[DISPI_VIRT_WIDTH] * dev.reg[DISPI_BPP] / 8u;

	if (dev.reg[DISPI_VIRT_WIDTH] < dev.reg[DISPI_XRES])
		dev.reg[DISPI_VIRT_WIDTH] = dev.reg[DISPI_XRES];
	if (line && dev.reg[DISPI_YRES] > dev.vram / line)
		dev.reg[DISPI_YRES] = (uint16_t)(dev.vram / line);
}

static void regs_write(void *ctx, uint64_t off, unsigned width, uint64_t value)
{
	(void)ctx;
	if (off == BOCHS_VGA_PORTS + VGA_ATT_W) {
		assert_int_equal(width, 1);
		dev.att_written = (uint8_t)value;
		return;
	}
	assert_int_equal(width, 2);
	dev.reg[(off - BOCHS_DISPI) / 2] = (uint16_t)value;
	if ((off - BOCHS_DISPI) / 2 == DISPI_ENABLE && (value & DISPI_ENABLED)) {
		dev.enables++;
		fixup();
	}
}

static struct dispi d;

static int setup(void **state)
{
	(void)state;
	atxf_fake_reset();
	memset(&dev, 0, sizeof(dev));
	dev.reg[DISPI_ID] = 0xb0c5;
	dev.vram = 16u << 20;
	d = (struct dispi){ .fb_size = 16u << 20, .vga = 1 };
	d.regs = atxf_fake_mmio_add(REGS_PADDR, 0x1000, regs_read, regs_write, NULL);
	assert_non_null(d.regs);
	return 0;
}

static void opens_and_reads_the_maxima(void **state)
{
	(void)state;
	dev.reg[DISPI_ENABLE] = DISPI_ENABLED;
	assert_int_equal(dispi_open(&d), 0);
	assert_int_equal(d.max_x, 16000);
	assert_int_equal(d.max_y, 12000);
	/* The mode GRUB left is kept: GETCAPS is cleared again. */
	assert_int_equal(dev.reg[DISPI_ENABLE], DISPI_ENABLED);
}

static void no_dispi_is_enodev(void **state)
{
	(void)state;
	dev.reg[DISPI_ID] = 0xffff;
	assert_int_equal(dispi_open(&d), -ATXF_ENODEV);
}

static void sets_a_mode_and_unblanks(void **state)
{
	struct dispi_mode m;

	(void)state;
	assert_int_equal(dispi_open(&d), 0);
	assert_int_equal(dispi_set_mode(&d, 800, 600, NULL, &m), 0);
	assert_int_equal(m.width, 800);
	assert_int_equal(m.height, 600);
	assert_int_equal(m.pitch, 3200);
	assert_int_equal(dev.reg[DISPI_BPP], 32);
	assert_int_equal(dev.reg[DISPI_ENABLE], DISPI_ENABLED | DISPI_LFB_ENABLED);
	assert_int_equal(dev.att_written, VGA_AR_ENABLE_DISPLAY);
}

static void past_the_maxima_or_the_bar_touches_nothing(void **state)
{
	struct dispi_mode m;

	(void)state;
	assert_int_equal(dispi_open(&d), 0);
	assert_int_equal(dispi_set_mode(&d, 20000, 600, NULL, &m), -ATXF_ERANGE);
	d.fb_size = 1u << 20;
	assert_int_equal(dispi_set_mode(&d, 1024, 768, NULL, &m), -ATXF_ERANGE);
	assert_int_equal(dev.enables, 0);
}

static void a_mode_the_device_cut_is_refused_and_undone(void **state)
{
	struct dispi_mode was, m;

	(void)state;
	assert_int_equal(dispi_open(&d), 0);
	assert_int_equal(dispi_set_mode(&d, 640, 480, NULL, &was), 0);
	dev.vram = 4u << 20;        /* the BAR says 16 MiB, the device holds 4 */
	assert_int_equal(dispi_set_mode(&d, 1920, 1080, &was, &m), -ATXF_ERANGE);
	assert_int_equal(dev.reg[DISPI_XRES], 640);
	assert_int_equal(dev.reg[DISPI_YRES], 480);
	assert_int_equal(dev.enables, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(opens_and_reads_the_maxima, setup),
		cmocka_unit_test_setup(no_dispi_is_enodev, setup),
		cmocka_unit_test_setup(sets_a_mode_and_unblanks, setup),
		cmocka_unit_test_setup(past_the_maxima_or_the_bar_touches_nothing, setup),
		cmocka_unit_test_setup(a_mode_the_device_cut_is_refused_and_undone, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
