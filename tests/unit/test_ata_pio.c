/*
 * Host test of the ATA PIO transport (drivers/storage/ata/ata_pio.c)
 * against a fake legacy IDE channel (tests/unit/ata_fake_channel.c): the
 * reset and the signatures (a CD-ROM's read before a disk's IDENTIFY
 * overwrites the shared task file), IDENTIFY, LBA28 and LBA48 reads and
 * writes one interrupt per block, a run split into commands of 256, a
 * range past the end refused before any command, device errors, a lost
 * interrupt timing out, FLUSH CACHE EXT, a floating bus, nIEN.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "ata_fake_channel.h"
#include "ata_pio.h"
#include "ata_reg.h"

#define CMD 0x1f0
#define CTL 0x3f6
#define BIG (ATA_LBA28_LIMIT + 1000)    /* past LBA28: EXT commands at its end */

static struct fake_ide f;
static struct ata_channel ch;
static struct ata_drive disk;
static uint8_t buf[300 * 512], back[300 * 512];

static int setup(void **state)
{
	(void)state;
	atxf_fake_reset();
	memset(&f, 0, sizeof(f));
	f.dev[0] = (struct fake_ide_dev){ .kind = FAKE_IDE_DISK, .sectors = BIG };
	f.dev[1].kind = FAKE_IDE_CDROM;
	fake_ide_attach(&f, CMD, CTL);
	ch = (struct ata_channel){ .cmd = CMD, .ctl = CTL, .wait_irq = fake_ide_wait_irq,
				   .ctx = &f };
	disk = (struct ata_drive){ .ch = &ch, .slave = 0 };
	return 0;
}

static void fill(uint8_t *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(i * 31 + seed);
}

/* Reset, detect both, IDENTIFY the master: what the driver's probe does. */
static void bring_up(void)
{
	uint16_t sig = 0;
	const char *why = "";

	assert_int_equal(ata_channel_reset(&ch), 0);
	assert_int_equal(ata_detect(&ch, 0, &sig), ATA_DISK);
	assert_int_equal(ata_identify(&disk, &why), 0);
}

static void test_reset_and_signatures(void **state)
{
	uint16_t sig = 0;
	const char *why = "";

	(void)state;
	assert_int_equal(ata_channel_reset(&ch), 0);
	assert_int_equal(f.control & ATA_CTL_NIEN, 0);          /* interrupts on */
	assert_int_equal(ata_detect(&ch, 0, &sig), ATA_DISK);
	assert_int_equal(sig, ATA_SIG_ATA);
	assert_int_equal(ata_detect(&ch, 1, &sig), ATA_PACKET);
	assert_int_equal(sig, ATA_SIG_ATAPI);
	assert_int_equal(ata_identify(&disk, &why), 0);
	assert_int_equal(disk.id.sectors, BIG);
	assert_true(disk.id.lba48);
	assert_true(disk.id.flush_ext);
	assert_string_equal(disk.id.model, "QEMU HARDDISK");
	/* The IDENTIFY wrote the shared task file: the CD-ROM's signature is
	 * gone, which is why the probe reads both first. */
	assert_int_not_equal(ata_detect(&ch, 1, &sig), ATA_PACKET);
	assert_int_equal(atxf_fake_strays(), 0);
}

/* The firmware left the absent device 1 selected and the reset ends late
 * (a loaded host): device 1 reads status 0 all the while, yet device 0 is
 * busy and would ignore its selection. The reset watches device 0. */
static void test_a_late_reset_with_device_1_selected(void **state)
{
	uint16_t sig = 0;

	(void)state;
	f.dev[1].kind = FAKE_IDE_ABSENT;
	f.sel = 1;
	f.reset_ns = 30000000;                  /* 30 ms, past the 2 ms wait */
	assert_int_equal(ata_channel_reset(&ch), 0);
	assert_int_equal(ata_detect(&ch, 0, &sig), ATA_DISK);
	assert_int_equal(ata_detect(&ch, 1, &sig), ATA_NONE);
}

static void test_identify_of_a_cdrom_is_refused(void **state)
{
	struct ata_drive cd = { .ch = &ch, .slave = 1 };
	const char *why = "";

	(void)state;
	assert_int_equal(ata_channel_reset(&ch), 0);
	assert_int_equal(ata_identify(&cd, &why), -ATXF_ENOTSUP);
	assert_non_null(strstr(why, "ABRT"));
}

static void test_absent_and_floating(void **state)
{
	uint16_t sig = 0;

	(void)state;
	f.dev[1].kind = FAKE_IDE_ABSENT;
	assert_int_equal(ata_channel_reset(&ch), 0);
	assert_int_equal(ata_detect(&ch, 1, &sig), ATA_NONE);
	f.floating = true;
	assert_int_equal(ata_channel_reset(&ch), -ATXF_ENODEV);
}

static void test_lba28_read_write_one_interrupt_per_block(void **state)
{
	const char *why = "";
	unsigned irqs;

	(void)state;
	bring_up();
	fill(buf, 3 * 512, 7);
	irqs = f.irqs_raised;
	f.ncommands = 0;
	assert_int_equal(ata_write(&disk, 5, 3, buf, &why), 0);
	assert_int_equal(f.commands[0], ATA_CMD_WRITE_SECTORS);
	assert_int_equal(f.irqs_raised - irqs, 3);              /* one per block */
	assert_memory_equal(fake_ide_sector(&f.dev[0], 6), buf + 512, 512);
	assert_int_equal(ata_read(&disk, 5, 3, back, &why), 0);
	assert_int_equal(f.commands[1], ATA_CMD_READ_SECTORS);
	assert_memory_equal(back, buf, 3 * 512);
	assert_int_equal(f.irqs_raised - irqs, 6);
	assert_true(ch.irqs >= 6);                              /* the driver slept on them */
}

static void test_lba48_at_the_end(void **state)
{
	const char *why = "";

	(void)state;
	bring_up();
	fill(buf, 2 * 512, 9);
	f.ncommands = 0;
	assert_int_equal(ata_write(&disk, BIG - 2, 2, buf, &why), 0);
	assert_int_equal(f.commands[0], ATA_CMD_WRITE_SECTORS_EXT);
	assert_memory_equal(fake_ide_sector(&f.dev[0], BIG - 1), buf + 512, 512);
	assert_int_equal(ata_read(&disk, BIG - 2, 2, back, &why), 0);
	assert_int_equal(f.commands[1], ATA_CMD_READ_SECTORS_EXT);
	assert_memory_equal(back, buf, 2 * 512);
}

static void test_a_run_is_split_into_commands_of_256(void **state)
{
	const char *why = "";

	(void)state;
	bring_up();
	fill(buf, sizeof(buf), 3);
	f.ncommands = 0;
	assert_int_equal(ata_write(&disk, 100, 300, buf, &why), 0);
	assert_int_equal(f.ncommands, 2);
	assert_int_equal(ata_read(&disk, 100, 300, back, &why), 0);
	assert_int_equal(f.ncommands, 4);
	assert_memory_equal(back, buf, sizeof(buf));
	assert_memory_equal(fake_ide_sector(&f.dev[0], 100 + 256), buf + 256 * 512, 512);
}

static void test_past_the_end_is_refused_before_any_command(void **state)
{
	const char *why = "";

	(void)state;
	bring_up();
	f.ncommands = 0;
	assert_int_equal(ata_read(&disk, BIG - 1, 2, back, &why), -ATXF_ERANGE);
	assert_int_equal(ata_write(&disk, BIG, 1, buf, &why), -ATXF_ERANGE);
	assert_int_equal(f.ncommands, 0);
}

static void test_a_device_error_is_reported(void **state)
{
	const char *why = "";

	(void)state;
	bring_up();
	f.dev[0].bad_lba = 41;
	assert_int_equal(ata_read(&disk, 40, 4, back, &why), -ATXF_EIO);
	assert_non_null(strstr(why, "UNC"));
	/* The channel is usable again: the failed command ended. */
	assert_int_equal(ata_read(&disk, 50, 1, back, &why), 0);
}

/* Without its interrupt a block still comes, found by BSY once the wait
 * ends, 5 s later; a device that never finishes ends in -ATXF_ETIMEDOUT. */
static void test_a_lost_interrupt_times_out(void **state)
{
	const char *why = "";
	uint64_t t0;

	(void)state;
	bring_up();
	f.no_irq = true;
	t0 = atxf_time_ns();
	assert_int_equal(ata_read(&disk, 1, 1, back, &why), 0);
	assert_true(atxf_time_ns() - t0 >= ATA_CMD_TIMEOUT_NS);
	f.wedged = true;
	assert_int_equal(ata_read(&disk, 1, 1, back, &why), -ATXF_ETIMEDOUT);
	assert_non_null(strstr(why, "BSY"));
	/* The timeout reset the channel: the next command is taken. */
	f.wedged = f.no_irq = false;
	f.ncommands = 0;
	assert_int_equal(ata_read(&disk, 2, 1, back, &why), 0);
	assert_int_equal(f.ncommands, 1);
}

static void test_flush_ext(void **state)
{
	const char *why = "";

	(void)state;
	bring_up();
	f.ncommands = 0;
	assert_int_equal(ata_flush(&disk, &why), 0);
	assert_int_equal(f.commands[0], ATA_CMD_FLUSH_CACHE_EXT);
}

static void test_quiet_sets_nien(void **state)
{
	(void)state;
	bring_up();
	ata_channel_quiet(&ch);
	assert_int_equal(f.control & ATA_CTL_NIEN, ATA_CTL_NIEN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_reset_and_signatures, setup),
		cmocka_unit_test_setup(test_a_late_reset_with_device_1_selected, setup),
		cmocka_unit_test_setup(test_identify_of_a_cdrom_is_refused, setup),
		cmocka_unit_test_setup(test_absent_and_floating, setup),
		cmocka_unit_test_setup(test_lba28_read_write_one_interrupt_per_block, setup),
		cmocka_unit_test_setup(test_lba48_at_the_end, setup),
		cmocka_unit_test_setup(test_a_run_is_split_into_commands_of_256, setup),
		cmocka_unit_test_setup(test_past_the_end_is_refused_before_any_command, setup),
		cmocka_unit_test_setup(test_a_device_error_is_reported, setup),
		cmocka_unit_test_setup(test_a_lost_interrupt_times_out, setup),
		cmocka_unit_test_setup(test_flush_ext, setup),
		cmocka_unit_test_setup(test_quiet_sets_nien, setup),
	};

	return cmocka_run_group_tests_name("ata pio", tests, NULL, NULL);
}
