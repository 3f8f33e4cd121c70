/*
 * The fake NVMe controller: see fake_nvme.h. Its queue memory and data are
 * reached as a device reaches them, through atxf_fake_dma_to_host.
 */
#include <string.h>
#include <atxf/cap.h>
#include <atxf/fake.h>
#include <atxf/hw.h>
#include "fake_nvme.h"
#include "nvme_reg.h"

static void *host(uint64_t bus, size_t len)
{
	return atxf_fake_dma_to_host(bus, len);
}

static void post(struct fake_nvme *f, unsigned sqid, uint16_t cid, uint16_t status,
		 uint32_t result)
{
	struct fake_nvme_q *sq = &f->sq[sqid], *cq = &f->cq[sq->cqid];
	struct nvme_cqe *e = host(cq->bus + cq->tail * 16u, 16);

	if (!e)
		return;
	e->result = result;
	e->sq_head = sq->head;
	e->sq_id = (uint16_t)sqid;
	e->cid = cid;
	e->status = (uint16_t)(status << 1 | cq->phase);
	if (++cq->tail == cq->size) {
		cq->tail = 0;
		cq->phase ^= 1;
	}
}

static void identify(struct fake_nvme *f, const struct nvme_sqe *c)
{
	uint8_t *p = host(c->prp1, 4096);
	uint32_t v;

	(void)f;
	memset(p, 0, 4096);
	if (c->cdw10 == NVME_CNS_CTRL) {
		memcpy(p + NVME_IDC_SN, "fake-serial         ", 20);
		memcpy(p + NVME_IDC_MN, "Fake NVMe                               ", 40);
		p[NVME_IDC_MDTS] = FAKE_NVME_MDTS;
		v = 1;
		memcpy(p + NVME_IDC_NN, &v, 4);
		p[NVME_IDC_VWC] = 1;
	} else if (c->cdw10 == NVME_CNS_NS_ACTIVE) {
		v = 1;
		memcpy(p, &v, 4);
	} else if (c->nsid == 1) {
		uint64_t n = FAKE_NVME_BLOCKS;

		memcpy(p + NVME_IDN_NSZE, &n, 8);
		p[NVME_IDN_LBAF + 2] = 9;
	}
}

static uint16_t admin(struct fake_nvme *f, const struct nvme_sqe *c, uint32_t *result)
{
	uint16_t qid = (uint16_t)c->cdw10, size = (uint16_t)((c->cdw10 >> 16) + 1u);

	switch (c->opcode) {
	case NVME_ADM_IDENTIFY:
		identify(f, c);
		return 0;
	case NVME_ADM_SET_FEAT:
		*result = (FAKE_NVME_MAXQ - 1u) << 16 | (FAKE_NVME_MAXQ - 1u);
		return 0;
	case NVME_ADM_CREATE_CQ:
		if (!qid || qid > FAKE_NVME_MAXQ)
			return 0x101;           /* invalid queue identifier */
		f->cq[qid] = (struct fake_nvme_q){ .bus = c->prp1, .size = size, .phase = 1,
						   .live = 1 };
		return 0;
	case NVME_ADM_CREATE_SQ:
		if (!qid || qid > FAKE_NVME_MAXQ || !f->cq[c->cdw11 >> 16].live)
			return 0x101;
		f->sq[qid] = (struct fake_nvme_q){ .bus = c->prp1, .size = size,
						   .cqid = (uint16_t)(c->cdw11 >> 16), .live = 1 };
		return 0;
	}
	return 0x001;                           /* invalid opcode */
}

/* §4.3: the pages of a transfer, each copied to or from the disk. */
static void move(struct fake_nvme *f, const struct nvme_sqe *c, uint64_t at, uint32_t len)
{
	const uint64_t *list = NULL;
	uint32_t first = 4096u - (uint32_t)(c->prp1 & 4095u), done = 0;
	unsigned n = 0;

	if (len > first + 4096u) {
		list = host(c->prp2, 4096);
		f->prp_lists++;
	}
	while (done < len) {
		uint64_t page = done == 0 ? c->prp1 : list ? list[n++] : c->prp2;
		uint32_t chunk = done == 0 ? first : 4096u;
		uint8_t *mem;

		if (chunk > len - done)
			chunk = len - done;
		mem = host(page, chunk);
		if (!mem)
			return;
		if (c->opcode == NVME_CMD_WRITE)
			memcpy(f->disk + at + done, mem, chunk);
		else
			memcpy(mem, f->disk + at + done, chunk);
		done += chunk;
	}
}

static uint16_t io(struct fake_nvme *f, const struct nvme_sqe *c)
{
	uint64_t lba = (uint64_t)c->cdw11 << 32 | c->cdw10;
	uint32_t nlb = (c->cdw12 & 0xffff) + 1u;

	if (c->opcode == NVME_CMD_FLUSH)
		return 0;
	if (c->opcode != NVME_CMD_READ && c->opcode != NVME_CMD_WRITE)
		return 0x001;
	if (c->nsid != 1)
		return 0x00b;                   /* invalid namespace */
	if (lba + nlb > FAKE_NVME_BLOCKS)
		return 0x080;                   /* LBA out of range */
	move(f, c, lba * 512u, nlb * 512u);
	f->commands++;
	return 0;
}

static void serve(struct fake_nvme *f, unsigned qid)
{
	struct fake_nvme_q *sq = &f->sq[qid];

	while (sq->live && sq->head != sq->tail) {
		struct nvme_sqe c;
		uint32_t result = 0;
		uint16_t status;

		memcpy(&c, host(sq->bus + sq->head * 64u, 64), 64);
		sq->head = (uint16_t)((sq->head + 1u) % sq->size);
		status = qid ? io(f, &c) : admin(f, &c, &result);
		if (qid && c.opcode == NVME_CMD_WRITE && f->drop_writes) {
			f->drop_writes--;
			continue;
		}
		post(f, qid, c.cid, status, result);
		if (qid && f->bad_cid) {
			post(f, qid, f->bad_cid, 0, 0);
			f->bad_cid = 0;
		}
	}
}

/* §3.1.5: EN 0 -> 1 takes the admin queue; 1 -> 0 drops every queue. */
static void set_cc(struct fake_nvme *f, uint32_t v)
{
	if ((v & NVME_CC_EN) && !(f->cc & NVME_CC_EN)) {
		memset(f->sq, 0, sizeof(f->sq));
		memset(f->cq, 0, sizeof(f->cq));
		f->sq[0] = (struct fake_nvme_q){ .bus = f->asq, .size = (uint16_t)((f->aqa & 0xfff) + 1u),
						 .live = 1 };
		f->cq[0] = (struct fake_nvme_q){ .bus = f->acq,
						 .size = (uint16_t)(((f->aqa >> 16) & 0xfff) + 1u),
						 .phase = 1, .live = 1 };
		f->csts = NVME_CSTS_RDY;
		f->enables++;
	} else if (!(v & NVME_CC_EN)) {
		memset(f->sq, 0, sizeof(f->sq));
		memset(f->cq, 0, sizeof(f->cq));
		f->csts = 0;
	}
	if (v & NVME_CC_SHN_NORMAL)
		f->csts |= 2u << 2;             /* shutdown complete */
	f->cc = v;
}

static uint64_t rd(void *ctx, uint64_t off, unsigned width)
{
	struct fake_nvme *f = ctx;

	(void)width;
	switch (off) {
	case NVME_CAP:
		/* MQES 255, CQR, TO 1 (500 ms), DSTRD 0, CSS NVM, MPSMIN 0 */
		return 255u | 1u << 16 | 1u << 24 | 1ull << 37;
	case NVME_CC:
		return f->cc;
	case NVME_CSTS:
		return f->csts;
	}
	return 0;
}

static void wr(void *ctx, uint64_t off, unsigned width, uint64_t v)
{
	struct fake_nvme *f = ctx;

	if (off == NVME_CC)
		set_cc(f, (uint32_t)v);
	else if (off == NVME_AQA)
		f->aqa = (uint32_t)v;
	else if (off == NVME_ASQ && width == 8)
		f->asq = v;
	else if (off == NVME_ACQ && width == 8)
		f->acq = v;
	else if (off >= NVME_DOORBELLS && (f->cc & NVME_CC_EN)) {
		unsigned db = (unsigned)(off - NVME_DOORBELLS) / 4u, q = db / 2;

		if (q > FAKE_NVME_MAXQ)
			return;
		if (db % 2 == 0) {
			f->sq[q].tail = (uint16_t)v;
			serve(f, q);
		} else {
			f->cq[q].head = (uint16_t)v;
		}
	}
}

volatile uint8_t *fake_nvme_add(struct fake_nvme *f)
{
	atxf_handle_t cap;

	memset(f, 0, sizeof(*f));
	atxf_fake_mmio_add(FAKE_NVME_PADDR, FAKE_NVME_SIZE, rd, wr, f);
	cap = atxf_fake_cap_add(ATXF_CAP_MMIO, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE,
				FAKE_NVME_PADDR, FAKE_NVME_SIZE);
	return atxf_mmio_map(cap, 0, FAKE_NVME_SIZE);
}
