/*
 * Making buffers available on a split virtqueue (VIRTIO 1.1 §2.6.13):
 * a chain of descriptors, or one descriptor pointing at an indirect table
 * (§2.6.5.3) when INDIRECT_DESC was negotiated; then the head in the
 * available ring and, after a release fence, the index that publishes it.
 * The notification is atxf_virtq_kick's (virtq_kick.c).
 */
#include "virtio_impl.h"

static uint16_t take_desc(struct atxf_virtq *q)
{
	uint16_t i = q->free_head;

	q->free_head = q->next_free[i];
	q->nfree--;
	return i;
}

/* Fills the descriptors slots[0..n) of d from bufs, each linked to the
 * next; returns the bytes the device may write. */
static uint32_t fill(struct virtq_desc *d, const struct atxf_virtq_buf *bufs, unsigned n,
		     unsigned nout, const uint16_t *slots)
{
	uint32_t writable = 0;

	for (unsigned i = 0; i < n; i++) {
		struct virtq_desc *e = &d[slots[i]];

		e->addr = bufs[i].bus_addr;
		e->len = bufs[i].len;
		e->flags = (uint16_t)((i >= nout ? VIRTQ_DESC_F_WRITE : 0) |
				      (i + 1 < n ? VIRTQ_DESC_F_NEXT : 0));
		e->next = i + 1 < n ? slots[i + 1] : 0;
		if (i >= nout)
			writable += bufs[i].len;
	}
	return writable;
}

/* §2.6.5.3.1: one descriptor of the ring, the chain in this head's table. */
static uint16_t add_indirect(struct atxf_virtq *q, const struct atxf_virtq_buf *bufs,
			     unsigned n, unsigned nout)
{
	uint16_t head = take_desc(q);
	struct virtq_desc *table = q->indirect + (size_t)head * ATXF_VIRTQ_INDIRECT_MAX;
	uint16_t slots[ATXF_VIRTQ_INDIRECT_MAX];

	for (unsigned i = 0; i < n; i++)
		slots[i] = (uint16_t)i;
	q->writable[head] = fill(table, bufs, n, nout, slots);
	q->desc[head] = (struct virtq_desc){
		.addr = q->indirect_bus + (uint64_t)head * ATXF_VIRTQ_INDIRECT_MAX * 16u,
		.len = (uint32_t)(n * 16u), .flags = VIRTQ_DESC_F_INDIRECT };
	q->chain_len[head] = 1;
	return head;
}

static uint16_t add_direct(struct atxf_virtq *q, const struct atxf_virtq_buf *bufs,
			   unsigned n, unsigned nout)
{
	uint16_t slots[ATXF_VIRTQ_SIZE_MAX];

	for (unsigned i = 0; i < n; i++)
		slots[i] = take_desc(q);
	/* The chain's links, kept where the device cannot change them. */
	for (unsigned i = 0; i + 1 < n; i++)
		q->next_free[slots[i]] = slots[i + 1];
	q->writable[slots[0]] = fill(q->desc, bufs, n, nout, slots);
	q->chain_len[slots[0]] = (uint16_t)n;
	return slots[0];
}

static int check_chain(struct atxf_virtq *q, const struct atxf_virtq_buf *bufs, unsigned n)
{
	unsigned max = q->indirect && q->size < ATXF_VIRTQ_INDIRECT_MAX ?
		       ATXF_VIRTQ_INDIRECT_MAX : q->size;
	uint64_t total = 0;

	if (n == 0)
		return atxf__virtio_refuse(q->vd, -ATXF_EINVAL, "queue %u: a chain of no buffers",
					   q->index);
	if (n > max)
		return atxf__virtio_refuse(q->vd, -ATXF_EINVAL, "queue %u: a chain of %u buffers "
					   "(at most %u)", q->index, n, max);
	for (unsigned i = 0; i < n; i++) {
		if (bufs[i].len == 0)
			return atxf__virtio_refuse(q->vd, -ATXF_EINVAL, "queue %u: buffer %u of "
						   "the chain is empty", q->index, i);
		total += bufs[i].len;
	}
	/* A used len is a u32: a chain must be describable by one. */
	if (total > UINT32_MAX)
		return atxf__virtio_refuse(q->vd, -ATXF_EINVAL, "queue %u: a chain of %llu "
					   "bytes", q->index, (unsigned long long)total);
	return 0;
}

int atxf_virtq_add(struct atxf_virtq *q, const struct atxf_virtq_buf *bufs,
		   unsigned nout, unsigned nin, void *token)
{
	unsigned n = nout + nin;
	int indirect = q->indirect && n > 1 && n <= ATXF_VIRTQ_INDIRECT_MAX;
	int err = q->broken ? -ATXF_EIO : check_chain(q, bufs, n);
	uint16_t head;

	if (err)
		return err;
	if (q->nfree < (indirect ? 1 : n))
		return -ATXF_ENOSPC;
	head = indirect ? add_indirect(q, bufs, n, nout) : add_direct(q, bufs, n, nout);
	q->token[head] = token;
	q->avail->ring[q->avail_idx % q->size] = head;
	/* §2.6.13.3: the device must see the entry before the index that publishes it. */
	q->avail_idx++;
	__atomic_store_n(&q->avail->idx, q->avail_idx, __ATOMIC_RELEASE);
	return 0;
}
