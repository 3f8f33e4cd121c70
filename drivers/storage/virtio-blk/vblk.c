/*
 * virtio-blk's device logic on the virtio library: see vblk.h. QEMU:
 * -device virtio-blk-pci,disable-legacy=on (hw/block/virtio-blk.c).
 */
#include <stdio.h>
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "vblk.h"

#define VBLK_WANT (VIRTIO_FEATURE(VIRTIO_BLK_F_SIZE_MAX) | VIRTIO_FEATURE(VIRTIO_BLK_F_SEG_MAX) | \
		   VIRTIO_FEATURE(VIRTIO_BLK_F_RO) | VIRTIO_FEATURE(VIRTIO_BLK_F_BLK_SIZE) | \
		   VIRTIO_FEATURE(VIRTIO_BLK_F_FLUSH))

static struct vblk_slot_mem *slot_mem(const struct vblk *b, unsigned slot)
{
	return (struct vblk_slot_mem *)(uintptr_t)b->pool.vaddr + slot;
}

static uint64_t slot_bus(const struct vblk *b, unsigned slot)
{
	return b->pool.bus_addr + (uint64_t)slot * sizeof(struct vblk_slot_mem);
}

static int refuse(struct vblk *b, const char *why, unsigned long long v)
{
	snprintf(b->vd.error, sizeof(b->vd.error), why, v);
	return -ATXF_ENOTSUP;
}

static uint32_t cfg32(struct vblk *b, uint32_t off)
{
	uint32_t v = 0;

	(void)atxf_virtio_config_read(&b->vd, off, &v, sizeof(v));
	return v;
}

/* §5.2.4: the disk's geometry as the negotiated features tell it. */
static int read_config(struct vblk *b)
{
	uint64_t capacity = 0;
	int err = atxf_virtio_config_read(&b->vd, VIRTIO_BLK_CFG_CAPACITY, &capacity,
					  sizeof(capacity));

	if (err)
		return err;
	b->sector_size = VIRTIO_BLK_SECTOR;
	if (atxf_virtio_has(&b->vd, VIRTIO_BLK_F_BLK_SIZE))
		b->sector_size = cfg32(b, VIRTIO_BLK_CFG_BLK_SIZE);
	/* §5.2.5: requests are in 512-byte units, so a block is a whole number of them. */
	if (b->sector_size < VIRTIO_BLK_SECTOR || (b->sector_size & (b->sector_size - 1)))
		return refuse(b, "blk_size %llu is not a power of two from 512", b->sector_size);
	b->units = b->sector_size / VIRTIO_BLK_SECTOR;
	b->sectors = capacity / b->units;
	b->data_segs = VBLK_DATA_SEGS;
	if (atxf_virtio_has(&b->vd, VIRTIO_BLK_F_SEG_MAX)) {
		uint32_t seg_max = cfg32(b, VIRTIO_BLK_CFG_SEG_MAX);

		if (seg_max == 0)
			return refuse(b, "seg_max %llu", 0);
		if (seg_max < b->data_segs)
			b->data_segs = seg_max;
	}
	b->size_max = atxf_virtio_has(&b->vd, VIRTIO_BLK_F_SIZE_MAX) ?
		      cfg32(b, VIRTIO_BLK_CFG_SIZE_MAX) : 0;
	/* Our segments are up to a page (block DMA splits them there). */
	if (b->size_max && b->size_max < 4096)
		return refuse(b, "size_max %llu is under a page", b->size_max);
	b->read_only = (uint8_t)atxf_virtio_has(&b->vd, VIRTIO_BLK_F_RO);
	b->has_flush = (uint8_t)atxf_virtio_has(&b->vd, VIRTIO_BLK_F_FLUSH);
	return 0;
}

static void slots_reset(struct vblk *b)
{
	b->nfree = VBLK_SLOTS;
	for (unsigned i = 0; i < VBLK_SLOTS; i++)
		b->free[i] = (uint16_t)(VBLK_SLOTS - 1 - i);
}

static int setup(struct vblk *b)
{
	int err = atxf_virtio_begin(&b->vd, VBLK_WANT);

	if (!err)
		err = read_config(b);
	if (!err)
		err = atxf_virtio_config_vector(&b->vd, b->config_vector);
	if (!err)
		err = atxf_virtq_setup(&b->q, &b->vd, VBLK_QUEUE, VBLK_QUEUE_SIZE, b->queue_vector);
	/* Without indirect tables a chain takes a descriptor per buffer. */
	if (!err && !b->q.indirect && b->data_segs > (unsigned)b->q.size - 2u)
		b->data_segs = b->q.size > 2 ? b->q.size - 2u : 0;
	if (!err && b->data_segs == 0)
		err = refuse(b, "a %llu-entry queue holds no request", b->q.size);
	if (!err && !b->pool.size)
		err = atxf_dma_alloc(&b->vd.tag, VBLK_SLOTS * sizeof(struct vblk_slot_mem), &b->pool);
	if (!err)
		err = atxf_virtio_ready(&b->vd);
	if (err)
		atxf_virtio_abandon(&b->vd, &b->q, 1);
	slots_reset(b);
	return err;
}

int vblk_start(struct vblk *b, uint16_t config_vector, uint16_t queue_vector)
{
	b->config_vector = config_vector;
	b->queue_vector = queue_vector;
	memset(&b->pool, 0, sizeof(b->pool));
	return setup(b);
}

int vblk_slot_take(struct vblk *b)
{
	return b->nfree ? b->free[--b->nfree] : -1;
}

void vblk_slot_give(struct vblk *b, unsigned slot)
{
	if (slot < VBLK_SLOTS && b->nfree < VBLK_SLOTS)
		b->free[b->nfree++] = (uint16_t)slot;
}

int vblk_submit(struct vblk *b, unsigned slot, uint32_t type, uint64_t sector,
		const struct atxf_dma_seg *seg, unsigned nsegs)
{
	struct atxf_virtq_buf bufs[VBLK_DATA_SEGS + 2];
	struct vblk_slot_mem *m = slot_mem(b, slot);
	int write = type == VIRTIO_BLK_T_OUT;
	unsigned n = 0;

	if (slot >= VBLK_SLOTS || nsegs > b->data_segs)
		return -ATXF_EINVAL;
	m->hdr = (struct virtio_blk_req_hdr){ .type = type, .sector = sector * b->units };
	m->status = 0xff;       /* the device must overwrite it */
	bufs[n++] = (struct atxf_virtq_buf){ slot_bus(b, slot), sizeof(m->hdr) };
	for (unsigned i = 0; i < nsegs; i++)
		bufs[n++] = (struct atxf_virtq_buf){ seg[i].bus_addr, (uint32_t)seg[i].len };
	bufs[n++] = (struct atxf_virtq_buf){ slot_bus(b, slot) + sizeof(m->hdr), 1 };
	/* Device-readable first: the header, and a write's data. */
	return atxf_virtq_add(&b->q, bufs, write ? 1 + nsegs : 1, write ? 1 : nsegs + 1,
			      (void *)(uintptr_t)slot);
}

void vblk_kick(struct vblk *b)
{
	atxf_virtq_kick(&b->q);
}

static int status_err(uint8_t s)
{
	switch (s) {
	case VIRTIO_BLK_S_OK: return 0;
	case VIRTIO_BLK_S_UNSUPP: return -ATXF_ENOTSUP;
	}
	return -ATXF_EIO;       /* IOERR, or a status the device never wrote */
}

int vblk_collect(struct vblk *b, unsigned *slot, int *status)
{
	void *tok;
	uint32_t len;
	int err = atxf_virtq_get(&b->q, &tok, &len);

	if (err)
		return err;
	*slot = (unsigned)(uintptr_t)tok;
	/* §5.2.6.1: the status byte is the last the device writes; a used
	 * length without it means it wrote none. */
	*status = len == 0 ? -ATXF_EIO : status_err(slot_mem(b, *slot)->status);
	return 0;
}

int vblk_irq_on(struct vblk *b)
{
	return atxf_virtq_irq_on(&b->q);
}

int vblk_needs_reset(const struct vblk *b)
{
	return atxf_virtio_needs_reset(&b->vd) || b->q.broken;
}

int vblk_reset(struct vblk *b)
{
	int err = atxf_virtio_reset(&b->vd);

	/* After the reset the device holds none of our buffers. */
	atxf_virtq_release(&b->q);
	slots_reset(b);
	return err;
}

int vblk_restart(struct vblk *b)
{
	return setup(b);
}

void vblk_stop(struct vblk *b)
{
	if (b->vd.common)
		(void)vblk_reset(b);
	atxf_dma_free(&b->pool);
}
