/*
 * One port's bring-up (AHCI 1.3.1 §10.1.2, §10.3.1) and its command
 * slots (§5.5, §4.2): the command list, received-FIS area and command
 * tables live in one DMA buffer, bounced data in another.
 */
#include <string.h>
#include <atxf/driver/block_dma.h>
#include <atxf/errors.h>
#include <atxf/sys.h>
#include "ahci.h"

/* Where things sit in the port's control buffer. */
#define CTL_CLB   0                 /* 32 headers, 1 KiB aligned */
#define CTL_RFIS  1024              /* 256 bytes, 256 aligned */
#define CTL_TBL   2048              /* 32 tables, 128 aligned */
#define CTL_SIZE  (CTL_TBL + AHCI_MAX_SLOTS * sizeof(struct ahci_cmd_table))
_Static_assert(CTL_SIZE <= AHCI_CTL_BYTES, "the manifest's DMA budget covers the control buffer");

void *ahci_bounce_buf(struct ahci_port *p)
{
	return (uint8_t *)(uintptr_t)p->bounce.vaddr;
}

/* §10.1.2: ST off and CR clear, then FRE off and FR clear, within 500 ms
 * each; or both on, FRE first (the HBA needs somewhere to put FISes). */
int ahci_port_engines(struct ahci_port *p, bool on)
{
	uint32_t cmd = ahci_rd(p, PX_CMD);

	if (on) {
		ahci_wr(p, PX_CMD, cmd | PX_CMD_FRE);
		if (ahci_wait(p, PX_CMD, PX_CMD_FR, PX_CMD_FR, 500) < 0)
			return -ATXF_ETIMEDOUT;
		ahci_wr(p, PX_CMD, ahci_rd(p, PX_CMD) | PX_CMD_ST);
		return ahci_wait(p, PX_CMD, PX_CMD_CR, PX_CMD_CR, 500);
	}
	ahci_wr(p, PX_CMD, cmd & ~PX_CMD_ST);
	if (ahci_wait(p, PX_CMD, PX_CMD_CR, 0, 500) < 0)
		return -ATXF_ETIMEDOUT;
	ahci_wr(p, PX_CMD, ahci_rd(p, PX_CMD) & ~PX_CMD_FRE);
	return ahci_wait(p, PX_CMD, PX_CMD_FR, 0, 500);
}

static int alloc_memory(struct ahci_port *p)
{
	int err = atxf_dma_alloc(&p->hba->tag, CTL_SIZE, &p->ctl);

	if (err < 0)
		return err;
	err = atxf_dma_alloc(&p->hba->tag, AHCI_BOUNCE, &p->bounce);
	if (err < 0) {
		atxf_dma_free(&p->ctl);
		return err;
	}
	p->hdr = (struct ahci_cmd_header *)(uintptr_t)(p->ctl.vaddr + CTL_CLB);
	p->tbl = (struct ahci_cmd_table *)(uintptr_t)(p->ctl.vaddr + CTL_TBL);
	p->tbl_bus = p->ctl.bus_addr + CTL_TBL;
	return 0;
}

void ahci_port_free(struct ahci_port *p)
{
	atxf_dma_free(&p->bounce);
	atxf_dma_free(&p->ctl);
}

static void fill_fis(uint8_t *f, const struct ata_cmd *c)
{
	memset(f, 0, 64);
	f[0] = FIS_TYPE_REG_H2D;
	f[1] = FIS_H2D_C;
	f[2] = c->command;
	f[3] = (uint8_t)c->features;
	f[4] = (uint8_t)c->lba;
	f[5] = (uint8_t)(c->lba >> 8);
	f[6] = (uint8_t)(c->lba >> 16);
	f[7] = c->device;
	f[12] = (uint8_t)c->count;
	if (!c->lba48)
		return;
	f[8] = (uint8_t)(c->lba >> 24);
	f[9] = (uint8_t)(c->lba >> 32);
	f[10] = (uint8_t)(c->lba >> 40);
	f[11] = (uint8_t)(c->features >> 8);
	f[13] = (uint8_t)(c->count >> 8);
}

/* The PRDT: the client's segments, or the port's bounce buffer. */
static unsigned fill_prdt(struct ahci_port *p, unsigned s, uint32_t bytes,
			  const struct atxf_block_sg *sg)
{
	struct ahci_prd *prd = p->tbl[s].prd;

	if (!bytes)
		return 0;
	if (!sg) {
		prd[0] = (struct ahci_prd){ .dba = p->bounce.bus_addr, .dbc = bytes - 1 };
		return 1;
	}
	for (unsigned i = 0; i < sg->nsegs; i++)
		prd[i] = (struct ahci_prd){ .dba = sg->seg[i].bus_addr,
					    .dbc = (uint32_t)sg->seg[i].len - 1 };
	return sg->nsegs;
}

/* Fills slot s's Register H2D FIS from c, its PRDT for bytes (of sg, or
 * of the port's bounce buffer when sg is NULL) and its header, then
 * issues it (§5.5.1: PxSACT before PxCI for an FPDMA command). */
void ahci_slot_issue(struct ahci_port *p, unsigned s, const struct ata_cmd *c, uint32_t bytes,
		     const struct atxf_block_sg *sg)
{
	unsigned prds;

	fill_fis(p->tbl[s].cfis, c);
	prds = fill_prdt(p, s, bytes, sg);
	p->hdr[s] = (struct ahci_cmd_header){
		.flags = (uint16_t)(5 | (c->write ? AHCI_HDR_W : 0)),   /* CFL: 5 dwords */
		.prdtl = (uint16_t)prds,
		.ctba = p->tbl_bus + (uint64_t)s * sizeof(struct ahci_cmd_table),
	};
	p->busy |= 1u << s;
	if (c->xfer == ATA_XFER_NCQ)
		ahci_wr(p, PX_SACT, 1u << s);
	ahci_wr(p, PX_CI, 1u << s);
}

/* IDENTIFY DEVICE in slot 0, polled: the port's interrupts are still off. */
static int identify(struct ahci_port *p)
{
	struct ata_cmd c;
	uint32_t tfd;

	ata_build_identify(&c);
	ahci_slot_issue(p, 0, &c, 512, NULL);
	if (ahci_wait(p, PX_CI, 1, 0, 5000) < 0)
		return -ATXF_ETIMEDOUT;
	p->busy = 0;
	tfd = ahci_rd(p, PX_TFD);
	ahci_wr(p, PX_IS, ~0u);
	if (PX_TFD_STS(tfd) & ATA_SR_ERR)
		return -ATXF_EIO;
	return ata_identify_parse(ahci_bounce_buf(p), &p->id);
}

/* After a reset the disk sends its signature in a D2H FIS; BSY and DRQ
 * must be clear before ST is set (§10.3.1). */
static int wait_ready(struct ahci_port *p)
{
	return ahci_wait(p, PX_TFD, ATA_SR_BSY | ATA_SR_DRQ, 0, 2000);
}

/* A port with a disk: engines off, memory in place, FRE, the disk's
 * signature, ST, IDENTIFY, then its interrupts on. -ATXF_ENODEV: nothing
 * there (or not a disk), the port stays off. */
int ahci_port_init(struct ahci_port *p)
{
	int err;

	if (ahci_port_engines(p, false) < 0)
		return -ATXF_EBUSY;
	if (PX_SSTS_DET(ahci_rd(p, PX_SSTS)) != PX_DET_PRESENT)
		return -ATXF_ENODEV;
	p->nslots = AHCI_CAP_NCS(p->hba->cap);
	err = alloc_memory(p);
	if (err < 0)
		return err;
	ahci_wr(p, PX_CLB, (uint32_t)(p->ctl.bus_addr + CTL_CLB));
	ahci_wr(p, PX_CLBU, (uint32_t)((p->ctl.bus_addr + CTL_CLB) >> 32));
	ahci_wr(p, PX_FB, (uint32_t)(p->ctl.bus_addr + CTL_RFIS));
	ahci_wr(p, PX_FBU, (uint32_t)((p->ctl.bus_addr + CTL_RFIS) >> 32));
	ahci_wr(p, PX_SERR, ~0u);
	ahci_wr(p, PX_IS, ~0u);
	err = ahci_port_engines(p, true);
	if (!err)
		err = wait_ready(p);
	if (!err && ahci_rd(p, PX_SIG) != AHCI_SIG_ATA)
		err = -ATXF_ENODEV;     /* ATAPI, a port multiplier: not a disk */
	if (!err)
		err = identify(p);
	if (err < 0)
		goto out_stop;
	p->ncq = (p->hba->cap & AHCI_CAP_SNCQ) && p->id.ncq;
	if (p->ncq && p->id.queue_depth < p->nslots)
		p->nslots = p->id.queue_depth;
	ahci_wr(p, PX_IE, PX_IE_USED);
	return 0;

out_stop:
	(void)ahci_port_engines(p, false);
	ahci_port_free(p);
	return err;
}
