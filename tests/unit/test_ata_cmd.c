/*
 * Host test of the ATA command builders and status decoding
 * (drivers/lib/ata/ata_cmd.c, ata_status.c) for disks described by
 * IDENTIFY data as QEMU's ide-hd answers it (ata_ide_hd.c).
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

static struct ata_identity id;
static struct ata_cmd cmd;

static void disk(uint64_t sectors, unsigned ncq)
{
	uint16_t w[256];
	struct ide_hd hd = { .nb_sectors = sectors, .ncq_queues = ncq, .write_cache = true };

	ide_hd_identify(w, &hd);
	assert_int_equal(ata_identify_parse(w, &id), 0);
	memset(&cmd, 0xee, sizeof(cmd));
}

static void test_low_read_is_lba28_dma(void **state)
{
	(void)state;
	disk(1u << 28, 32);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, 0x0abcdef, 8, 0), 0);
	assert_int_equal(cmd.command, ATA_CMD_READ_DMA);
	assert_false(cmd.lba48);
	assert_int_equal(cmd.lba, 0x0abcdef);
	assert_int_equal(cmd.count, 8);
	assert_int_equal(cmd.device, ATA_DEV_LBA | 0x0);   /* LBA 27:24 = 0 */
	assert_int_equal(cmd.sectors, 8);
	assert_false(cmd.write);
}

static void test_lba28_high_nibble_in_device(void **state)
{
	(void)state;
	disk(1u << 28, 0);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_PIO, true, 0x7654321, 256, 0), 0);
	assert_int_equal(cmd.command, ATA_CMD_WRITE_SECTORS);
	assert_int_equal(cmd.device, ATA_DEV_LBA | 0x7);
	assert_int_equal(cmd.count, 0);                      /* 0 means 256 */
	assert_true(cmd.write);
}

/* Ending exactly at 2^28 still fits LBA28; one sector more does not. */
static void test_lba28_boundary(void **state)
{
	(void)state;
	disk(1ull << 30, 0);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, (1u << 28) - 1, 1, 0), 0);
	assert_false(cmd.lba48);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, (1u << 28) - 1, 2, 0), 0);
	assert_true(cmd.lba48);
	assert_int_equal(cmd.command, ATA_CMD_READ_DMA_EXT);
	assert_int_equal(cmd.device, ATA_DEV_LBA);           /* LBA bits live in lba */
}

static void test_long_transfer_is_lba48(void **state)
{
	(void)state;
	disk(1u << 20, 0);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, true, 0, 257, 0), 0);
	assert_int_equal(cmd.command, ATA_CMD_WRITE_DMA_EXT);
	assert_int_equal(cmd.count, 257);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_PIO, false, 0, 65536, 0), 0);
	assert_int_equal(cmd.command, ATA_CMD_READ_SECTORS_EXT);
	assert_int_equal(cmd.count, 0);                      /* 0 means 65536 */
	assert_int_equal(cmd.sectors, 65536);
}

static void test_fpdma_layout(void **state)
{
	(void)state;
	disk(1u << 20, 32);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_NCQ, true, 0x12345, 16, 31), 0);
	assert_int_equal(cmd.command, ATA_CMD_WRITE_FPDMA_QUEUED);
	assert_int_equal(cmd.features, 16);                  /* the count */
	assert_int_equal(cmd.count, 31 << 3);                /* the tag */
	assert_true(cmd.lba48);
	assert_int_equal(cmd.lba, 0x12345);
	assert_int_equal(cmd.device, ATA_DEV_LBA);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_NCQ, false, 0, 1, 0), 0);
	assert_int_equal(cmd.command, ATA_CMD_READ_FPDMA_QUEUED);
}

static void test_ncq_refused_without_support_or_past_depth(void **state)
{
	(void)state;
	disk(1u << 20, 0);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_NCQ, false, 0, 1, 0), -ATXF_ENOTSUP);
	disk(1u << 20, 4);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_NCQ, false, 0, 1, 4), -ATXF_ENOTSUP);
	assert_int_equal(cmd.command, 0xee);                 /* untouched */
}

static void test_range_and_count_refused(void **state)
{
	(void)state;
	disk(1000, 32);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, 999, 1, 0), 0);
	memset(&cmd, 0xee, sizeof(cmd));
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, 999, 2, 0), -ATXF_ERANGE);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, 1000, 1, 0), -ATXF_ERANGE);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, UINT64_MAX, 2, 0),
			 -ATXF_ERANGE);                      /* no wrap-around */
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, 0, 0, 0), -ATXF_EINVAL);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_NONE, false, 0, 1, 0), -ATXF_EINVAL);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, 0, 1, 3), -ATXF_EINVAL);
	assert_int_equal(cmd.command, 0xee);
}

static void test_lba28_only_disk_limits(void **state)
{
	(void)state;
	disk(1u << 20, 0);
	id.lba48 = false;
	assert_int_equal(ata_max_sectors(&id, ATA_XFER_DMA), 256);
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, 0, 257, 0), -ATXF_EINVAL);
	id.sectors = 1ull << 29;
	assert_int_equal(ata_build_rw(&cmd, &id, ATA_XFER_DMA, false, 1u << 28, 1, 0),
			 -ATXF_ERANGE);
}

static void test_flush(void **state)
{
	(void)state;
	disk(1000, 32);
	assert_int_equal(ata_build_flush(&cmd, &id), 0);
	assert_int_equal(cmd.command, ATA_CMD_FLUSH_CACHE_EXT);
	assert_int_equal(cmd.xfer, ATA_XFER_NONE);
	assert_int_equal(cmd.sectors, 0);
	id.flush_ext = false;
	assert_int_equal(ata_build_flush(&cmd, &id), 0);
	assert_int_equal(cmd.command, ATA_CMD_FLUSH_CACHE);
	id.flush = false;
	assert_int_equal(ata_build_flush(&cmd, &id), -ATXF_ENOTSUP);
}

static void test_identify_command(void **state)
{
	(void)state;
	ata_build_identify(&cmd);
	assert_int_equal(cmd.command, ATA_CMD_IDENTIFY);
	assert_int_equal(cmd.xfer, ATA_XFER_PIO);
	assert_int_equal(cmd.sectors, 1);
}

static void test_status_results(void **state)
{
	(void)state;
	assert_int_equal(ata_status_result(ATA_SR_DRDY, 0), 0);
	assert_int_equal(ata_status_result(ATA_SR_DRDY | ATA_SR_ERR, ATA_ER_ABRT), -ATXF_ENOTSUP);
	assert_int_equal(ata_status_result(ATA_SR_DRDY | ATA_SR_ERR, ATA_ER_IDNF | ATA_ER_ABRT),
			 -ATXF_ERANGE);
	assert_int_equal(ata_status_result(ATA_SR_DRDY | ATA_SR_ERR, ATA_ER_UNC), -ATXF_EIO);
	assert_int_equal(ata_status_result(ATA_SR_DRDY | ATA_SR_DF, 0), -ATXF_EIO);
	assert_int_equal(ata_status_result(ATA_SR_BSY, 0), -ATXF_EBUSY);
	assert_int_equal(ata_status_result(ATA_SR_DRDY | ATA_SR_DRQ, 0), -ATXF_EBUSY);
}

static void test_status_described(void **state)
{
	char buf[80];
	char tiny[8];

	(void)state;
	ata_status_describe(0x51, ATA_ER_ABRT, buf, sizeof(buf));
	assert_string_equal(buf, "status 0x51 DRDY ERR, error 0x04 ABRT");
	ata_status_describe(0x50, 0xff, buf, sizeof(buf));
	assert_string_equal(buf, "status 0x50 DRDY");      /* error unread without ERR */
	ata_status_describe(0x51, 0x50, buf, sizeof(buf));
	assert_string_equal(buf, "status 0x51 DRDY ERR, error 0x50 UNC IDNF");
	assert_int_equal(ata_status_describe(0xff, 0xff, tiny, sizeof(tiny)), 7);
	assert_string_equal(tiny, "status ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_low_read_is_lba28_dma),
		cmocka_unit_test(test_lba28_high_nibble_in_device),
		cmocka_unit_test(test_lba28_boundary),
		cmocka_unit_test(test_long_transfer_is_lba48),
		cmocka_unit_test(test_fpdma_layout),
		cmocka_unit_test(test_ncq_refused_without_support_or_past_depth),
		cmocka_unit_test(test_range_and_count_refused),
		cmocka_unit_test(test_lba28_only_disk_limits),
		cmocka_unit_test(test_flush),
		cmocka_unit_test(test_identify_command),
		cmocka_unit_test(test_status_results),
		cmocka_unit_test(test_status_described),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
