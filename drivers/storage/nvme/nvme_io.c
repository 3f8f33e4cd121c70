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

int nvme_io_init(struct nvme_io *io, struct nvme_ctrl *c)
{
	memset(io, 0, sizeof(*io));
	io->c = c;
	io->xfer_max = c->max_bytes && c->max_bytes < NVME_XFER ? c->max_bytes : NVME_XFER;
	if (atxf_dma_alloc(&c->tag, NVME_IO_DMA_BYTES, &io->pool))
		return -ATXF_ENOMEM;
	for (unsigned i = 0; i < NVME_CMDS; i++) {
		struct nvme_cmd *k = &io->cmd[i];
		uint64_t off = (uint64_t)i * 4096u;

		k->prp_list = (uint64_t *)(uintptr_t)(io->pool.vaddr + off);
		k->prp_bus = io->pool.bus_addr + off;
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

static int start(struct nvme_io *io, void *req, struct nvme_sqe *e, const struct nvme_data *d)
{
	struct nvme_cmd *k = take_slot(io);

	if (!k)
		return -ATXF_EAGAIN;
	if (d) {
		int err = nvme_prp_build(d->seg, d->nseg, d->bytes, k->prp_list, k->prp_bus,
					 &e->prp1, &e->prp2);

		if (err)
			return err;
	}
	e->cid = (uint16_t)(k - io->cmd);
	k->sqe = *e;
	k->req = req;
	k->owner = d ? d->owner : NULL;
	k->binding = d ? d->binding : 0;
	k->bytes = d ? d->bytes : 0;
	return send(io, k);
}

int nvme_io_rw(struct nvme_io *io, void *req, uint8_t opcode, uint32_t nsid, uint64_t lba,
	       uint32_t nlb, const struct nvme_data *d)
{
	struct nvme_sqe e = { .opcode = opcode, .nsid = nsid,
			      .cdw10 = (uint32_t)lba, .cdw11 = (uint32_t)(lba >> 32),
			      .cdw12 = nlb - 1u };       /* §6.9: NLB is 0-based */

	if (!nlb || !d->bytes || d->bytes > io->xfer_max || !d->nseg || (d->seg[0].bus_addr & 3u))
		return -ATXF_EINVAL;
	return start(io, req, &e, d);
}

int nvme_io_flush(struct nvme_io *io, void *req, uint32_t nsid)
{
	struct nvme_sqe e = { .opcode = NVME_CMD_FLUSH, .nsid = nsid };

	return start(io, req, &e, NULL);
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
	/* Called when the client went away too (req NULL): the binding goes back. */
	done(req, k->owner, k->binding, status, status ? 0 : k->bytes);
	k->binding = 0;
}

#ifdef NVME_TEST_LOSE_WRITE
/* A test build (scenario nvme-lost-completion), never the real driver: the
 * first Write's completion is dropped, as a controller that lost it would
 * behave; the time limit must find the command and the reset redo it. */
static int lost(const struct nvme_cmd *k)
{
	static int once;

	if (once || k->sqe.opcode != NVME_CMD_WRITE)
		return 0;
	once = 1;
	return 1;
}
#else
static int lost(const struct nvme_cmd *k)
{
	(void)k;
	return 0;
}
#endif

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
		if (lost(k))
			continue;
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
