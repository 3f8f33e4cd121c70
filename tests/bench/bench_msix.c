/*
 * MSI-X IRQ to user, beside the MSI figure (bench_irq.c): qemu-xhci's
 * interrupter 0 on MSI-X vector 0. One register write raises it: ERDP
 * written with EHB while the dequeue pointer is not the controller's
 * enqueue pointer (xHCI 1.2 §4.17.2; QEMU's xhci_runtime_write), and
 * writing ERDP back to the enqueue pointer quiets it. The kernel masks the
 * vector in the table while the notification is handled and unmasks it at
 * the ack, so the figure holds that cost too.
 *
 *   start line: `with ... mmio:XHCI_BAR0+0x3000:rw msix:BB:DD.F:r dma:8K`
 *   (the registers, not the MSI-X table page above them)
 */
#include <atxf/hw.h>
#include <atxf/sys.h>
#include "../qemu/progs/caps.h"
#include "../qemu/progs/xhci.h"
#include "bench.h"
#include "bench_irq.h"
#include "stats.h"

#define RING_AT 0x1000          /* the event ring (16 TRBs) in the DMA buffer */
#define XHCI_REGS 0x3000

static volatile uint8_t *ir;    /* interrupter 0's register set */
static uint64_t ring;           /* its event ring's bus address */

/*
 * The skip-th capability of the start line (from 0) of that kind, with
 * any of base_bits set in its base when they are not 0. The MMIO ones are
 * edu's, then xhci's; the MSI-X IRQ and the PCI capability are xhci's.
 */
static atxf_handle_t start_cap(uint32_t kind, uint64_t base_bits, unsigned skip)
{
	const struct atxf_start_info *si = atxf_start_info();
	struct atxf_cap_info info;

	for (atxf_handle_t h = ATXF_HANDLE_FIRST_EXTRA; h < (atxf_handle_t)si->ncaps; h++)
		if (atxf_cap_query(h, &info) == 0 && info.kind == kind &&
		    (!base_bits || (info.base & base_bits)) && skip-- == 0)
			return h;
	return -ATXF_EPERM;
}

static void xhci_raise(void)
{
	xhci_erdp(ir, ring + 16);
}

static void xhci_lower(void)
{
	xhci_erdp(ir, ring);
}

/* Reset, interrupter 0's one-segment event ring, run (xHCI 1.2 §4.2). */
static const char *xhci_start(volatile uint8_t *regs, struct atxf_dma *dma)
{
	volatile uint8_t *op = regs + (atxf_mmio_read32(regs) & 0xff);

	if (xhci_reset(op))
		return "the xHCI controller did not come out of reset";
	ir = regs + (atxf_mmio_read32(regs + XHCI_CAP_RTSOFF) & ~0x1fu) + XHCI_IR(0);
	ring = dma->bus_addr + RING_AT;
	xhci_event_ring(ir, (void *)(uintptr_t)dma->vaddr, dma->bus_addr, ring);
	atxf_mmio_write32(op + XHCI_OP_USBCMD, XHCI_CMD_RUN | XHCI_CMD_INTE);
	return NULL;
}

static const char *setup(struct bench_irq_dev *d)
{
	atxf_handle_t mmio = start_cap(ATXF_CAP_MMIO, 0, 1);
	struct atxf_dma dma;
	const char *why;
	long addr;

	d->irq = start_cap(ATXF_CAP_IRQ, ATXF_IRQ_MSIX, 0);
	if (mmio < 0 || d->irq < 0)
		return "no xHCI MMIO and MSI-X capabilities on the start line";
	addr = atxf_syscall(SYS_MMIO_MAP, mmio, 0, XHCI_REGS, 0, 0, 0);
	if (addr < 0)
		return bench_why((int)addr, "SYS_MMIO_MAP");
	if (atxf_dma_alloc(&(struct atxf_dma_tag){ .pci = start_cap(ATXF_CAP_PCI, 0, 0), .addr_bits = 64 }, 8192,
			   &dma) < 0)
		return "no DMA memory for the event ring (or no pci:00:05.0 capability)";
	why = bench_irq_bind(d);
	return why ? why : xhci_start((volatile uint8_t *)(uintptr_t)addr, &dma);
}

void bench_msix(unsigned runs)
{
	struct bench_irq_dev d = { xhci_raise, xhci_lower, ATXF_HANDLE_NONE, ATXF_HANDLE_NONE };
	const char *why = setup(&d);

	if (why)
		bench_na("irq-user-msix", why);
	else
		bench_irq_loop("irq-user-msix", &d, runs);
}
