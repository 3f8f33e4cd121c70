/*
 * Host test of IDENTIFY DEVICE parsing (drivers/lib/ata/ata_identify.c) on
 * the words QEMU 7.2's ide-hd answers (ata_ide_hd.c), then on the
 * variants a real disk may send and on blocks that must be refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <ata/ata.h>
#include "ata_ide_hd.h"

static uint16_t w[256];
static struct ata_identity id;

static void identify(uint64_t sectors, unsigned ncq, bool wcache, unsigned phys_exp)
{
	struct ide_hd hd = { .nb_sectors = sectors, .ncq_queues = ncq,
			     .write_cache = wcache, .phys_exp = phys_exp };
	ide_hd_identify(w, &hd);
}

static void test_ahci_port_disk(void **state)
{
	(void)state;
	identify(131072, 32, true, 0);           /* 64 MiB on an AHCI port */
	assert_int_equal(ata_identify_parse(w, &id), 0);
	assert_string_equal(id.model, "QEMU HARDDISK");
	assert_string_equal(id.serial, "QM00001");
	assert_string_equal(id.firmware, "2.5+");
	assert_int_equal(id.sectors, 131072);
	assert_int_equal(id.logical_size, 512);
	assert_int_equal(id.physical_size, 512);
	assert_true(id.lba48);
	assert_true(id.dma);
	assert_true(id.ncq);
	assert_int_equal(id.queue_depth, 32);
	assert_true(id.write_cache);
	assert_true(id.flush);
	assert_true(id.flush_ext);
}

static void test_piix_disk_has_no_ncq(void **state)
{
	(void)state;
	identify(2048, 0, false, 0);
	assert_int_equal(ata_identify_parse(w, &id), 0);
	assert_false(id.ncq);
	assert_int_equal(id.queue_depth, 0);
	assert_false(id.write_cache);               /* cache=writethrough */
}

/* Over 2^28 sectors: words 60-61 stop at 2^28 - 1, words 100-103 hold it. */
static void test_big_disk_takes_lba48_size(void **state)
{
	(void)state;
	identify(0x123456789aull, 32, true, 0);
	assert_int_equal(w[60] | w[61] << 16, (1u << 28) - 1);
	assert_int_equal(ata_identify_parse(w, &id), 0);
	assert_int_equal(id.sectors, 0x123456789aull);
}

static void test_no_lba48_takes_lba28_size(void **state)
{
	(void)state;
	identify(100000, 0, true, 0);
	w[83] &= (uint16_t)~((1 << 10) | (1 << 13));
	w[100] = 0xdead;                             /* must not be read */
	assert_int_equal(ata_identify_parse(w, &id), 0);
	assert_false(id.lba48);
	assert_false(id.flush_ext);
	assert_true(id.flush);
	assert_int_equal(id.sectors, 100000);
}

/* physical_block_size=4096: word 106 = 0x6003, eight logical per physical. */
static void test_physical_4k(void **state)
{
	(void)state;
	identify(8192, 32, true, 3);
	assert_int_equal(ata_identify_parse(w, &id), 0);
	assert_int_equal(id.logical_size, 512);
	assert_int_equal(id.physical_size, 4096);
}

/* A 4Kn disk (QEMU's ide-hd cannot be one): word 106 bit 12, words 117-118
 * in 16-bit words. */
static void test_logical_4k(void **state)
{
	(void)state;
	identify(8192, 32, true, 0);
	w[106] = 0x5000;
	w[117] = 2048;
	assert_int_equal(ata_identify_parse(w, &id), 0);
	assert_int_equal(id.logical_size, 4096);
	assert_int_equal(id.physical_size, 4096);
}

static void test_invalid_word_106_ignored(void **state)
{
	(void)state;
	identify(8192, 32, true, 3);
	w[106] = 0xffff;                              /* bits 15:14 = 11: not valid */
	assert_int_equal(ata_identify_parse(w, &id), 0);
	assert_int_equal(id.logical_size, 512);
	assert_int_equal(id.physical_size, 512);
}

static void test_bad_logical_size_refused(void **state)
{
	(void)state;
	identify(8192, 32, true, 0);
	w[106] = 0x5000;
	w[117] = 100;                                 /* 200 bytes */
	id.sectors = 77;
	assert_int_equal(ata_identify_parse(w, &id), -ATXF_EPROTO);
	assert_int_equal(id.sectors, 77);             /* untouched */
}

/* Word 76 of 0xffff means "not reported", not "everything supported". */
static void test_word_76_all_ones_is_no_ncq(void **state)
{
	(void)state;
	identify(8192, 32, true, 0);
	w[76] = 0xffff;
	assert_int_equal(ata_identify_parse(w, &id), 0);
	assert_false(id.ncq);
}

static void test_queue_depth_from_word_75(void **state)
{
	(void)state;
	identify(8192, 4, true, 0);
	assert_int_equal(ata_identify_parse(w, &id), 0);
	assert_int_equal(id.queue_depth, 4);
}

static void test_atapi_refused(void **state)
{
	(void)state;
	identify(8192, 0, true, 0);
	w[0] = 0x85c0;                                /* what ide-cd answers */
	assert_int_equal(ata_identify_parse(w, &id), -ATXF_ENOTSUP);
}

static void test_no_lba_refused(void **state)
{
	(void)state;
	identify(8192, 0, true, 0);
	w[49] &= (uint16_t)~(1 << 9);
	assert_int_equal(ata_identify_parse(w, &id), -ATXF_ENOTSUP);
}

static void test_zero_sectors_refused(void **state)
{
	(void)state;
	identify(0, 0, true, 0);
	assert_int_equal(ata_identify_parse(w, &id), -ATXF_EPROTO);
}

static void seal(void)
{
	uint8_t sum = 0;

	w[255] = 0xa5;
	for (unsigned i = 0; i < 255; i++)
		sum += (uint8_t)(w[i] & 0xff) + (uint8_t)(w[i] >> 8);
	sum += 0xa5;
	w[255] |= (uint16_t)((uint8_t)-sum << 8);
}

static void test_checksum_checked_when_signed(void **state)
{
	(void)state;
	identify(8192, 32, true, 0);
	seal();
	assert_int_equal(ata_identify_parse(w, &id), 0);
	w[60] ^= 1;                                   /* a flipped bit */
	assert_int_equal(ata_identify_parse(w, &id), -ATXF_EPROTO);
}

static void test_strings_trimmed_and_sanitized(void **state)
{
	(void)state;
	identify(8192, 32, true, 0);
	ide_hd_padstr(&w[27], "ODD MODEL X", 40);     /* odd length: last pair 'X ' */
	w[10] = 0x4101;                               /* 'A', then a control byte */
	assert_int_equal(ata_identify_parse(w, &id), 0);
	assert_string_equal(id.model, "ODD MODEL X");
	assert_int_equal(id.serial[0], 'A');
	assert_int_equal(id.serial[1], '?');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ahci_port_disk),
		cmocka_unit_test(test_piix_disk_has_no_ncq),
		cmocka_unit_test(test_big_disk_takes_lba48_size),
		cmocka_unit_test(test_no_lba48_takes_lba28_size),
		cmocka_unit_test(test_physical_4k),
		cmocka_unit_test(test_logical_4k),
		cmocka_unit_test(test_invalid_word_106_ignored),
		cmocka_unit_test(test_bad_logical_size_refused),
		cmocka_unit_test(test_word_76_all_ones_is_no_ncq),
		cmocka_unit_test(test_queue_depth_from_word_75),
		cmocka_unit_test(test_atapi_refused),
		cmocka_unit_test(test_no_lba_refused),
		cmocka_unit_test(test_zero_sectors_refused),
		cmocka_unit_test(test_checksum_checked_when_signed),
		cmocka_unit_test(test_strings_trimmed_and_sanitized),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
