/*
 * msix-xhci.atxf: a test driver for QEMU's qemu-xhci that makes each MSI-X
 * vector devmgr grants fire through the controller's interrupters and sees
 * it as irq(dev, i) (xHCI 1.2 §4.17, §5.5.2). Vector i is interrupter i
 * (QEMU sends interrupter i's message on MSI-X entry i):
 *   interrupter 0: a No Op command's Command Completion Event (§4.6.2) is
 *     written to its event ring;
 *   interrupters 1..n-1: no USB device is attached, so no transfer event
 *     can target them; instead the controller's rule for a ring that is
 *     not empty (§4.17.2: software writes ERDP with EHB while the dequeue
 *     pointer is not the controller's enqueue pointer, and the interrupter
 *     asserts again; QEMU's xhci_runtime_write) is what raises each.
 * Then, as a driver that would take the interrupts over: maps the MSI-X
 * table (refused) and sets the capability's function mask (refused,
 * unchanged), and makes every vector fire again.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/driver.h>
#include <atxf/hw.h>
#include <atxf/pci_regs.h>
#include "msix_check.h"
#include "xhci.h"

ATXF_DRIVER_MANIFEST(
	.name = "msix-xhci",
	.device_class = ATXF_CLASS_BUS,
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_PCI(0x1b36, 0x000d) },
	.resources = { ATXF_RESOURCE_PCI_CONFIG(), ATXF_RESOURCE_BAR(0),
		       ATXF_RESOURCE_PCI_IRQS(2, 4), ATXF_RESOURCE_DMA(8192) });

#define CAP_LENGTH 0x00         /* u8, in the first dword */

/* §6.4: TRBs. */
#define TRB_NOOP_CMD 23
#define TRB_CMD_COMPLETION 33
#define TRB_TYPE(c) (((c) >> 10) & 0x3f)
#define TRB_CYCLE 1u

#define MAX_IR 4
#define ERST_AT 0x400            /* in DMA page 0; the command ring is at 0 */
#define ERST_STRIDE 64           /* §5.5.2.3.2: ERSTBA is 64-byte aligned */
#define EVENTS_AT 0x1000         /* page 1: interrupter i's event ring at + 256 i */

struct xhci {
	volatile uint8_t *cap, *op, *rt, *db;
	atxf_handle_t bar, pci;
	struct atxf_dma dma;
	unsigned cmd_next;          /* command ring enqueue index */
	unsigned ev0_next;          /* interrupter 0's dequeue index (cycle stays 1) */
	struct msix_seen seen;
};

static struct xhci xh;

static uint8_t *mem(unsigned off)
{
	return (uint8_t *)(uintptr_t)xh.dma.vaddr + off;
}

static uint64_t event_ring(unsigned i)
{
	return xh.dma.bus_addr + EVENTS_AT + 256u * i;
}

/* Interrupter i's dequeue pointer := TRB index of its ring; EHB cleared. */
static void write_erdp(unsigned i, unsigned index)
{
	xhci_erdp(xh.rt + XHCI_IR(i), event_ring(i) + 16u * index);
}

/* A No Op command (§4.6.2); its completion event goes to interrupter 0. */
static void noop_command(void)
{
	uint32_t ctrl = TRB_NOOP_CMD << 10 | TRB_CYCLE;

	memset(mem(16 * xh.cmd_next), 0, 16);
	memcpy(mem(16 * xh.cmd_next + 12), &ctrl, 4);
	xh.cmd_next++;
	atxf_mmio_write32(xh.db, 0);    /* doorbell 0: the command ring */
}

static int xhci_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *pci = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);

	xh.seen.granted = msix_granted(dev);
	if (!pci || !bar || xh.seen.granted < 2 || xh.seen.granted > MAX_IR ||
	    atxf_dma_alloc(&(struct atxf_dma_tag){ .pci = pci->handle, .addr_bits = 64 }, 8192,
			   &xh.dma))
		return -ATXF_ENODEV;
	xh.pci = pci->handle;
	xh.bar = bar->handle;
	xh.cap = bar->mapped;
	xh.op = xh.cap + (atxf_mmio_read32(xh.cap + CAP_LENGTH) & 0xff);
	xh.rt = xh.cap + (atxf_mmio_read32(xh.cap + XHCI_CAP_RTSOFF) & ~0x1fu);
	xh.db = xh.cap + (atxf_mmio_read32(xh.cap + XHCI_CAP_DBOFF) & ~0x3u);
	if (xhci_reset(xh.op))
		return -ATXF_ETIMEDOUT;
	xhci_write64(xh.op + XHCI_OP_CRCR, xh.dma.bus_addr | TRB_CYCLE);
	for (unsigned i = 0; i < xh.seen.granted; i++)
		xhci_event_ring(xh.rt + XHCI_IR(i), mem(ERST_AT + ERST_STRIDE * i),
				xh.dma.bus_addr + ERST_AT + ERST_STRIDE * i, event_ring(i));
	atxf_mmio_write32(xh.op + XHCI_OP_USBCMD, XHCI_CMD_RUN | XHCI_CMD_INTE);
	atxf_device_log(dev, "%u MSI-X vectors granted; interrupter i on vector i",
			xh.seen.granted);
	noop_command();
	return 0;
}

/* Interrupter i (>= 1) asserts: its ERDP is one TRB past the enqueue pointer. */
static void raise(unsigned i)
{
	write_erdp(i, 1);
}

static void try_to_steal(struct atxf_device *dev)
{
	uint8_t msix = atxf_pci_find_cap(xh.pci, PCI_CAP_ID_MSIX, 0);
	uint32_t table = atxf_pci_read32(xh.pci, msix + PCI_MSIX_TABLE) & ~PCI_MSIX_BIR_MASK;
	uint16_t ctrl = atxf_pci_read16(xh.pci, msix + PCI_MSIX_CTRL);
	volatile void *map = atxf_mmio_map(xh.bar, table, 4096);

	atxf_device_log(dev, "map of the MSI-X table (BAR0+0x%x): %s", (unsigned)table,
			map ? "FAIL: mapped" : "refused ok");
	atxf_pci_write16(xh.pci, msix + PCI_MSIX_CTRL, ctrl | PCI_MSIX_CTRL_MASKALL);
	atxf_device_log(dev, "config write to the MSI-X capability (mask all): %s",
			atxf_pci_read16(xh.pci, msix + PCI_MSIX_CTRL) == ctrl ?
			"refused ok" : "FAIL: written");
}

static void next(struct atxf_device *dev, int all, unsigned i)
{
	if (!all) {
		raise(i + 1);
	} else if (!xh.seen.round) {
		try_to_steal(dev);
		xh.seen.round = 1;
		xh.seen.fired = 0;
		noop_command();
	} else {
		atxf_device_log(dev, "done");
	}
}

/* Interrupter 0's events: a command completion is what it waits for. */
static int command_completed(void)
{
	int done = 0;

	for (;;) {
		uint32_t ctrl;

		memcpy(&ctrl, mem(EVENTS_AT + 16 * xh.ev0_next + 12), 4);
		if ((ctrl & TRB_CYCLE) != TRB_CYCLE || xh.ev0_next == XHCI_RING_TRBS)
			break;
		done |= TRB_TYPE(ctrl) == TRB_CMD_COMPLETION;
		xh.ev0_next++;
	}
	write_erdp(0, xh.ev0_next);     /* handled up to here; EHB cleared */
	return done;
}

static void xhci_irq(struct atxf_device *dev, unsigned i)
{
	char how[96];

	if (i == 0 && !command_completed()) {
		atxf_device_log(dev, "FAIL: irq(dev, 0) without a command completion event");
		return;
	}
	if (i == 0) {
		next(dev, msix_saw(dev, &xh.seen, 0, "interrupter 0: command completion event"),
		     0);
		return;
	}
	write_erdp(i, 0);               /* EHB cleared, dequeue = enqueue: quiet */
	snprintf(how, sizeof(how), "interrupter %u: event ring not empty at EHB clear", i);
	next(dev, msix_saw(dev, &xh.seen, i, how), i);
}

static const struct atxf_driver ops = {
	.name = "msix-xhci",
	.probe = xhci_probe,
	.irq = xhci_irq,
};

int main(void)
{
	return atxf_driver_run(&ops);
}
