/*
 * bench-blk.atxf: the driver side of the block queue benchmark
 * (bench_queue.c): a block device of the driver framework whose READ
 * completes at once, writing the sector number into the first 8 bytes of
 * the buffer, so what is measured is the framework's path (call or ring),
 * not a device. The same driver serves both paths in one run.
 *
 *   bench-blk.atxf             (registers "bench-blk0")
 */
#include <string.h>
#include <atxf/driver.h>
#include <atxf/sys.h>

ATXF_DRIVER_MANIFEST(
	.name = "bench-blk",
	.device_class = ATXF_CLASS_BLOCK,
	.flags = ATXF_MANIFEST_F_NO_RESTART);

static int blk_probe(struct atxf_device *dev)
{
	dev->info.block = (struct atxf_block_info){ .sector_size = 512, .sectors = 1u << 20 };
	return 0;
}

static int blk_read(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf)
{
	(void)dev, (void)count;
	memcpy(buf, &sector, sizeof(sector));
	return 0;
}

/* CPU_NS (a private request): the driver's own CPU time so far, so the
 * benchmark can tell its work from the time it waited. */
static int blk_other(struct atxf_device *dev, const struct atxf_msg *req, struct atxf_msg *reply)
{
	uint64_t ns = atxf_cpu_ns();

	(void)dev, (void)req;
	memcpy(reply->data, &ns, sizeof(ns));
	reply->len = sizeof(ns);
	return 0;
}

static const struct atxf_driver blk = {
	.name = "bench-blk", .probe = blk_probe, .other = blk_other,
	.block = { .read = blk_read },
};

int main(void)
{
	return atxf_driver_run(&blk);
}
