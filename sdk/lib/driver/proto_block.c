/*
 * The block protocol's requests (<atxf/proto/block.h>): INFO from the
 * facts probe filled in, ATTACH_BUFFER, READ and WRITE checked against the
 * device and the client's buffer, FLUSH. Exercised in QEMU by virtio-blk.
 */
#include <atxf/driver/block.h>
#include "core.h"

static const struct atxf_block_ops none;    /* a driver without ops */

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
	const struct atxf_block_ops *ops = atxf__ops(dev, &none);
	int err;

	if (write ? !ops->write : !ops->read)
		return -ATXF_ENOTSUP;
	err = check_extent(&dev->info.block, rw);
	if (err)
		return err;
	return write && dev->info.block.read_only ? -ATXF_EPERM : 0;
}

#ifdef ATXF_TEST_CRASH_AFTER
/*
 * Test builds only (drivers/build.mk, NAME-crash.atxf; never a real
 * driver): each generation dies of a real page fault while serving its
 * ATXF_TEST_CRASH_AFTER-th write, after the request was decoded and its
 * buffer found but before the device was told, so the write is certainly
 * not on the disk and only the client library's resubmission puts it
 * there (scenarios blkrestart-*-crash).
 */
static void crash_on_write(void)
{
	static uint32_t *volatile unmapped;     /* NULL: page 0 is never mapped */
	static unsigned writes;

	if (++writes == ATXF_TEST_CRASH_AFTER)
		*unmapped = writes;
}
#else
static void crash_on_write(void) {}
#endif

/* The driver's callback: 0, ATXF_PENDING or -ATXF_E*. */
static int transfer_run(struct atxf_device *dev, const struct atxf_block_rw *rw, int write,
			void *buf)
{
	const struct atxf_block_ops *ops = atxf__ops(dev, &none);
	int err;

	if (write)
		crash_on_write();
	err = write ? ops->write(dev, rw->sector, rw->count, buf)
		    : ops->read(dev, rw->sector, rw->count, buf);

	return err < 0 ? err : 0;
}

static int transfer(struct atxf_device *dev, const struct atxf_msg *req, int write)
{
	const struct atxf_block_info *bi = &dev->info.block;
	const struct atxf_block_ops *ops = atxf__ops(dev, &none);
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
	const struct atxf_block_ops *ops = atxf__ops(dev, &none);
	int err;

	if (!ops->flush)
		return 0;       /* no write cache, nothing to flush */
	err = ops->flush(dev);
	return err < 0 ? err : 0;
}

/*
 * A ring descriptor (ATXF_BLOCK_OP_*): its bytes are whole sectors of the
 * ring's data area, already checked to lie in it. Bytes done, ATXF_PENDING
 * or -ATXF_E*.
 */
static int ring_serve(struct atxf_device *dev, const struct atxf_ring_desc *d, void *bytes)
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

static int serve(struct atxf_device *dev, const struct atxf_msg *req,
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

static const struct atxf_msg_shape shapes[] = { ATXF_BLOCK_PROTOCOL(ATXF_PROTO_SHAPE_) };

const struct atxf_driver_class atxf_block_class = {
	.proto = ATXF_PROTO_BLOCK,
	.device_class = ATXF_CLASS_BLOCK,
	.shape = shapes,
	.nshapes = sizeof(shapes) / sizeof(shapes[0]),
	.serve = serve,
	.ring_serve = ring_serve,
};
