/*
 * Notifying the device (VIRTIO 1.1 §2.6.13.4, §4.1.5.2): only when it
 * wants it. With EVENT_IDX, when the available index went past the
 * avail_event it set (§2.6.10); without, unless it set NO_NOTIFY.
 */
#include "virtio_impl.h"

int atxf_virtq_kick(struct atxf_virtq *q)
{
	uint16_t old = q->kicked_idx, now = q->avail_idx;
	int need;

	if (q->broken || old == now)
		return 0;
	/* The new index must be visible before we read what the device wants. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (atxf_virtio_has(q->vd, VIRTIO_F_EVENT_IDX))
		need = virtq_need_event(__atomic_load_n(q->avail_event, __ATOMIC_ACQUIRE), now, old);
	else
		need = !(__atomic_load_n(&q->used->flags, __ATOMIC_ACQUIRE) & VIRTQ_USED_F_NO_NOTIFY);
	q->kicked_idx = now;
	if (need)
		atxf_mmio_write16(q->doorbell, q->index);
	return need;
}
