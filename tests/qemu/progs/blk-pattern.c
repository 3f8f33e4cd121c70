/*
 * blk-pattern.atxf: a block driver whose disk is computed, not stored
 * (tests/qemu/progs/blk_pattern.h), for the client-library scenarios
 * (tests/qemu/scenarios_clients.py): a restart loses nothing, so every
 * read a client gets back can be checked. devmgr starts it on COM1 (its
 * manifest matches the device and asks for nothing), and restarts it when
 * the scenario kills it.
 *
 *   blk-pattern.atxf INSTANCE GENERATION      (devmgr's argv)
 *
 * It logs "blk-pattern: generation N serving" before the framework's
 * loop. Each READ takes 2 ms (a disk's latency), so a kill lands inside
 * one now and then. It is read-only: WRITE is refused with EPERM.
 */
#include <stdlib.h>
#include <atxf/driver.h>
#include <atxf/log.h>
#include <atxf/sys.h>
#include "blk_pattern.h"

#define LATENCY_NS 2000000ull

ATXF_DRIVER_MANIFEST(
	.name = "blk-pattern",
	.device_class = ATXF_CLASS_BLOCK,
	.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") });

static int pattern_probe(struct atxf_device *dev)
{
	dev->info.block = (struct atxf_block_info){
		.sector_size = BLK_PATTERN_SECTOR,
		.read_only = 1,
		.sectors = BLK_PATTERN_SECTORS,
		.max_sectors = BLK_PATTERN_MAX,
	};
	return 0;
}

static int pattern_read(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf)
{
	uint32_t *w = buf;

	(void)dev;
	atxf_sleep_ns(LATENCY_NS);
	for (uint32_t i = 0; i < count; i++)
		blk_pattern_fill(sector + i, w + i * (BLK_PATTERN_SECTOR / 4));
	return 0;
}

static const struct atxf_driver pattern_driver = {
	.name = "blk-pattern",
	.probe = pattern_probe,
	.block = { .read = pattern_read },
};

int main(int argc, char **argv)
{
	atxf_log("blk-pattern: generation %d serving\n", argc > 2 ? atoi(argv[2]) : 0);
	return atxf_driver_run(&pattern_driver);
}
