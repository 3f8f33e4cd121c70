/*
 * A partition's requests, forwarded to its disk. The framework has
 * already refused any request past the partition's size (dev->info.block
 * is the partition's); part_map checks it again, for the arithmetic that
 * puts a partition's sector on the disk is the one thing here that could
 * reach a neighbour's data.
 */
#include <atxf/errors.h>
#include "partdrv.h"

int partdrv_disk_read(void *ctx, uint64_t lba, uint32_t count, void *buf)
{
	return atxf_block_client_read(ctx, lba, count, buf);
}

static int part_read(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf)
{
	uint64_t at;
	int err = part_map(dev->priv, sector, count, &at);

	return err ? err : atxf_block_client_read(&partdrv.disk, at, count, buf);
}

static int part_write(struct atxf_device *dev, uint64_t sector, uint32_t count, const void *buf)
{
	uint64_t at;
	int err = part_map(dev->priv, sector, count, &at);

	return err ? err : atxf_block_client_write(&partdrv.disk, at, count, buf);
}

static int part_flush(struct atxf_device *dev)
{
	(void)dev;
	return atxf_block_client_flush(&partdrv.disk);
}

const struct atxf_block_ops partdrv_block_ops = {
	.read = part_read,
	.write = part_write,
	.flush = part_flush,
};
