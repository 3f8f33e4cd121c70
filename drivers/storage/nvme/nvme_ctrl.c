/*
 * NVMe controller bring-up: see nvme_ctrl.h. QEMU: -device nvme (hw/nvme/ctrl.c:
 * nvme_start_ctrl checks the admin queue registers and CC's entry sizes,
 * nvme_identify_*, nvme_set_feature_num_queues, nvme_create_cq/sq).
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "nvme_ctrl.h"

#define ASQ_OFF     0u
#define ACQ_OFF     4096u
#define IDENT_OFF   8192u
#define IOQ_OFF     12288u
#define IOQ_BYTES   (NVME_IO_QD * 64u + 4096u)

static uint8_t *mem_at(const struct nvme_ctrl *c, uint32_t off)
{
	return (uint8_t *)(uintptr_t)c->mem.vaddr + off;
}

static uint32_t rd32(const struct nvme_ctrl *c, unsigned reg)
{
	return atxf_mmio_read32(c->regs + reg);
}

static void wr32(struct nvme_ctrl *c, unsigned reg, uint32_t v)
{
	atxf_mmio_write32(c->regs + reg, v);
}

static int fail(struct nvme_ctrl *c, const char *why, int err)
{
	c->why = why;
	return err;
}

int nvme_ctrl_init(struct nvme_ctrl *c, volatile uint8_t *regs, atxf_handle_t pci,
		   unsigned want_ioq)
{
	memset(c, 0, sizeof(*c));
	c->regs = regs;
	c->tag = (struct atxf_dma_tag){ .pci = pci, .addr_bits = 64 };
	c->want_ioq = want_ioq > NVME_MAX_IOQ ? NVME_MAX_IOQ : want_ioq;
	if (!c->want_ioq)
		return fail(c, "no MSI-X vector for an I/O queue", -ATXF_EINVAL);
	if (atxf_dma_alloc(&c->tag, NVME_CTRL_DMA_BYTES, &c->mem))
		return fail(c, "no DMA memory for the queues", -ATXF_ENOMEM);
	return 0;
}

int nvme_ctrl_failed(const struct nvme_ctrl *c)
{
	uint32_t csts = rd32(c, NVME_CSTS);

	return csts == 0xffffffffu || (csts & NVME_CSTS_CFS);
}

/* §3.1.6: RDY follows CC.EN within CAP.TO; CFS on the way is a failure. */
static int wait_ready(struct nvme_ctrl *c, uint32_t want)
{
	uint64_t until = atxf_time_ns() + c->ready_ns;

	for (;;) {
		uint32_t csts = rd32(c, NVME_CSTS);

		if ((csts & NVME_CSTS_RDY) == want)
			return 0;
		if (csts == 0xffffffffu)
			return fail(c, "the controller is gone (CSTS reads all ones)", -ATXF_EIO);
		if (want && (csts & NVME_CSTS_CFS))
			return fail(c, "controller fatal status while enabling", -ATXF_EIO);
		if (atxf_time_ns() > until)
			return fail(c, want ? "CSTS.RDY did not set within CAP.TO" :
					      "CSTS.RDY did not clear within CAP.TO", -ATXF_ETIMEDOUT);
		atxf_delay_us(50);
	}
}

/* §7.6.1 steps 1-5: disable, the admin queue, CC, enable. */
static int enable(struct nvme_ctrl *c)
{
	int err;

	c->cap = atxf_mmio_read64(c->regs + NVME_CAP);
	c->stride = 4u << NVME_CAP_DSTRD(c->cap);
	/* CAP.TO counts 500 ms; 0 would mean none, so allow one unit. */
	c->ready_ns = (uint64_t)(NVME_CAP_TO(c->cap) ? NVME_CAP_TO(c->cap) : 1) * 500000000ull;
	if (!NVME_CAP_CSS_NVM(c->cap))
		return fail(c, "CAP.CSS: no NVM command set", -ATXF_ENOTSUP);
	if (NVME_CAP_MPSMIN(c->cap) != 0)
		return fail(c, "CAP.MPSMIN: 4 KiB pages not supported", -ATXF_ENOTSUP);
	wr32(c, NVME_CC, 0);
	err = wait_ready(c, 0);
	if (err)
		return err;
	nvme_queue_init(&c->admin, 0, NVME_ADMIN_QD, c->regs, c->stride, mem_at(c, ASQ_OFF),
			c->mem.bus_addr + ASQ_OFF, mem_at(c, ACQ_OFF), c->mem.bus_addr + ACQ_OFF);
	wr32(c, NVME_AQA, (NVME_ADMIN_QD - 1u) << 16 | (NVME_ADMIN_QD - 1u));
	atxf_mmio_write64(c->regs + NVME_ASQ, c->admin.sq_bus);
	atxf_mmio_write64(c->regs + NVME_ACQ, c->admin.cq_bus);
	wr32(c, NVME_CC, NVME_CC_IOSQES | NVME_CC_IOCQES | NVME_CC_EN);
	return wait_ready(c, NVME_CSTS_RDY);
}

/* Waits for the admin completion of cid, polling. */
static int admin_wait(struct nvme_ctrl *c, uint16_t cid, uint32_t *result)
{
	uint64_t until = atxf_time_ns() + NVME_ADMIN_NS;
	struct nvme_cqe e;

	for (;;) {
		while (nvme_queue_reap(&c->admin, &e)) {
			nvme_queue_ack(&c->admin);
			if (e.cid != cid)
				continue;       /* an older command's, given up on */
			c->last_status = NVME_CQE_STATUS(e.status);
			if (result)
				*result = e.result;
			return c->last_status ? fail(c, "an admin command failed", -ATXF_EIO) : 0;
		}
		if (nvme_ctrl_failed(c))
			return fail(c, "controller fatal status during an admin command", -ATXF_EIO);
		if (atxf_time_ns() > until)
			return fail(c, "an admin command timed out", -ATXF_ETIMEDOUT);
		atxf_delay_us(20);
	}
}

static int admin(struct nvme_ctrl *c, struct nvme_sqe *e, uint32_t *result)
{
	e->cid = ++c->admin_cid;
	if (nvme_queue_submit(&c->admin, e))
		return fail(c, "the admin queue is full", -ATXF_EAGAIN);
	return admin_wait(c, e->cid, result);
}

/* IDENTIFY (§5.15) into the identify page. */
static int identify(struct nvme_ctrl *c, uint32_t cns, uint32_t nsid)
{
	struct nvme_sqe e = { .opcode = NVME_ADM_IDENTIFY, .nsid = nsid,
			      .prp1 = c->mem.bus_addr + IDENT_OFF, .cdw10 = cns };

	memset(mem_at(c, IDENT_OFF), 0, 4096);
	return admin(c, &e, NULL);
}

static void ascii(char *out, const uint8_t *in, unsigned n)
{
	memcpy(out, in, n);
	out[n] = 0;
	while (n && (out[n - 1] == ' ' || out[n - 1] == 0))
		out[--n] = 0;
}

static int identify_ctrl(struct nvme_ctrl *c)
{
	const uint8_t *id = mem_at(c, IDENT_OFF);
	int err = identify(c, NVME_CNS_CTRL, 0);

	if (err)
		return err;
	ascii(c->serial, id + NVME_IDC_SN, 20);
	ascii(c->model, id + NVME_IDC_MN, 40);
	c->max_bytes = id[NVME_IDC_MDTS] && id[NVME_IDC_MDTS] < 20 ?
		       NVME_PAGE << id[NVME_IDC_MDTS] : 0;
	memcpy(&c->nn, id + NVME_IDC_NN, 4);
	c->vwc = id[NVME_IDC_VWC] & 1;
	return 0;
}

/* §5.21.1.7: asks for want_ioq pairs; the answer's counts are 0-based. */
static int set_queues(struct nvme_ctrl *c)
{
	uint32_t n = c->want_ioq - 1u, got;
	struct nvme_sqe e = { .opcode = NVME_ADM_SET_FEAT, .cdw10 = NVME_FEAT_NUM_QUEUES,
			      .cdw11 = n << 16 | n };
	int err = admin(c, &e, &got);

	if (err)
		return err;
	c->nioq = c->want_ioq;
	if ((got & 0xffff) + 1u < c->nioq)
		c->nioq = (got & 0xffff) + 1u;
	if ((got >> 16) + 1u < c->nioq)
		c->nioq = (got >> 16) + 1u;
	return 0;
}

/* §5.3, §5.4: CQ q on MSI-X vector q, interrupts on; then SQ q into it. */
static int create_pair(struct nvme_ctrl *c, uint16_t q)
{
	uint32_t off = IOQ_OFF + (q - 1u) * IOQ_BYTES;
	struct nvme_queue *io = &c->io[q - 1];
	struct nvme_sqe cq, sq;
	int err;

	nvme_queue_init(io, q, c->io_qd, c->regs, c->stride, mem_at(c, off), c->mem.bus_addr + off,
			mem_at(c, off + NVME_IO_QD * 64u), c->mem.bus_addr + off + NVME_IO_QD * 64u);
	cq = (struct nvme_sqe){ .opcode = NVME_ADM_CREATE_CQ, .prp1 = io->cq_bus,
				.cdw10 = (uint32_t)(c->io_qd - 1u) << 16 | q,
				.cdw11 = (uint32_t)q << 16 | NVME_CQ_IEN | NVME_Q_PC };
	err = admin(c, &cq, NULL);
	if (err)
		return err;
	sq = (struct nvme_sqe){ .opcode = NVME_ADM_CREATE_SQ, .prp1 = io->sq_bus,
				.cdw10 = (uint32_t)(c->io_qd - 1u) << 16 | q,
				.cdw11 = (uint32_t)q << 16 | NVME_Q_PC };
	return admin(c, &sq, NULL);
}

int nvme_ctrl_start(struct nvme_ctrl *c)
{
	int err = enable(c);

	if (!err)
		err = identify_ctrl(c);
	if (!err)
		err = set_queues(c);
	if (err)
		return err;
	c->io_qd = NVME_CAP_MQES(c->cap) + 1u < NVME_IO_QD ?
		   (uint16_t)(NVME_CAP_MQES(c->cap) + 1u) : NVME_IO_QD;
	for (uint16_t q = 1; q <= c->nioq && !err; q++)
		err = create_pair(c, q);
	return err;
}

int nvme_ctrl_namespaces(struct nvme_ctrl *c, uint32_t *nsid, unsigned max)
{
	const uint32_t *list = (const uint32_t *)(const void *)mem_at(c, IDENT_OFF);
	unsigned n = 0;
	int err = identify(c, NVME_CNS_NS_ACTIVE, 0);

	if (err)
		return err;
	/* §5.15.2.3: increasing NSIDs, ended by a zero entry. */
	while (n < max && n < 1024 && list[n])
		nsid[n] = list[n], n++;
	return (int)n;
}

int nvme_ctrl_identify_ns(struct nvme_ctrl *c, uint32_t nsid, struct nvme_ns_id *out)
{
	const uint8_t *id = mem_at(c, IDENT_OFF);
	unsigned fmt, lbads;
	int err = identify(c, NVME_CNS_NS, nsid);

	if (err)
		return err;
	memcpy(&out->blocks, id + NVME_IDN_NSZE, 8);
	fmt = id[NVME_IDN_FLBAS] & 0xfu;
	if (fmt > id[NVME_IDN_NLBAF])
		return fail(c, "FLBAS names an LBA format the namespace does not have", -ATXF_EIO);
	lbads = id[NVME_IDN_LBAF + 4u * fmt + 2u];
	if (lbads < 9 || lbads > 16)
		return fail(c, "an LBA data size outside 512 B..64 KiB", -ATXF_ENOTSUP);
	out->block_size = 1u << lbads;
	return 0;
}

void nvme_ctrl_stop(struct nvme_ctrl *c)
{
	uint64_t until = atxf_time_ns() + c->ready_ns;

	if (!c->regs)
		return;
	/* §7.6.2: ask for a shutdown and give it CAP.TO to finish. */
	wr32(c, NVME_CC, rd32(c, NVME_CC) | NVME_CC_SHN_NORMAL);
	while (NVME_CSTS_SHST(rd32(c, NVME_CSTS)) != 2 && atxf_time_ns() < until)
		atxf_delay_us(100);
	wr32(c, NVME_CC, 0);
	(void)wait_ready(c, 0);
}

void nvme_ctrl_free(struct nvme_ctrl *c)
{
	if (c->mem.size)
		atxf_dma_free(&c->mem);
	memset(&c->mem, 0, sizeof(c->mem));
}
