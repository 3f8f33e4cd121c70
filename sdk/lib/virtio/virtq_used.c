/*
 * Collecting what the device used (VIRTIO 1.1 §2.6.8), without trusting
 * it: every used element must name the head of a chain in flight, with a
 * length the chain can hold, and the used index may run at most a ring's
 * worth ahead. Anything else breaks the queue until the device is reset.
 * Also interrupt suppression (§2.6.7): the flag, or the used_event index.
 */
#include "virtio_impl.h"

/* Stops the queue, and says why: "queue 0: the device <what>; ...". */
#define broke(q, fmt, ...)                                                     \
	((q)->broken = 1,                                                      \
	 atxf__virtio_refuse((q)->vd, -ATXF_EIO, "queue %u: the device " fmt   \
			     "; queue stopped until a reset", (q)->index, __VA_ARGS__))

static void free_chain(struct atxf_virtq *q, uint16_t head)
{
	uint16_t last = head;

	/* Our own links (virtq_add.c): the device could have rewritten desc[].next. */
	for (uint16_t i = 1; i < q->chain_len[head]; i++)
		last = q->next_free[last];
	q->next_free[last] = q->free_head;
	q->free_head = head;
	q->nfree = (uint16_t)(q->nfree + q->chain_len[head]);
	q->chain_len[head] = 0;
}

int atxf_virtq_get(struct atxf_virtq *q, void **token, uint32_t *len)
{
	uint16_t idx;
	struct virtq_used_elem e;

	if (q->broken)
		return -ATXF_EIO;
	idx = __atomic_load_n(&q->used->idx, __ATOMIC_ACQUIRE);
	if (idx == q->last_used)
		return -ATXF_EAGAIN;
	if ((uint16_t)(idx - q->last_used) > atxf_virtq_in_flight(q))
		return broke(q, "moved the used index to %u, past the %u chains it holds",
			     idx, atxf_virtq_in_flight(q));
	/* Read the element once: the device may change it under us. */
	e.id = __atomic_load_n(&q->used->ring[q->last_used % q->size].id, __ATOMIC_RELAXED);
	e.len = __atomic_load_n(&q->used->ring[q->last_used % q->size].len, __ATOMIC_RELAXED);
	if (e.id >= q->size || !q->chain_len[e.id])
		return broke(q, "used id %u, which heads no chain in flight (queue of %u)",
			     e.id, q->size);
	if (e.len > q->writable[e.id])
		return broke(q, "wrote %u bytes into a chain of %u", e.len, q->writable[e.id]);
	*token = q->token[e.id];
	*len = e.len;
	free_chain(q, (uint16_t)e.id);
	q->last_used++;
	/* §2.6.7.2: with EVENT_IDX, ask for an interrupt at the next entry. */
	if (q->used_event && !q->irq_off && atxf_virtio_has(q->vd, VIRTIO_F_EVENT_IDX))
		*q->used_event = q->last_used;
	return 0;
}

unsigned atxf_virtq_in_flight(const struct atxf_virtq *q)
{
	return (uint16_t)(q->avail_idx - q->last_used);
}

void atxf_virtq_irq_off(struct atxf_virtq *q)
{
	q->irq_off = 1;
	/* With EVENT_IDX, used_event simply stays behind and the flag is ignored. */
	if (!atxf_virtio_has(q->vd, VIRTIO_F_EVENT_IDX))
		q->avail->flags = VIRTQ_AVAIL_F_NO_INTERRUPT;
}

int atxf_virtq_irq_on(struct atxf_virtq *q)
{
	q->irq_off = 0;
	if (atxf_virtio_has(q->vd, VIRTIO_F_EVENT_IDX))
		*q->used_event = q->last_used;
	else
		q->avail->flags = 0;
	/* The device may have used one just before it could see the request. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return __atomic_load_n(&q->used->idx, __ATOMIC_ACQUIRE) != q->last_used;
}
