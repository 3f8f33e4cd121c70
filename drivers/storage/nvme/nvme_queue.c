/*
 * NVMe queue pairs: see nvme_queue.h. QEMU: hw/nvme/ctrl.c's nvme_process_sq
 * takes entries up to the tail doorbell, nvme_post_cqes writes completions
 * with the phase tag and interrupts while the CQ is not empty.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "nvme_queue.h"

void nvme_queue_init(struct nvme_queue *q, uint16_t qid, uint16_t size, volatile uint8_t *regs,
		     unsigned stride, void *sq, uint64_t sq_bus, void *cq, uint64_t cq_bus)
{
	memset(q, 0, sizeof(*q));
	memset(sq, 0, (size_t)size * sizeof(struct nvme_sqe));
	memset(cq, 0, (size_t)size * sizeof(struct nvme_cqe));
	q->sq = sq;
	q->cq = cq;
	q->sq_bus = sq_bus;
	q->cq_bus = cq_bus;
	q->qid = qid;
	q->size = size;
	/* §3.1.10, §3.1.11: SQ y tail at 0x1000 + 2y * stride, CQ y head one stride on. */
	q->sq_db = regs + NVME_DOORBELLS + (2u * qid) * stride;
	q->cq_db = regs + NVME_DOORBELLS + (2u * qid + 1u) * stride;
	/* §4.6: the controller's first pass writes phase 1 over zeroed memory. */
	q->phase = 1;
}

int nvme_queue_room(const struct nvme_queue *q)
{
	return (uint16_t)((q->sq_tail + 1u) % q->size) != q->sq_head &&
	       q->inflight + 1u < q->size;
}

int nvme_queue_submit(struct nvme_queue *q, const struct nvme_sqe *e)
{
	if (!nvme_queue_room(q))
		return -ATXF_EAGAIN;
	memcpy(&q->sq[q->sq_tail], e, sizeof(*e));
	q->sq_tail = (uint16_t)((q->sq_tail + 1u) % q->size);
	q->inflight++;
	/* The entry is in memory before the controller hears of it. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	atxf_mmio_write32(q->sq_db, q->sq_tail);
	return 0;
}

int nvme_queue_reap(struct nvme_queue *q, struct nvme_cqe *out)
{
	volatile struct nvme_cqe *e = &q->cq[q->cq_head];

	if (NVME_CQE_PHASE(e->status) != q->phase)
		return 0;
	/* The rest of the entry is read after its phase tag said it is new. */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	out->result = e->result;
	out->reserved = 0;
	out->sq_head = e->sq_head;
	out->sq_id = e->sq_id;
	out->cid = e->cid;
	out->status = e->status;
	if (out->sq_head < q->size)
		q->sq_head = out->sq_head;
	if (q->inflight)
		q->inflight--;
	if (++q->cq_head == q->size) {
		q->cq_head = 0;
		q->phase ^= 1;
	}
	return 1;
}

void nvme_queue_ack(struct nvme_queue *q)
{
	atxf_mmio_write32(q->cq_db, q->cq_head);
}
