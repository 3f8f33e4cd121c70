/*
 * Port error recovery (AHCI 1.3.1 §6.2.2.1-2): after a task-file error, a
 * host bus error or a command the watchdog gave up on, the port alone is
 * stopped, its errors cleared, the link reset (COMRESET through
 * PxSCTL.DET, §10.4.2) and the port started again. The command that
 * failed alone gets its error; the ones interrupted with it run again,
 * each alone, so a second failure names its command. The other ports
 * and the driver carry on.
 */
#include <atxf/errors.h>
#include <atxf/sys.h>
#include "ahci.h"

/* §10.4.2: DET = 1 for at least 1 ms sends COMRESET; DET = 0 lets the
 * link come up again, and the disk's D2H FIS clears BSY. */
static int comreset(struct ahci_port *p)
{
	uint32_t sctl = ahci_rd(p, PX_SCTL) & ~0xfu;

	ahci_wr(p, PX_SCTL, sctl | PX_SCTL_DET_INIT);
	atxf_sleep_ns(1000000);
	ahci_wr(p, PX_SCTL, sctl);
	if (ahci_wait(p, PX_SSTS, 0xf, PX_DET_PRESENT, 1000) < 0)
		return -ATXF_ENODEV;
	if (ahci_wait(p, PX_TFD, ATA_SR_BSY | ATA_SR_DRQ, 0, 2000) < 0)
		return -ATXF_ETIMEDOUT;
	ahci_wr(p, PX_SERR, ~0u);
	ahci_wr(p, PX_IS, ~0u);
	return 0;
}

/* PxCMD.ST alone: FRE stays on, so the disk's D2H FIS after the reset
 * lands and clears BSY (§6.2.2.2). */
static int list_engine(struct ahci_port *p, bool on)
{
	uint32_t cmd = ahci_rd(p, PX_CMD);

	ahci_wr(p, PX_CMD, on ? cmd | PX_CMD_ST : cmd & ~PX_CMD_ST);
	return ahci_wait(p, PX_CMD, PX_CMD_CR, on ? PX_CMD_CR : 0, 500);
}

/* Every command still in a slot goes back to the front of the queue, in
 * slot order, except failed_slot, which ends with status. */
static unsigned take_back(struct ahci_port *p, int failed_slot, int status)
{
	unsigned n = 0;

	for (int s = (int)p->nslots - 1; s >= 0; s--) {
		if (!(p->busy & (1u << s)))
			continue;
		if (s == failed_slot || !p->slot[s].io.req ||
		    !ahci_requeue_front(p, &p->slot[s].io)) {
			ahci_slot_finish(p, (unsigned)s, s == failed_slot ? status : -ATXF_EIO);
			continue;
		}
		p->busy &= ~(1u << s);
		p->slot[s].busy = false;
		n++;
	}
	return n;
}

void ahci_port_recover(struct ahci_port *p, int failed_slot, const char *why)
{
	uint32_t tfd = ahci_rd(p, PX_TFD), serr = ahci_rd(p, PX_SERR);
	char state[80];
	unsigned again;
	int err;

	ata_status_describe(PX_TFD_STS(tfd), PX_TFD_ERR(tfd), state, sizeof(state));
	p->recoveries++;
	err = list_engine(p, false);
	if (!err)
		err = comreset(p);
	if (!err)
		err = list_engine(p, true);
	/* The failed command was built within the disk's range, so its
	 * failure is the disk's: EIO, whatever ABRT or UNC it set (QEMU
	 * answers a backend error with ABRT); the log line has the detail. */
	again = take_back(p, failed_slot, -ATXF_EIO);
	atxf_device_log(p->dev, "port %u: %s (%s, SERR %#x, slot %d): COMRESET %s, "
			"%u commands again", p->no, why, state, serr, failed_slot,
			err ? atxf_strerror(err) : "done, port restarted", again);
	if (err) {
		/* The port is gone: fail everything queued rather than hang. */
		while (p->qlen) {
			struct ahci_io *io = &p->queue[p->qhead];

			if (io->req)
				atxf_request_complete(io->req, -ATXF_EIO, 0);
			p->qhead = (p->qhead + 1) % AHCI_QUEUE;
			p->qlen--;
		}
		return;
	}
	ahci_kick(p);
}
