/*
 * NVMe I/O command slots: see nvme_io.h. QEMU's nvme_rw (hw/nvme/ctrl.c)
 * takes SLBA from CDW10-11 and a 0-based block count from CDW12, maps the
 * PRPs and completes on the SQ's CQ with the command's CID.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "nvme_io.h"
#include "nvme_prp.h"

#define SLOT_BYTES (NVME_XFER + 4096u)

int nvme_io_init(struct nvme_io *io, struct nvme_ctrl *c)
{
	memset(io, 0, sizeof(*io));
	io->c = c;
	io->xfer_max = c->max_bytes && c->max_bytes < NVME_XFER ? c->max_bytes : NVME_XFER;
	if (atxf_dma_alloc(&c->tag, NVME_IO_DMA_BYTES, &io->pool))
		return -ATXF_ENOMEM;
	for (unsigned i = 0; i < NVME_CMDS; i++) {
		struct nvme_cmd *k = &io->cmd[i];
		uint64_t off = (uint64_t)i * SLOT_BYTES;

		/* The list page first: it and the bounce buffer stay page-aligned. */
		k->prp_list = (uint64_t *)(uintptr_t)(io->pool.vaddr + off);
		k->prp_bus = io->pool.bus_addr + off;
		k->bounce = (uint8_t *)(uintptr_t)(io->pool.vaddr + off + 4096u);
		k->bounce_bus = io->pool.bus_addr + off + 4096u;
	}
	return 0;
}

/* A free slot and a queue with room for it: the slot, or NULL. */
static struct nvme_cmd *take_slot(struct nvme_io *io)
{
	struct nvme_cmd *k = NULL;
	unsigned n = io->c->nioq, q;

	for (unsigned i = 0; i < NVME_CMDS && !k; i++)
		if (!io->cmd[i].busy)
			k = &io->cmd[i];
	for (q = 0; k && q < n; q++) {
		unsigned qi = (io->next_q + q) % n;

		if (nvme_queue_room(&io->c->io[qi])) {
			k->qi = (uint8_t)qi;
			io->next_q = (qi + 1) % n;
			return k;
		}
	}
	return NULL;
}

static int send(struct nvme_io *io, struct nvme_cmd *k)
{
	int err = nvme_queue_submit(&io->c->io[k->qi], &k->sqe);

	if (!err) {
		k->busy = 1;
		k->deadline_ns = atxf_time_ns() + NVME_IO_NS;
	}
	return err;
}

static int start(struct nvme_io *io, void *req, struct nvme_sqe *e, uint32_t bytes, void *buf)
{
	struct nvme_cmd *k = take_slot(io);

	if (!k)
		return -ATXF_EAGAIN;
	if (bytes) {
		struct atxf_dma_seg seg = { k->bounce_bus, bytes };
		int err = nvme_prp_build(&seg, 1, bytes, k->prp_list, k->prp_bus,
					 &e->prp1, &e->prp2);

		if (err)
			return err;
	}
	e->cid = (uint16_t)(k - io->cmd);
	k->sqe = *e;
	k->req = req;
	k->buf = buf;
	k->bytes = bytes;
	if (e->opcode == NVME_CMD_WRITE)
		memcpy(k->bounce, buf, bytes);
	return send(io, k);
}

int nvme_io_rw(struct nvme_io *io, void *req, uint8_t opcode, uint32_t nsid, uint64_t lba,
	       uint32_t nlb, uint32_t bytes, void *buf)
{
	struct nvme_sqe e = { .opcode = opcode, .nsid = nsid,
			      .cdw10 = (uint32_t)lba, .cdw11 = (uint32_t)(lba >> 32),
			      .cdw12 = nlb - 1u };       /* §6.9: NLB is 0-based */

	if (!nlb || !bytes || bytes > io->xfer_max)
		return -ATXF_EINVAL;
	return start(io, req, &e, bytes, buf);
}

int nvme_io_flush(struct nvme_io *io, void *req, uint32_t nsid)
{
	struct nvme_sqe e = { .opcode = NVME_CMD_FLUSH, .nsid = nsid };

	return start(io, req, &e, 0, NULL);
}

/* §6.9.2, §4.6.1.2: any status but 0 is the command's failure. */
static int status_of(uint16_t status)
{
	return NVME_STATUS_CODE(status) ? -ATXF_EIO : 0;
}

static void finish(struct nvme_cmd *k, int status, nvme_done_fn *done)
{
	void *req = k->req;

	k->busy = 0;
	k->req = NULL;
	if (!req)
		return;                 /* its client went away meanwhile */
	if (!status && k->sqe.opcode == NVME_CMD_READ)
		memcpy(k->buf, k->bounce, k->bytes);
	done(req, status, status ? 0 : k->bytes);
}

void nvme_io_complete(struct nvme_io *io, unsigned qi, nvme_done_fn *done)
{
	struct nvme_queue *q = &io->c->io[qi];
	struct nvme_cqe e;
	int any = 0;

	while (nvme_queue_reap(q, &e)) {
		struct nvme_cmd *k = e.cid < NVME_CMDS ? &io->cmd[e.cid] : NULL;

		any = 1;
		if (!k || !k->busy || k->qi != qi) {
			io->strays++;   /* not ours: nothing to end */
			continue;
		}
		finish(k, status_of(NVME_CQE_STATUS(e.status)), done);
	}
	if (any)
		nvme_queue_ack(q);
}

void nvme_io_forget(struct nvme_io *io, const void *req)
{
	for (unsigned i = 0; i < NVME_CMDS; i++)
		if (io->cmd[i].busy && io->cmd[i].req == req)
			io->cmd[i].req = NULL;
}

int nvme_io_overdue(const struct nvme_io *io, uint64_t now_ns)
{
	for (unsigned i = 0; i < NVME_CMDS; i++)
		if (io->cmd[i].busy && now_ns > io->cmd[i].deadline_ns)
			return 1;
	return 0;
}

void nvme_io_resubmit(struct nvme_io *io)
{
	for (unsigned i = 0; i < NVME_CMDS; i++) {
		struct nvme_cmd *k = &io->cmd[i];

		if (!k->busy)
			continue;
		/* The new queues may be fewer: keep each command on one that exists. */
		k->qi = (uint8_t)(k->qi % io->c->nioq);
		if (send(io, k) == 0)
			io->resubmitted++;
	}
}

void nvme_io_fail_all(struct nvme_io *io, int status, nvme_done_fn *done)
{
	for (unsigned i = 0; i < NVME_CMDS; i++)
		if (io->cmd[i].busy)
			finish(&io->cmd[i], status, done);
}

void nvme_io_free(struct nvme_io *io)
{
	if (io->pool.size)
		atxf_dma_free(&io->pool);
	memset(&io->pool, 0, sizeof(io->pool));
}
