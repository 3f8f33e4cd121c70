/*
 * The fake virtio device's queues (<atxf/fake_virtio.h>): the device side
 * of a split virtqueue (VIRTIO 1.1 §2.6). It reads what the driver made
 * available, following descriptor chains and indirect tables, writes used
 * elements, and interrupts on the queue's MSI-X vector when the driver's
 * event index (or, without EVENT_IDX, its flags) asks for it.
 */
#include <string.h>
#include <atxf/errors.h>
#include "fake_internal.h"
#include <atxf/fake_virtio.h>

static int has(const struct atxf_fake_virtio *d, unsigned bit)
{
	return (d->accepted & VIRTIO_FEATURE(bit)) != 0;
}

static struct virtq_avail *avail(const struct atxf_fake_virtq *q)
{
	return atxf_fake_dma_to_host(q->driver, VIRTQ_AVAIL_BYTES(q->size));
}

static struct virtq_used *used(const struct atxf_fake_virtq *q)
{
	return atxf_fake_dma_to_host(q->device, VIRTQ_USED_BYTES(q->size));
}

/* §2.6.8: avail_event, the u16 after the used ring's elements. */
static uint16_t *avail_event(const struct atxf_fake_virtq *q)
{
	return (uint16_t *)((uint8_t *)used(q) + VIRTQ_AVAIL_EVENT_AT(q->size));
}

static struct atxf_fake_virtq *live(struct atxf_fake_virtio *d, unsigned qi)
{
	struct atxf_fake_virtq *q = qi < ATXF_FAKE_VIRTIO_QUEUES ? &d->q[qi] : NULL;

	return q && q->enabled && q->size && avail(q) && used(q) ? q : NULL;
}

static void interrupt(struct atxf_fake_virtio *d, uint16_t vector, uint8_t isr)
{
	d->isr |= isr;
	if (vector >= ATXF_FAKE_VIRTIO_VECTORS)
		return;             /* NO_VECTOR: with MSI-X on, nothing fires */
	d->interrupts[vector]++;
	if (d->irq_line_base >= 0)
		atxf_fake_irq_raise((unsigned)d->irq_line_base + vector);
}

/* One buffer of the chain: in DMA memory, readable ones before writable ones. */
static int add_seg(struct atxf_fake_virtio_chain *c, const struct virtq_desc *e)
{
	int write = (e->flags & VIRTQ_DESC_F_WRITE) != 0;
	uint8_t *mem;

	if (c->nseg == ATXF_FAKE_VIRTIO_SEGS || (!write && c->writable))
		return -ATXF_EPROTO;
	mem = atxf_fake_dma_to_host(e->addr, e->len);
	if (!mem || e->len == 0)
		return -ATXF_EPROTO;
	c->seg[c->nseg++] = (struct atxf_fake_virtio_seg){ mem, e->len, write };
	if (write)
		c->writable += e->len;
	return 0;
}

/* Walks n descriptors of table from first (§2.6.5.2: at most n steps). */
static int walk(struct atxf_fake_virtio_chain *c, const struct virtq_desc *table,
		uint32_t n, uint32_t first)
{
	uint32_t i = first;

	for (uint32_t steps = 0; steps < n; steps++) {
		int err;

		if (i >= n || (table[i].flags & VIRTQ_DESC_F_INDIRECT))
			return -ATXF_EPROTO;
		err = add_seg(c, &table[i]);
		if (err)
			return err;
		if (!(table[i].flags & VIRTQ_DESC_F_NEXT))
			return 0;
		i = table[i].next;
	}
	return -ATXF_EPROTO;        /* a loop */
}

/* §2.6.5.3.1: an indirect descriptor alone, its table in DMA memory. */
static int walk_indirect(struct atxf_fake_virtio *d, struct atxf_fake_virtio_chain *c,
			 const struct virtq_desc *e)
{
	const struct virtq_desc *table;

	if (!has(d, VIRTIO_F_INDIRECT_DESC) || (e->flags & VIRTQ_DESC_F_NEXT) ||
	    e->len == 0 || e->len % 16)
		return -ATXF_EPROTO;
	table = atxf_fake_dma_to_host(e->addr, e->len);
	if (!table)
		return -ATXF_EPROTO;
	c->indirect = 1;
	return walk(c, table, e->len / 16, 0);
}

int atxf_fake_virtio_pop(struct atxf_fake_virtio *d, unsigned qi,
			 struct atxf_fake_virtio_chain *c)
{
	struct atxf_fake_virtq *q = live(d, qi);
	const struct virtq_desc *desc;
	struct virtq_avail *a;
	int err;

	if (!q)
		return -ATXF_EAGAIN;
	a = avail(q);
	if (__atomic_load_n(&a->idx, __ATOMIC_ACQUIRE) == q->last_avail)
		return -ATXF_EAGAIN;
	memset(c, 0, sizeof(*c));
	c->head = a->ring[q->last_avail % q->size];
	desc = atxf_fake_dma_to_host(q->desc, VIRTQ_DESC_BYTES(q->size));
	if (!desc || c->head >= q->size)
		return -ATXF_EPROTO;
	err = desc[c->head].flags & VIRTQ_DESC_F_INDIRECT ? walk_indirect(d, c, &desc[c->head])
							   : walk(c, desc, q->size, c->head);
	if (err)
		return err;
	q->last_avail++;
	/* §2.6.10: like QEMU, ask to be notified of the very next one. */
	if (has(d, VIRTIO_F_EVENT_IDX) && !q->hold_event)
		*avail_event(q) = q->last_avail;
	return 0;
}

void atxf_fake_virtio_push(struct atxf_fake_virtio *d, unsigned qi, uint32_t id, uint32_t len)
{
	struct atxf_fake_virtq *q = live(d, qi);
	struct virtq_used *u;
	uint16_t old;
	int want;

	if (!q)
		return;
	u = used(q);
	old = q->used_idx;
	u->ring[old % q->size] = (struct virtq_used_elem){ id, len };
	q->used_idx++;
	__atomic_store_n(&u->idx, q->used_idx, __ATOMIC_RELEASE);
	/* §2.6.7.2 and §2.6.10: does the driver want this interrupt? */
	want = has(d, VIRTIO_F_EVENT_IDX)
	       ? virtq_need_event(atxf_fake_virtio_used_event(d, qi), q->used_idx, old)
	       : !(avail(q)->flags & VIRTQ_AVAIL_F_NO_INTERRUPT);
	if (want)
		interrupt(d, q->vector, VIRTIO_ISR_QUEUE);
}

unsigned atxf_fake_virtio_fill(struct atxf_fake_virtio *d, unsigned qi, uint8_t *seed)
{
	struct atxf_fake_virtio_chain c;
	unsigned served = 0;

	while (atxf_fake_virtio_pop(d, qi, &c) == 0) {
		for (unsigned s = 0; s < c.nseg; s++)
			for (uint32_t i = 0; c.seg[s].write && i < c.seg[s].len; i++)
				c.seg[s].mem[i] = (*seed)++;
		atxf_fake_virtio_push(d, qi, c.head, c.writable);
		served++;
	}
	return served;
}

uint16_t atxf_fake_virtio_used_event(struct atxf_fake_virtio *d, unsigned qi)
{
	struct atxf_fake_virtq *q = live(d, qi);
	uint16_t ev = 0;

	if (q)
		memcpy(&ev, (uint8_t *)avail(q) + VIRTQ_USED_EVENT_AT(q->size), 2);
	return ev;
}

uint16_t atxf_fake_virtio_avail_flags(struct atxf_fake_virtio *d, unsigned qi)
{
	struct atxf_fake_virtq *q = live(d, qi);

	return q ? avail(q)->flags : 0;
}

void atxf_fake_virtio_avail_event(struct atxf_fake_virtio *d, unsigned qi, uint16_t idx)
{
	struct atxf_fake_virtq *q = live(d, qi);

	if (!q)
		return;
	q->hold_event = 1;
	*avail_event(q) = idx;
}

void atxf_fake_virtio_no_notify(struct atxf_fake_virtio *d, unsigned qi, int on)
{
	struct atxf_fake_virtq *q = live(d, qi);

	if (q)
		used(q)->flags = on ? VIRTQ_USED_F_NO_NOTIFY : 0;
}

void atxf_fake_virtio_needs_reset(struct atxf_fake_virtio *d)
{
	d->status |= VIRTIO_STATUS_NEEDS_RESET;
	d->cfg_gen++;
	interrupt(d, d->msix_config, VIRTIO_ISR_CONFIG);
}
