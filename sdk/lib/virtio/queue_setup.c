/*
 * Setting up a split virtqueue (VIRTIO 1.1 §4.1.5.1.3, §2.6): its size,
 * its MSI-X vector, its three parts in one DMA allocation (plus the
 * indirect tables when INDIRECT_DESC was negotiated) and the doorbell
 * it is notified at.
 */
#include <string.h>
#include "virtio_impl.h"

/* The largest power of two <= n (n > 0). */
static uint16_t pow2_floor(uint16_t n)
{
	uint16_t p = 1;

	while (p <= n / 2)
		p = (uint16_t)(p * 2);
	return p;
}

static void write64(volatile uint8_t *reg, uint64_t value)
{
	/* §4.1.3.1: a 64-bit field is written as two 32-bit halves, low first. */
	atxf_mmio_write32(reg, (uint32_t)value);
	atxf_mmio_write32(reg + 4, (uint32_t)(value >> 32));
}

static int choose_size(struct atxf_virtq *q, uint16_t want)
{
	struct atxf_virtio *vd = q->vd;
	uint16_t max = atxf_mmio_read16(vd->common + VIRTIO_COMMON_Q_SIZE);

	if (max == 0)
		return atxf__virtio_refuse(vd, -ATXF_ENODEV, "queue %u does not exist "
					   "(queue_size 0)", q->index);
	if (want == 0)
		return atxf__virtio_refuse(vd, -ATXF_EINVAL, "queue %u: 0 entries asked for",
					   q->index);
	if (want > ATXF_VIRTQ_SIZE_MAX)
		want = ATXF_VIRTQ_SIZE_MAX;
	q->size = pow2_floor(max < want ? max : want);
	return 0;
}

static int set_vector(struct atxf_virtq *q, uint16_t vector)
{
	volatile uint8_t *c = q->vd->common;
	uint16_t got;

	atxf_mmio_write16(c + VIRTIO_COMMON_Q_MSIX, vector);
	got = atxf_mmio_read16(c + VIRTIO_COMMON_Q_MSIX);
	/* §4.1.5.1.2: NO_VECTOR read back means the device could not map it. */
	if (got != vector)
		return atxf__virtio_refuse(q->vd, -ATXF_ENOSPC, "queue %u: MSI-X vector %u "
					   "read back as %#x: the device could not map it",
					   q->index, vector, got);
	return 0;
}

/* Points the queue's parts into its DMA memory (layout: <atxf/virtio.h>). */
static void lay_out(struct atxf_virtq *q)
{
	uint8_t *base = (uint8_t *)(uintptr_t)q->dma.vaddr;
	uint16_t n = q->size;

	q->desc = (struct virtq_desc *)base;
	q->avail = (struct virtq_avail *)(base + ATXF_VIRTQ_AVAIL_AT(n));
	q->used = (struct virtq_used *)(base + ATXF_VIRTQ_USED_AT(n));
	q->used_event = (volatile uint16_t *)(base + ATXF_VIRTQ_AVAIL_AT(n) + VIRTQ_USED_EVENT_AT(n));
	q->avail_event = (volatile uint16_t *)(base + ATXF_VIRTQ_USED_AT(n) + VIRTQ_AVAIL_EVENT_AT(n));
	if (atxf_virtio_has(q->vd, VIRTIO_F_INDIRECT_DESC)) {
		q->indirect = (struct virtq_desc *)(base + ATXF_VIRTQ_INDIRECT_AT(n));
		q->indirect_bus = q->dma.bus_addr + ATXF_VIRTQ_INDIRECT_AT(n);
	}
	for (uint16_t i = 0; i < n; i++)
		q->next_free[i] = (uint16_t)(i + 1);
	q->free_head = 0;
	q->nfree = n;
}

static int find_doorbell(struct atxf_virtq *q)
{
	struct atxf_virtio *vd = q->vd;
	uint64_t off = (uint64_t)atxf_mmio_read16(vd->common + VIRTIO_COMMON_Q_NOFF) *
		       vd->notify_mult;

	/* §4.1.4.4: the doorbell is a le16 inside the notification area. */
	if (off + 2 > vd->notify_len)
		return atxf__virtio_refuse(vd, -ATXF_ENODEV, "queue %u: doorbell at %#llx is "
					   "past the %u-byte notification area", q->index,
					   (unsigned long long)off, vd->notify_len);
	q->doorbell = (volatile uint16_t *)(vd->notify + off);
	return 0;
}

static void program(struct atxf_virtq *q)
{
	volatile uint8_t *c = q->vd->common;
	uint64_t bus = q->dma.bus_addr;

	atxf_mmio_write16(c + VIRTIO_COMMON_Q_SIZE, q->size);
	write64(c + VIRTIO_COMMON_Q_DESC, bus);
	write64(c + VIRTIO_COMMON_Q_DRIVER, bus + ATXF_VIRTQ_AVAIL_AT(q->size));
	write64(c + VIRTIO_COMMON_Q_DEVICE, bus + ATXF_VIRTQ_USED_AT(q->size));
	atxf_mmio_write16(c + VIRTIO_COMMON_Q_ENABLE, 1);
}

int atxf_virtq_setup(struct atxf_virtq *q, struct atxf_virtio *vd, uint16_t index,
		     uint16_t want, uint16_t vector)
{
	int err;

	memset(q, 0, sizeof(*q));
	q->vd = vd;
	q->index = index;
	atxf_mmio_write16(vd->common + VIRTIO_COMMON_Q_SELECT, index);
	err = choose_size(q, want);
	if (!err)
		err = set_vector(q, vector);
	if (!err)
		err = find_doorbell(q);
	if (err)
		return err;
	err = atxf_dma_alloc(&vd->tag, ATXF_VIRTQ_DMA_BYTES(q->size), &q->dma);
	if (err)
		return atxf__virtio_refuse(vd, err, "queue %u: %u bytes of DMA memory: %s",
					   index, ATXF_VIRTQ_DMA_BYTES(q->size), atxf_strerror(err));
	err = virtio_dma_reachable(vd, &q->dma);
	if (err) {
		atxf_dma_free(&q->dma);
		return err;
	}
	lay_out(q);
	program(q);
	return 0;
}

void atxf_virtq_release(struct atxf_virtq *q)
{
	if (q->dma.size)
		atxf_dma_free(&q->dma);
	memset(&q->dma, 0, sizeof(q->dma));
	q->broken = 1;              /* nothing more goes through it */
}

void atxf_virtio_abandon(struct atxf_virtio *vd, struct atxf_virtq *queues, unsigned n)
{
	(void)atxf_virtio_reset(vd);
	for (unsigned i = 0; i < n; i++)
		atxf_virtq_release(&queues[i]);
	atxf_virtio_fail(vd);
}
