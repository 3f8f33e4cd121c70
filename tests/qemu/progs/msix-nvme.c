/*
 * msix-nvme.atxf: a test driver for QEMU's nvme (no namespace needed) that
 * makes each MSI-X vector devmgr grants fire through the controller's own
 * mechanism and sees it as irq(dev, i) (NVMe 1.4 §7.6.1, §5.3, §5.4):
 *   vector 0 is the admin completion queue's: the Create I/O Completion /
 *     Submission Queue commands complete there;
 *   vector q (1..n-1) is I/O completion queue q's, created with IV = q:
 *     a Flush submitted on I/O queue q completes there (with an error
 *     status, as no namespace 1 exists: still a completion entry).
 * Then, as a driver that would steal its interrupts: maps the MSI-X table
 * (refused), writes the MSI-X capability and BAR0 in config space
 * (refused, values unchanged), and makes every vector fire again. In
 * generation 0 it last writes the table through its BAR0 mapping, where
 * devmgr left a hole: the page fault ends it, devmgr restarts it, and
 * generation 1's vectors all fire again, to this driver.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/driver.h>
#include <atxf/hw.h>
#include <atxf/pci_regs.h>
#include "msix_check.h"

ATXF_DRIVER_MANIFEST(
	.name = "msix-nvme",
	.device_class = ATXF_CLASS_BUS,
	.match = { ATXF_MATCH_PCI(0x1b36, 0x0010) },
	.resources = { ATXF_RESOURCE_PCI_CONFIG(), ATXF_RESOURCE_BAR(0),
		       ATXF_RESOURCE_PCI_IRQS(2, 4), ATXF_RESOURCE_DMA(65536) });

/* NVMe 1.4 §3.1: controller registers. */
#define R_CAP 0x00
#define R_CC 0x14
#define R_CSTS 0x1c
#define R_AQA 0x24
#define R_ASQ 0x28
#define R_ACQ 0x30
#define R_DOORBELLS 0x1000
#define CC_ENABLE (1u | 6u << 16 | 4u << 20)    /* EN, 64-byte SQEs, 16-byte CQEs */
#define CSTS_RDY 1u

/* §5: admin opcodes; the I/O Flush. */
#define OP_CREATE_SQ 0x01
#define OP_CREATE_CQ 0x05
#define OP_GET_FEATURES 0x0a
#define OP_FLUSH 0x00
#define FEAT_QUEUES 0x07

#define QD 4                    /* entries per queue */
#define MAX_Q 4
#define PAGE 4096u

struct queue {
	uint16_t sq_tail, cq_head;
	uint8_t phase;              /* the phase tag a new entry carries */
};

struct nvme {
	volatile uint8_t *regs;
	atxf_handle_t bar, pci;
	unsigned stride;            /* doorbell stride in bytes */
	struct atxf_dma dma;        /* page 2q: SQ q, page 2q+1: CQ q */
	struct queue q[MAX_Q];
	unsigned admin_step;        /* create commands sent so far */
	uint16_t cid;
	struct msix_seen seen;
	unsigned generation;
};

static struct nvme nv;

static uint8_t *page(unsigned n)
{
	return (uint8_t *)(uintptr_t)nv.dma.vaddr + n * PAGE;
}

static volatile void *doorbell(unsigned qid, int cq)
{
	return nv.regs + R_DOORBELLS + (2 * qid + (unsigned)cq) * nv.stride;
}

/* Puts a command on submission queue qid and rings its doorbell. */
static void submit(unsigned qid, uint8_t op, uint32_t nsid, uint64_t prp1, uint32_t dw10,
		   uint32_t dw11)
{
	uint32_t cmd[16] = { op | (uint32_t)++nv.cid << 16, nsid };
	struct queue *q = &nv.q[qid];

	memcpy(&cmd[6], &prp1, 8);
	cmd[10] = dw10;
	cmd[11] = dw11;
	memcpy(page(2 * qid) + q->sq_tail * 64u, cmd, sizeof(cmd));
	q->sq_tail = (uint16_t)((q->sq_tail + 1) % QD);
	atxf_mmio_write32(doorbell(qid, 0), q->sq_tail);
}

/* Takes the new entries of completion queue qid (§4.6); returns how many,
 * *status the last one's status field. */
static unsigned reap(unsigned qid, unsigned *status)
{
	struct queue *q = &nv.q[qid];
	unsigned n = 0;

	for (;;) {
		uint32_t dw3;

		memcpy(&dw3, page(2 * qid + 1) + q->cq_head * 16u + 12, 4);
		if (((dw3 >> 16) & 1) != q->phase)
			break;
		*status = dw3 >> 17;
		n++;
		if (++q->cq_head == QD) {
			q->cq_head = 0;
			q->phase ^= 1;
		}
	}
	if (n)
		atxf_mmio_write32(doorbell(qid, 1), q->cq_head);
	return n;
}

static int wait_ready(uint32_t want)
{
	uint64_t until = atxf_time_ns() + 2000000000ull;

	while ((atxf_mmio_read32(nv.regs + R_CSTS) & CSTS_RDY) != want)
		if (atxf_time_ns() > until)
			return -ATXF_ETIMEDOUT;
	return 0;
}

/* §7.6.1: disable, admin queues, enable. */
static int controller_start(void)
{
	uint64_t cap = atxf_mmio_read64(nv.regs + R_CAP);

	nv.stride = 4u << ((cap >> 32) & 0xf);
	atxf_mmio_write32(nv.regs + R_CC, 0);
	if (wait_ready(0))
		return -ATXF_ETIMEDOUT;
	atxf_mmio_write32(nv.regs + R_AQA, (QD - 1) << 16 | (QD - 1));
	atxf_mmio_write64(nv.regs + R_ASQ, nv.dma.bus_addr);
	atxf_mmio_write64(nv.regs + R_ACQ, nv.dma.bus_addr + PAGE);
	atxf_mmio_write32(nv.regs + R_CC, CC_ENABLE);
	return wait_ready(CSTS_RDY);
}

/* The next Create command: CQ q (vector q, interrupts on), then SQ q. */
static int admin_next(void)
{
	unsigned q = nv.admin_step / 2 + 1;

	if (q >= nv.seen.granted)
		return 0;
	if (nv.admin_step++ % 2 == 0)
		submit(0, OP_CREATE_CQ, 0, nv.dma.bus_addr + (2 * q + 1) * PAGE, (QD - 1) << 16 | q,
		       q << 16 | 2 | 1);
	else
		submit(0, OP_CREATE_SQ, 0, nv.dma.bus_addr + 2 * q * PAGE, (QD - 1) << 16 | q,
		       q << 16 | 1);
	return 1;
}

static void flush_on(unsigned qid)
{
	submit(qid, OP_FLUSH, 1, 0, 0, 0);
}

static int nvme_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *pci = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);

	nv.seen.granted = msix_granted(dev);
	if (!pci || !bar || nv.seen.granted < 2 || nv.seen.granted > MAX_Q ||
	    atxf_dma_alloc(&(struct atxf_dma_tag){ .pci = pci->handle, .addr_bits = 64 },
			   2 * MAX_Q * PAGE, &nv.dma))
		return -ATXF_ENODEV;
	nv.regs = bar->mapped;
	nv.bar = bar->handle;
	nv.pci = pci->handle;
	for (unsigned i = 0; i < MAX_Q; i++)
		nv.q[i].phase = 1;
	if (controller_start())
		return -ATXF_ETIMEDOUT;
	atxf_device_log(dev, "generation %u: %u MSI-X vectors granted; admin queue on vector 0, "
			"I/O queue q on vector q", nv.generation, nv.seen.granted);
	admin_next();
	return 0;
}

/*
 * The tries to take the interrupts over, each refused by the kernel: the
 * table's page is not mappable, and config writes into the MSI-X
 * capability or a BAR are dropped (-EPERM; the kernel logs each).
 */
static void try_to_steal(struct atxf_device *dev)
{
	uint8_t cap = atxf_pci_find_cap(nv.pci, PCI_CAP_ID_MSIX, 0);
	uint32_t table = atxf_pci_read32(nv.pci, cap + PCI_MSIX_TABLE) & ~PCI_MSIX_BIR_MASK;
	uint16_t ctrl = atxf_pci_read16(nv.pci, cap + PCI_MSIX_CTRL);
	uint32_t bar0 = atxf_pci_read32(nv.pci, PCI_BAR0);
	volatile void *map = atxf_mmio_map(nv.bar, table, PCI_MSIX_ENTRY_SIZE);

	atxf_device_log(dev, "map of the MSI-X table (BAR0+0x%x): %s", (unsigned)table,
			map ? "FAIL: mapped" : "refused ok");
	atxf_pci_write16(nv.pci, cap + PCI_MSIX_CTRL, (uint16_t)(ctrl & ~PCI_MSIX_CTRL_ENABLE));
	atxf_pci_write32(nv.pci, PCI_BAR0, bar0 + 0x100000);
	atxf_device_log(dev, "config writes to the MSI-X capability and BAR0: %s",
			atxf_pci_read16(nv.pci, cap + PCI_MSIX_CTRL) == ctrl &&
			atxf_pci_read32(nv.pci, PCI_BAR0) == bar0 ? "refused ok" : "FAIL: written");
}

/* Each vector once more: vector 0 by an admin command, q by a flush on q. */
static void fire_all_again(void)
{
	nv.seen.round = 1;
	nv.seen.fired = 0;
	submit(0, OP_GET_FEATURES, 0, 0, FEAT_QUEUES, 0);
}

/* Generation 0's last act: a write into the MSI-X table, through BAR0. */
static void write_the_table(struct atxf_device *dev)
{
	uint8_t cap = atxf_pci_find_cap(nv.pci, PCI_CAP_ID_MSIX, 0);
	uint32_t table = atxf_pci_read32(nv.pci, cap + PCI_MSIX_TABLE) & ~PCI_MSIX_BIR_MASK;

	atxf_device_log(dev, "writing the MSI-X table through BAR0+0x%x", (unsigned)table);
	atxf_mmio_write32(nv.regs + table + PCI_MSIX_ENTRY_DATA, 0x30);
	atxf_device_log(dev, "FAIL: the MSI-X table was writable");
}

static void all_fired(struct atxf_device *dev)
{
	if (!nv.seen.round) {
		try_to_steal(dev);
		fire_all_again();
	} else if (nv.generation == 0) {
		write_the_table(dev);
	} else {
		atxf_device_log(dev, "generation %u: done", nv.generation);
	}
}

static void on_admin(struct atxf_device *dev)
{
	unsigned status = 0;
	int done;

	if (!reap(0, &status))
		return;
	done = msix_saw(dev, &nv.seen, 0, "admin completion queue");
	if (status)
		atxf_device_log(dev, "FAIL: admin command status 0x%x", status);
	if (nv.seen.round)
		flush_on(1);
	else if (!admin_next())
		flush_on(1);            /* the queues are made: the I/O vectors next */
	if (done)
		all_fired(dev);
}

static void nvme_irq(struct atxf_device *dev, unsigned i)
{
	unsigned status = 0;
	char how[64];

	if (i == 0) {
		on_admin(dev);
		return;
	}
	if (i >= nv.seen.granted || !reap(i, &status)) {
		atxf_device_log(dev, "FAIL: irq(dev, %u) with no completion", i);
		return;
	}
	snprintf(how, sizeof(how), "I/O completion queue %u (flush, status 0x%x)", i, status);
	if (msix_saw(dev, &nv.seen, i, how))
		all_fired(dev);
	else if (i + 1 < nv.seen.granted)
		flush_on(i + 1);
}

static const struct atxf_driver ops = {
	.name = "msix-nvme",
	.probe = nvme_probe,
	.irq = nvme_irq,
};

int main(int argc, char **argv)
{
	nv.generation = argc > 2 && argv[2][0] >= '0' && argv[2][0] <= '9' ?
			(unsigned)(argv[2][0] - '0') : 0;
	return atxf_driver_run(&ops);
}
