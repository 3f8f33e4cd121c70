/*
 * Requests into command slots and back. FPDMA QUEUED commands share the
 * port, up to the disk's queue depth; a non-queued command (FLUSH CACHE
 * EXT, READ/WRITE DMA EXT on a disk without NCQ, and any command retried
 * after a port error) runs alone, for SATA forbids mixing the two
 * (SATA 3.2 §13.6.2). Requests start in the order they came.
 */
#include <string.h>
#include <atxf/driver/block_dma.h>
#include <atxf/errors.h>
#include <atxf/port.h>
#include "ahci.h"

static struct ahci_io *queue_at(struct ahci_port *p, unsigned i)
{
	return &p->queue[(p->qhead + i) % AHCI_QUEUE];
}

int ahci_submit(struct ahci_port *p, struct ahci_io *io)
{
	if (p->qlen == AHCI_QUEUE)
		return -ATXF_EAGAIN;
	*queue_at(p, p->qlen++) = *io;
	ahci_kick(p);
	return 0;
}

/* After a port error the commands it interrupted go first, alone. */
bool ahci_requeue_front(struct ahci_port *p, const struct ahci_io *io)
{
	if (p->qlen == AHCI_QUEUE)
		return false;
	p->qhead = (p->qhead + AHCI_QUEUE - 1) % AHCI_QUEUE;
	p->qlen++;
	*queue_at(p, 0) = *io;
	queue_at(p, 0)->solo = 1;
	queue_at(p, 0)->binding = 0;            /* mapped again when it starts */
	return true;
}

static bool runs_queued(const struct ahci_port *p, const struct ahci_io *io)
{
	return p->ncq && !io->solo && io->op != AHCI_OP_FLUSH;
}

/* A free slot for io now, or -1: a solo command waits for an idle port,
 * and nothing joins a solo command. */
static int slot_for(const struct ahci_port *p, const struct ahci_io *io)
{
	bool solo_busy = false;

	for (unsigned s = 0; s < p->nslots; s++)
		if ((p->busy & (1u << s)) && !p->slot[s].queued)
			solo_busy = true;
	if (solo_busy || (!runs_queued(p, io) && p->busy))
		return -1;
	for (unsigned s = 0; s < p->nslots; s++)
		if (!(p->busy & (1u << s)))
			return (int)s;
	return -1;
}

static int build(const struct ahci_port *p, const struct ahci_io *io, unsigned s,
		 struct ata_cmd *c)
{
	enum ata_xfer x = runs_queued(p, io) ? ATA_XFER_NCQ : ATA_XFER_DMA;

	if (io->op == AHCI_OP_FLUSH)
		return ata_build_flush(c, &p->id);
	return ata_build_rw(c, &p->id, x, io->op == AHCI_OP_WRITE, io->lba, io->count,
			    x == ATA_XFER_NCQ ? s : 0);
}

/* The client's bytes as bus segments, for the device to reach directly:
 * 0 (sg filled, io->binding set), 1 (use the bounce buffer: an odd
 * address, or more segments than a command has PRDs), or the request's
 * error (-ATXF_ESTALE: the client revoked its buffer). */
static int map_client(struct ahci_port *p, struct ahci_io *io, uint32_t bytes,
		      struct atxf_block_sg *sg)
{
	int err;

	/* Revoked while it waited: not bounced either, for the bounce copy
	 * would read the zeros our mapping now shows. */
	if (bytes && atxf_shm_probe(io->buf) == -ATXF_ESTALE)
		return -ATXF_ESTALE;
	if (!bytes || ((uintptr_t)io->buf & 1))
		return 1;
	err = atxf_block_dma_get(p->dev, io->buf, bytes, AHCI_PRDS_PER_CMD, sg);
	if (err == -ATXF_ESTALE)
		return err;
	if (err < 0)
		return 1;
	io->binding = sg->binding;
	return 0;
}

/* Counts each path, and says once per port which one its transfers take. */
static void note_path(struct ahci_port *p, bool direct, unsigned prds)
{
	unsigned *n = direct ? &p->direct : &p->bounced;

	if ((*n)++ == 0)
		atxf_device_log(p->dev, "port %u: first transfer %s (%u PRDs)", p->no,
				direct ? "by DMA straight to the client's buffer" :
					 "through the port's bounce buffer", prds);
}

/* Starts io in slot s: 0 (started, or ended with its error), or 1 (it
 * needs the bounce buffer, which another command holds: io waits at the
 * head of the queue, unmapped, so the order holds). */
static int start(struct ahci_port *p, unsigned s, struct ahci_io *io)
{
	static struct atxf_block_sg sg;             /* one request at a time: the loop is single */
	struct ata_cmd c;
	uint32_t bytes = io->op == AHCI_OP_FLUSH ? 0 : io->count * ATA_SECTOR_SIZE;
	int err = build(p, io, s, &c);
	int how = err < 0 ? err : map_client(p, io, bytes, &sg);
	bool bounced = how == 1 && bytes;

	if (how < 0) {
		if (io->req)
			atxf_request_complete(io->req, how, 0);
		return 0;
	}
	if (bounced && p->bounce_busy)
		return 1;
	p->slot[s].io = *io;
	p->slot[s].busy = true;
	p->slot[s].queued = c.xfer == ATA_XFER_NCQ;
	p->slot[s].bounced = bounced;
	p->slot[s].started_ns = atxf_time_ns();
	p->bounce_busy |= bounced;
	if (bounced && io->op == AHCI_OP_WRITE)
		memcpy(ahci_bounce_buf(p), io->buf, bytes);
	if (bytes)
		note_path(p, how == 0, how == 0 ? sg.nsegs : 1);
	ahci_slot_issue(p, s, &c, bytes, how == 0 ? &sg : NULL);
	return 0;
}

void ahci_kick(struct ahci_port *p)
{
	while (p->qlen) {
		struct ahci_io io = *queue_at(p, 0);
		int s;

		if (!io.req) {                      /* its client left while it waited */
			p->qhead = (p->qhead + 1) % AHCI_QUEUE;
			p->qlen--;
			continue;
		}
		s = slot_for(p, &io);
		if (s < 0 || start(p, (unsigned)s, &io))
			return;
		p->qhead = (p->qhead + 1) % AHCI_QUEUE;
		p->qlen--;
	}
}

/* The device is done with slot s's bytes: a direct mapping goes back. */
void ahci_slot_release(struct ahci_port *p, unsigned s)
{
	struct ahci_slot *sl = &p->slot[s];

	p->busy &= ~(1u << s);
	sl->busy = false;
	if (sl->bounced)
		p->bounce_busy = false;
	sl->bounced = false;
	if (sl->io.binding)
		atxf_block_dma_put(p->dev, sl->io.binding);
	sl->io.binding = 0;
}

/* A command ended: its data to the client (a bounced READ), its answer sent. */
void ahci_slot_finish(struct ahci_port *p, unsigned s, int status)
{
	struct ahci_slot *sl = &p->slot[s];
	uint32_t bytes = sl->io.op == AHCI_OP_FLUSH ? 0 : sl->io.count * ATA_SECTOR_SIZE;
	bool bounced = sl->bounced;

	ahci_slot_release(p, s);
	if (!sl->io.req)
		return;                             /* cancelled: nobody to tell */
	/* Copied before anything else can start and take the bounce buffer. */
	if (status == 0 && sl->io.op == AHCI_OP_READ && bounced)
		memcpy(sl->io.buf, ahci_bounce_buf(p), bytes);
	atxf_request_complete(sl->io.req, status, status == 0 ? bytes : 0);
	sl->io.req = NULL;
}

/* A request the framework ended (timeout, client gone, stop): never
 * touch its buffer or answer it again. */
void ahci_forget(struct ahci_port *p, struct atxf_request *req)
{
	for (unsigned i = 0; i < p->qlen; i++)
		if (queue_at(p, i)->req == req)
			queue_at(p, i)->req = NULL;
	for (unsigned s = 0; s < AHCI_MAX_SLOTS; s++)
		if (p->slot[s].busy && p->slot[s].io.req == req)
			p->slot[s].io.req = NULL;
}

/* The command that was alone on the port, or -1. */
static int solo_slot(const struct ahci_port *p)
{
	for (unsigned s = 0; s < p->nslots; s++)
		if ((p->busy & (1u << s)) && !p->slot[s].queued)
			return (int)s;
	return -1;
}

/* What PxIS says went wrong, for the log (§3.3.5). */
static const char *error_name(uint32_t is)
{
	if (is & PX_IS_TFES)
		return "task file error";
	if (is & (PX_IS_HBFS | PX_IS_HBDS))
		return "host bus error";
	if (is & (PX_IS_IFS | PX_IS_INFS))
		return "interface error";
	if (is & PX_IS_OFS)
		return "PRD overflow";
	return "queued command error";
}

/* PxIS of this port, already cleared: completions, or an error. A
 * non-queued command that failed has its PxCI bit cleared too (QEMU
 * ends it with a D2H FIS with ERR, so TFES), so it is told from the
 * others by being the one alone; a failed FPDMA command keeps its PxSACT
 * bit and the SDB FIS carries ERR. */
void ahci_port_events(struct ahci_port *p, uint32_t is)
{
	uint32_t tfd = ahci_rd(p, PX_TFD);
	uint32_t still = ahci_rd(p, PX_CI) | ahci_rd(p, PX_SACT);
	bool error = (is & PX_IS_ERRORS) || ((is & PX_IS_SDBS) && (PX_TFD_STS(tfd) & ATA_SR_ERR));
	int solo = solo_slot(p);

	if (error) {
		if (solo < 0)                       /* queued: the finished ones are good */
			for (unsigned s = 0; s < p->nslots; s++)
				if ((p->busy & (1u << s)) && !(still & (1u << s)))
					ahci_slot_finish(p, s, 0);
		ahci_port_recover(p, solo, error_name(is));
		return;
	}
	for (unsigned s = 0; s < p->nslots; s++)
		if ((p->busy & (1u << s)) && !(still & (1u << s)))
			ahci_slot_finish(p, s, 0);
	ahci_kick(p);
}
