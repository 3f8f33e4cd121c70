/*
 * QEMU's qemu-xhci, the registers and steps its test programs use
 * (msix-xhci.c, tests/bench/bench_msix.c): xHCI 1.2 §5.3 (capability),
 * §5.4 (operational), §5.5 (runtime: one register set per interrupter).
 * QEMU acts on a 64-bit register when its high half is written, so those
 * are written as two dwords, low first; ERDP the other way round, as its
 * low half's write is the one that can raise the interrupter.
 */
#ifndef PROGS_XHCI_H
#define PROGS_XHCI_H

#include <stdint.h>
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>

#define XHCI_CAP_DBOFF 0x14
#define XHCI_CAP_RTSOFF 0x18
#define XHCI_OP_USBCMD 0x00
#define XHCI_OP_USBSTS 0x04
#define XHCI_OP_CRCR 0x18
#define XHCI_CMD_RUN 0x1u
#define XHCI_CMD_HCRST 0x2u
#define XHCI_CMD_INTE 0x4u
#define XHCI_STS_CNR (1u << 11)
#define XHCI_IR(i) (0x20 + 32 * (i))   /* interrupter i, in the runtime block */
#define XHCI_IR_IMAN 0x00
#define XHCI_IR_ERSTSZ 0x08
#define XHCI_IR_ERSTBA 0x10
#define XHCI_IR_ERDP 0x18
#define XHCI_IMAN_IE 0x2u
#define XHCI_ERDP_EHB 0x8u
#define XHCI_RING_TRBS 16               /* the event rings these programs make */

static inline void xhci_write64(volatile uint8_t *reg, uint64_t v)
{
	atxf_mmio_write32(reg, (uint32_t)v);
	atxf_mmio_write32(reg + 4, (uint32_t)(v >> 32));
}

/* Interrupter ir's dequeue pointer := at, clearing Event Handler Busy. */
static inline void xhci_erdp(volatile uint8_t *ir, uint64_t at)
{
	atxf_mmio_write32(ir + XHCI_IR_ERDP + 4, (uint32_t)(at >> 32));
	atxf_mmio_write32(ir + XHCI_IR_ERDP, (uint32_t)at | XHCI_ERDP_EHB);
}

/* HCRST, then until the controller is ready (§4.2): 0 or -ATXF_ETIMEDOUT. */
static inline int xhci_reset(volatile uint8_t *op)
{
	uint64_t until = atxf_time_ns() + 2000000000ull;

	atxf_mmio_write32(op + XHCI_OP_USBCMD, XHCI_CMD_HCRST);
	while (atxf_mmio_read32(op + XHCI_OP_USBCMD) & XHCI_CMD_HCRST ||
	       atxf_mmio_read32(op + XHCI_OP_USBSTS) & XHCI_STS_CNR)
		if (atxf_time_ns() > until)
			return -ATXF_ETIMEDOUT;
	return 0;
}

/*
 * Gives interrupter ir a one-segment event ring of XHCI_RING_TRBS at bus
 * address ring (§4.9.4), its segment table entry at erst (host pointer,
 * 64-byte aligned bus address erst_bus), and enables it.
 */
static inline void xhci_event_ring(volatile uint8_t *ir, void *erst, uint64_t erst_bus,
				   uint64_t ring)
{
	uint32_t size = XHCI_RING_TRBS;

	memcpy(erst, &ring, 8);
	memcpy((uint8_t *)erst + 8, &size, 4);
	atxf_mmio_write32(ir + XHCI_IR_ERSTSZ, 1);
	xhci_erdp(ir, ring);
	xhci_write64(ir + XHCI_IR_ERSTBA, erst_bus);
	atxf_mmio_write32(ir + XHCI_IR_IMAN, XHCI_IMAN_IE);
}

#endif
