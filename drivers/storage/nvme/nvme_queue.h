/*
 * One NVMe queue pair (NVMe 1.4 §4.1): a submission queue the driver fills
 * and a completion queue the controller fills, each a ring in DMA memory
 * with a doorbell register. Completion entries carry a phase tag that
 * flips on each pass, so the driver sees a new entry without reading any
 * register (§4.6). Device logic only: <atxf/hw.h> calls, host-testable.
 */
#ifndef NVME_QUEUE_H
#define NVME_QUEUE_H

#include <stdint.h>
#include "nvme_reg.h"

struct nvme_queue {
	struct nvme_sqe *sq;        /* size entries */
	volatile struct nvme_cqe *cq;
	uint64_t sq_bus, cq_bus;    /* what Create I/O SQ/CQ (or ASQ/ACQ) are told */
	volatile void *sq_db;       /* SQ tail doorbell */
	volatile void *cq_db;       /* CQ head doorbell */
	uint16_t qid, size;         /* size: entries of each ring */
	uint16_t sq_tail, sq_head;  /* sq_head: as the last completion reported it */
	uint16_t cq_head;
	uint8_t phase;              /* the phase tag a new completion entry carries */
	uint16_t inflight;          /* commands submitted, not yet completed */
};

/*
 * Points q at its rings (sq: size * 64 bytes, cq: size * 16, both zeroed
 * here) and at its doorbells in regs with the controller's stride (§3.1.10).
 */
void nvme_queue_init(struct nvme_queue *q, uint16_t qid, uint16_t size, volatile uint8_t *regs,
		     unsigned stride, void *sq, uint64_t sq_bus, void *cq, uint64_t cq_bus);

/* Whether one more command fits (one entry always stays empty: §4.1.2). */
int nvme_queue_room(const struct nvme_queue *q);

/* Copies e to the tail and rings the doorbell: 0, or -ATXF_EAGAIN when full. */
int nvme_queue_submit(struct nvme_queue *q, const struct nvme_sqe *e);

/* Takes the next new completion into out: 1, or 0 when there is none. */
int nvme_queue_reap(struct nvme_queue *q, struct nvme_cqe *out);

/* Tells the controller which completions were consumed (CQ head doorbell). */
void nvme_queue_ack(struct nvme_queue *q);

#endif
