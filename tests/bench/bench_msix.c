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
#include <string.h>
#include <atxf/hw.h>
#include <atxf/sys.h>
#include "../qemu/progs/caps.h"
#include "bench.h"
#include "bench_irq.h"
#include "stats.h"

#define CAP_RTSOFF 0x18
#define OP_USBCMD 0x00
#define OP_USBSTS 0x04
#define CMD_RUN 0x1u
#define CMD_HCRST 0x2u
#define CMD_INTE 0x4u
#define STS_CNR (1u << 11)
#define IR0 0x20                /* interrupter 0's registers, in the runtime block */
#define IR_IMAN 0x00
#define IR_ERSTSZ 0x08
#define IR_ERSTBA 0x10
#define IR_ERDP 0x18
#define IMAN_IE 0x2u
#define ERDP_EHB 0x8u
#define RING_AT 0x1000          /* the event ring (16 TRBs) in the DMA buffer */
#define XHCI_REGS 0x3000

static volatile uint8_t *ir;    /* interrupter 0's register set */
static uint64_t ring;           /* its event ring's bus address */

/* The second MMIO capability of the start line (edu's is the first). */
static atxf_handle_t second_mmio(void)
{
	const struct atxf_start_info *si = atxf_start_info();
	struct atxf_cap_info info;
	int seen = 0;

	for (atxf_handle_t h = ATXF_HANDLE_FIRST_EXTRA; h < (atxf_handle_t)si->ncaps; h++)
		if (atxf_cap_query(h, &info) == 0 && info.kind == ATXF_CAP_MMIO && seen++)
			return h;
	return -ATXF_EPERM;
}

/* The MSI-X IRQ capability of the start line. */
static atxf_handle_t msix_irq(void)
{
	const struct atxf_start_info *si = atxf_start_info();
	struct atxf_cap_info info;

	for (atxf_handle_t h = ATXF_HANDLE_FIRST_EXTRA; h < (atxf_handle_t)si->ncaps; h++)
		if (atxf_cap_query(h, &info) == 0 && info.kind == ATXF_CAP_IRQ &&
		    (info.base & ATXF_IRQ_MSIX))
			return h;
	return -ATXF_EPERM;
}

static void erdp(unsigned index)
{
	uint64_t at = ring + 16u * index;

	atxf_mmio_write32(ir + IR_ERDP + 4, (uint32_t)(at >> 32));
	atxf_mmio_write32(ir + IR_ERDP, (uint32_t)at | ERDP_EHB);
}

static void xhci_raise(void)
{
	erdp(1);
}

static void xhci_lower(void)
{
	erdp(0);
}

/* Reset, interrupter 0's one-segment event ring, run (xHCI 1.2 §4.2). */
static const char *xhci_start(volatile uint8_t *regs, struct atxf_dma *dma)
{
	volatile uint8_t *op = regs + (atxf_mmio_read32(regs) & 0xff);
	uint64_t erst = dma->paddr;
	uint32_t size = 16;
	uint64_t until = atxf_time_ns() + 1000000000ull;

	atxf_mmio_write32(op + OP_USBCMD, CMD_HCRST);
	while (atxf_mmio_read32(op + OP_USBCMD) & CMD_HCRST ||
	       atxf_mmio_read32(op + OP_USBSTS) & STS_CNR)
		if (atxf_time_ns() > until)
			return "the xHCI controller did not come out of reset";
	ir = regs + (atxf_mmio_read32(regs + CAP_RTSOFF) & ~0x1fu) + IR0;
	ring = dma->paddr + RING_AT;
	memcpy((uint8_t *)(uintptr_t)dma->vaddr, &ring, 8);
	memcpy((uint8_t *)(uintptr_t)dma->vaddr + 8, &size, 4);
	atxf_mmio_write32(ir + IR_ERSTSZ, 1);
	erdp(0);
	atxf_mmio_write32(ir + IR_ERSTBA, (uint32_t)erst);
	atxf_mmio_write32(ir + IR_ERSTBA + 4, (uint32_t)(erst >> 32));
	atxf_mmio_write32(ir + IR_IMAN, IMAN_IE);
	atxf_mmio_write32(op + OP_USBCMD, CMD_RUN | CMD_INTE);
	return NULL;
}

static const char *setup(struct bench_irq_dev *d)
{
	atxf_handle_t mmio = second_mmio();
	struct atxf_dma dma;
	const char *why;
	long addr;

	d->irq = msix_irq();
	if (mmio < 0 || d->irq < 0)
		return "no xHCI MMIO and MSI-X capabilities on the start line";
	addr = atxf_syscall(SYS_MMIO_MAP, mmio, 0, XHCI_REGS, 0, 0, 0);
	if (addr < 0)
		return bench_why((int)addr, "SYS_MMIO_MAP");
	if (atxf_dma_alloc(8192, &dma) < 0)
		return "no DMA memory for the event ring";
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
