/*
 * The block protocol's requests (<atxf/proto/block.h>): INFO from the
 * facts probe filled in, ATTACH_BUFFER, READ and WRITE checked against the
 * device and the client's buffer, FLUSH. Exercised in QEMU by virtio-blk.
 */
#include "core.h"

static int info(struct atxf_device *dev, struct atxf_msg *reply)
{
	atxf__reply_put(reply, &dev->info.block, sizeof(dev->info.block));
	return 0;
}

/* Sector range and count against the device: 0 or -ATXF_E*. */
static int check_extent(const struct atxf_block_info *bi, const struct atxf_block_rw *rw)
{
	if (bi->sector_size == 0)
		return -ATXF_ENODEV;    /* no medium */
	if (rw->count == 0 || (bi->max_sectors && rw->count > bi->max_sectors))
		return -ATXF_ERANGE;
	/* Written so that sector + count cannot overflow. */
	if (rw->sector > bi->sectors || rw->count > bi->sectors - rw->sector)
		return -ATXF_ERANGE;
	return 0;
}

static int transfer(struct atxf_device *dev, const struct atxf_msg *req, int write)
{
	const struct atxf_block_ops *ops = &dev->driver->block;
	const struct atxf_block_info *bi = &dev->info.block;
	struct atxf_block_rw rw;
	void *buf;
	int err;

	ATXF_REQ(req, rw);
	if (rw.reserved)
		return -ATXF_EPROTO;
	if (write ? !ops->write : !ops->read)
		return -ATXF_ENOTSUP;
	if (!atxf__client_find(dev, req->sender))
		return -ATXF_EPROTO;    /* READ/WRITE before ATTACH_BUFFER */
	err = check_extent(bi, &rw);
	if (err)
		return err;
	if (write && bi->read_only)
		return -ATXF_EPERM;
	buf = atxf__client_range(dev, req->sender, rw.offset,
				 (uint64_t)rw.count * bi->sector_size, &err);
	if (!buf)
		return err;
	err = write ? ops->write(dev, rw.sector, rw.count, buf)
		    : ops->read(dev, rw.sector, rw.count, buf);
	return err < 0 ? err : 0;
}

static int flush(struct atxf_device *dev)
{
	int err;

	if (!dev->driver->block.flush)
		return 0;       /* no write cache, nothing to flush */
	err = dev->driver->block.flush(dev);
	return err < 0 ? err : 0;
}

int atxf__block_proto(struct atxf_device *dev, const struct atxf_msg *req,
		      struct atxf_msg *reply)
{
	switch (req->type) {
	case ATXF_BLOCK_INFO:
		return info(dev, reply);
	case ATXF_BLOCK_ATTACH_BUFFER:
		return atxf__client_attach(dev, req, reply);
	case ATXF_BLOCK_READ:
		return transfer(dev, req, 0);
	case ATXF_BLOCK_WRITE:
		return transfer(dev, req, 1);
	case ATXF_BLOCK_FLUSH:
		return flush(dev);
	}
	return -ATXF_ENOSYS;
}
