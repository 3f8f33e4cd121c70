/*
 * virtio-blk: an ATXF driver for QEMU's -device virtio-blk-pci (modern
 * virtio 1.x transport, disable-legacy=on works), serving the block
 * protocol (<atxf/proto/block.h>) to calls and request rings alike. Each
 * READ or WRITE becomes one descriptor chain straight over the client's
 * memory (<atxf/driver/block_dma.h>) and completes from the queue's MSI-X
 * interrupt, up to VBLK_SLOTS in flight. A FLUSH waits until every write
 * submitted before it has completed, then flushes the device's cache
 * (VIRTIO_BLK_T_FLUSH), so a completed FLUSH covers every write sent
 * before it. This file is the contact with the framework; the device
 * logic is vblk.c.
 */
#include <atxf/driver/block.h>
#include <atxf/driver/block_dma.h>
#include <atxf/sys.h>
#include "vblk.h"

ATXF_DRIVER_MANIFEST(
	.name = "virtio-blk",
	.device_class = ATXF_CLASS_BLOCK,
	.match = { ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_PCI_BLK),
		   ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_PCI_BLK_TRANSITIONAL) },
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),     /* the virtio capabilities */
		ATXF_RESOURCE_BAR(4),           /* QEMU puts every virtio structure here */
		ATXF_RESOURCE_PCI_IRQS(1, 2),   /* MSI-X: configuration changes, requestq */
		ATXF_RESOURCE_DMA(VBLK_DMA_BYTES),
	});

#define FLUSH_WAIT_MAX 16       /* FLUSHes waiting for earlier writes */

/* What a slot in flight is for. */
struct inflight {
	struct atxf_request *req;   /* NULL: cancelled, the device still holds it */
	unsigned binding;           /* its client memory (atxf_block_dma_put); 0: none */
	uint32_t bytes;             /* what completing it reports */
	uint32_t epoch;             /* a write: the flush epoch it was sent in */
	uint8_t busy, write;
};

static struct vblk blk;
static struct inflight fly[VBLK_SLOTS];
static struct { struct atxf_request *req; uint32_t epoch; } flushq[FLUSH_WAIT_MAX];
static unsigned nflushq;
static uint32_t epoch;          /* each FLUSH closes one */
#ifdef VBLK_CRASH_AFTER_WRITES
static unsigned writes_done;    /* the crash build counts them */
#endif

static uint16_t queue_vector(const struct atxf_device *dev)
{
	const struct atxf_resource_grant *irq = atxf_device_resource(dev, ATXF_RES_PCI_IRQ, 0);

	return irq && irq->size >= 2 ? 1 : 0;
}

/* max_sectors: a transfer of n bytes takes at most n / 4096 + 2 page pieces. */
static void fill_info(struct atxf_device *dev)
{
	uint32_t max = (blk.data_segs - 1) * 4096u / blk.sector_size;

	dev->info.block = (struct atxf_block_info){ .sector_size = blk.sector_size,
		.read_only = blk.read_only, .sectors = blk.sectors,
		.max_sectors = max ? max : 1 };
}

static int on_probe(struct atxf_device *dev)
{
	int err = atxf_virtio_probe(&blk.vd, dev);

	if (!err)
		err = vblk_start(&blk, 0, queue_vector(dev));
	if (!err)
		err = atxf_block_dma_setup(dev, &blk.vd.tag);
	if (err) {
		atxf_device_log(dev, "virtio-blk did not start: %s: %s", atxf_strerror(err),
				atxf_virtio_error(&blk.vd));
		return err;
	}
	fill_info(dev);
	atxf_device_log(dev, "virtio 1.x, features %#llx, %llu sectors of %u bytes%s%s, "
			"max %u sectors, %u-entry requestq on MSI-X vector %u",
			(unsigned long long)blk.vd.features, (unsigned long long)blk.sectors,
			blk.sector_size, blk.read_only ? ", read-only" : "",
			blk.has_flush ? ", write cache" : "", dev->info.block.max_sectors,
			blk.q.size, blk.queue_vector);
	return 0;
}

/* Sends slot's request; on failure the slot and its memory go back. */
static int send(struct atxf_device *dev, int slot, uint32_t type, uint64_t sector,
		const struct atxf_block_sg *sg)
{
	int err = vblk_submit(&blk, (unsigned)slot, type, sector, sg ? sg->seg : NULL,
			      sg ? sg->nsegs : 0);

	if (err) {
		if (sg)
			atxf_block_dma_put(dev, sg->binding);
		fly[slot].busy = 0;
		vblk_slot_give(&blk, (unsigned)slot);
		return err == -ATXF_ENOSPC ? -ATXF_EAGAIN : err;
	}
	vblk_kick(&blk);
	return ATXF_PENDING;
}

static struct atxf_block_sg sg;    /* one request's segments, while it is sent */

static int transfer(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf,
		    int write)
{
	struct atxf_request *r = atxf_request_current(dev);
	int slot, err;

	if (!r)
		return -ATXF_EAGAIN;
	slot = vblk_slot_take(&blk);
	if (slot < 0)
		return -ATXF_EAGAIN;
	err = atxf_block_dma_get(dev, buf, (uint64_t)count * blk.sector_size, blk.data_segs, &sg);
	if (err) {
		vblk_slot_give(&blk, (unsigned)slot);
		return err;
	}
	fly[slot] = (struct inflight){ .req = r, .binding = sg.binding, .busy = 1,
		.bytes = count * blk.sector_size, .epoch = epoch, .write = (uint8_t)write };
	return send(dev, slot, write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN, sector, &sg);
}

static int on_read(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf)
{
	return transfer(dev, sector, count, buf, 0);
}

static int on_write(struct atxf_device *dev, uint64_t sector, uint32_t count, const void *buf)
{
#ifdef VBLK_CRASH_AFTER_WRITES
	/* The test build: dies (a page fault) in the middle of a stream. */
	if (++writes_done == VBLK_CRASH_AFTER_WRITES)
		*(volatile int *)0 = 0;
#endif
	return transfer(dev, sector, count, (void *)buf, 1);
}

/* Whether a write of epoch e or earlier is still with the device. */
static int writes_before(uint32_t e)
{
	for (unsigned i = 0; i < VBLK_SLOTS; i++)
		if (fly[i].busy && fly[i].write && (int32_t)(fly[i].epoch - e) <= 0)
			return 1;
	return 0;
}

/* A FLUSH whose earlier writes are done: the device's cache, if it has one. */
static int flush_now(struct atxf_device *dev, struct atxf_request *r)
{
	int slot;

	if (!blk.has_flush)
		return 0;       /* no write cache: completed writes are on the medium */
	slot = vblk_slot_take(&blk);
	if (slot < 0)
		return -ATXF_EAGAIN;
	fly[slot] = (struct inflight){ .req = r, .busy = 1 };
	return send(dev, slot, VIRTIO_BLK_T_FLUSH, 0, NULL);
}

static int on_flush(struct atxf_device *dev)
{
	struct atxf_request *r = atxf_request_current(dev);
	uint32_t mine = epoch++;

	if (!r)
		return -ATXF_EAGAIN;
	if (!writes_before(mine))
		return flush_now(dev, r);
	if (nflushq == FLUSH_WAIT_MAX)
		return -ATXF_EAGAIN;
	flushq[nflushq].req = r;
	flushq[nflushq++].epoch = mine;
	return ATXF_PENDING;
}

/* Sends the waiting FLUSHes whose writes have all completed. */
static void flushes_release(struct atxf_device *dev)
{
	for (unsigned i = 0; i < nflushq;) {
		struct atxf_request *r = flushq[i].req;
		int err;

		if (writes_before(flushq[i].epoch)) {
			i++;
			continue;
		}
		flushq[i] = flushq[--nflushq];
		err = flush_now(dev, r);
		if (err != ATXF_PENDING)
			atxf_request_complete(r, err, 0);
	}
}

static void finish(struct atxf_device *dev, unsigned slot, int status)
{
	struct inflight *f = &fly[slot];

	if (slot >= VBLK_SLOTS || !f->busy)
		return;
	atxf_block_dma_put(dev, f->binding);
	if (f->req)
		atxf_request_complete(f->req, status, status ? 0 : f->bytes);
	f->busy = 0;
	vblk_slot_give(&blk, slot);
}

/* Fails everything the device held, after its reset, and starts it again. */
static void recover(struct atxf_device *dev)
{
	int err;

	atxf_device_log(dev, "device error (%s); resetting it",
			atxf_virtio_needs_reset(&blk.vd) ? "DEVICE_NEEDS_RESET" :
			atxf_virtio_error(&blk.vd));
	(void)vblk_reset(&blk);
	for (unsigned i = 0; i < VBLK_SLOTS; i++)
		if (fly[i].busy) {
			fly[i].busy = 0;
			atxf_block_dma_put(dev, fly[i].binding);
			if (fly[i].req)
				atxf_request_complete(fly[i].req, -ATXF_EIO, 0);
		}
	err = vblk_restart(&blk);
	if (err)
		atxf_device_log(dev, "restart failed: %s: %s", atxf_strerror(err),
				atxf_virtio_error(&blk.vd));
	flushes_release(dev);
}

static void on_irq(struct atxf_device *dev, unsigned n)
{
	unsigned slot;
	int status, err;

	(void)n;
	do {
		while ((err = vblk_collect(&blk, &slot, &status)) == 0)
			finish(dev, slot, status);
	} while (err == -ATXF_EAGAIN && vblk_irq_on(&blk));
	if (err != -ATXF_EAGAIN || vblk_needs_reset(&blk)) {
		recover(dev);
		return;
	}
	if (nflushq)
		flushes_release(dev);
}

/* The framework gave up on r (timeout, client gone): never complete it. */
static void on_cancel(struct atxf_device *dev, struct atxf_request *r, int why)
{
	(void)dev, (void)why;
	for (unsigned i = 0; i < VBLK_SLOTS; i++)
		if (fly[i].busy && fly[i].req == r)
			fly[i].req = NULL;      /* its memory stays the device's until used */
	for (unsigned i = 0; i < nflushq; i++)
		if (flushq[i].req == r) {
			flushq[i] = flushq[--nflushq];
			break;
		}
}

static void on_remove(struct atxf_device *dev)
{
	vblk_stop(&blk);
	for (unsigned i = 0; i < VBLK_SLOTS; i++)
		if (fly[i].busy) {
			fly[i].busy = 0;
			atxf_block_dma_put(dev, fly[i].binding);
		}
}

static const struct atxf_block_ops block_ops = {
	.read = on_read, .write = on_write, .flush = on_flush,
};
static const struct atxf_driver ops = {
	.name = "virtio-blk",
	.probe = on_probe,
	.irq = on_irq,
	.cancel = on_cancel,
	.remove = on_remove,
	ATXF_BLOCK_OPS(block_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
