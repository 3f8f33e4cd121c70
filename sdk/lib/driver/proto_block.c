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

/* What READ and WRITE share, call or ring: 0, or why the driver never sees it. */
static int transfer_ok(struct atxf_device *dev, const struct atxf_block_rw *rw, int write)
{
	const struct atxf_block_ops *ops = &dev->driver->block;
	int err;

	if (write ? !ops->write : !ops->read)
		return -ATXF_ENOTSUP;
	err = check_extent(&dev->info.block, rw);
	if (err)
		return err;
	return write && dev->info.block.read_only ? -ATXF_EPERM : 0;
}

/* The driver's callback: 0, ATXF_PENDING or -ATXF_E*. */
static int transfer_run(struct atxf_device *dev, const struct atxf_block_rw *rw, int write,
			void *buf)
{
	const struct atxf_block_ops *ops = &dev->driver->block;
	int err = write ? ops->write(dev, rw->sector, rw->count, buf)
			: ops->read(dev, rw->sector, rw->count, buf);

	return err < 0 ? err : 0;
}

static int transfer(struct atxf_device *dev, const struct atxf_msg *req, int write)
{
	const struct atxf_block_info *bi = &dev->info.block;
	struct atxf_block_rw rw;
	void *buf;
	int err;

	ATXF_REQ(req, rw);
	if (rw.reserved)
		return -ATXF_EPROTO;
	if (write ? !dev->driver->block.write : !dev->driver->block.read)
		return -ATXF_ENOTSUP;
	if (!atxf__client_find(dev, req->sender))
		return -ATXF_EPROTO;    /* READ/WRITE before ATTACH_BUFFER */
	err = transfer_ok(dev, &rw, write);
	if (err)
		return err;
	buf = atxf__client_range(dev, req->sender, rw.offset,
				 (uint64_t)rw.count * bi->sector_size, &err);
	if (!buf)
		return err;
	return transfer_run(dev, &rw, write, buf);
}

static int flush(struct atxf_device *dev)
{
	int err;

	if (!dev->driver->block.flush)
		return 0;       /* no write cache, nothing to flush */
	err = dev->driver->block.flush(dev);
	return err < 0 ? err : 0;
}

/*
 * A ring descriptor (ATXF_BLOCK_OP_*): its bytes are whole sectors of the
 * ring's data area, already checked to lie in it. Bytes done, ATXF_PENDING
 * or -ATXF_E*.
 */
int atxf__block_ring(struct atxf_device *dev, const struct atxf_ring_desc *d, void *bytes)
{
	uint32_t ss = dev->info.block.sector_size;
	struct atxf_block_rw rw = { .sector = d->arg };
	int write = d->opcode == ATXF_BLOCK_OP_WRITE;
	int err;

	if (d->flags || d->reserved || d->status)
		return -ATXF_EPROTO;
	if (d->opcode == ATXF_BLOCK_OP_FLUSH)
		return d->arg || d->length ? -ATXF_EPROTO : flush(dev);
	if (d->opcode != ATXF_BLOCK_OP_READ && !write)
		return -ATXF_ENOSYS;
	if (ss == 0)
		return -ATXF_ENODEV;
	if (d->length % ss)
		return -ATXF_ERANGE;    /* not whole sectors */
	rw.count = d->length / ss;
	err = transfer_ok(dev, &rw, write);
	if (!err)
		err = transfer_run(dev, &rw, write, bytes);
	return err == 0 ? (int)d->length : err;
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
	case ATXF_BLOCK_ATTACH_RING:
		return atxf__ring_attach(dev, req, reply);
	}
	return -ATXF_ENOSYS;
}
