/*
 * The DMA engine of QEMU's `edu` device, for the iommu scenarios' test
 * programs (QEMU docs/specs/edu.rst, hw/misc/edu.c): source, destination
 * and count at 0x80, 0x88, 0x90 (8-byte accesses), command at 0x98 (bit 0
 * starts, bit 1 set: device to RAM). The device side is a 4 KiB buffer at
 * 0x40000; a RAM address is masked to the device's 28-bit DMA reach. A
 * transfer completes about 100 ms later (a QEMU timer), when bit 0 clears.
 * A blocked transfer completes too: edu never learns it was blocked.
 */
#ifndef PROGS_EDU_DMA_H
#define PROGS_EDU_DMA_H

#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include <atxf/sys.h>
#include "caps.h"

#define EDU_DMA_SRC      0x80
#define EDU_DMA_DST      0x88
#define EDU_DMA_COUNT    0x90
#define EDU_DMA_CMD      0x98
#define EDU_DMA_START    0x1u
#define EDU_DMA_TO_RAM   0x2u
#define EDU_DMA_BUF      0x40000u       /* the device's own 4 KiB */
/* QEMU 7.2's range check refuses a transfer of the whole 4 KiB (an
 * off-by-one, fixed in 2024 by "edu: fix DMA range upper bound check") and
 * stops QEMU, so transfers are of half of it. */
#define EDU_DMA_XFER     2048u
#define EDU_DMA_BITS     28             /* hw/misc/edu.c: dma_mask */
#define EDU_DMA_WAIT_NS  5000000000ull  /* 100 ms nominal, on a loaded TCG host */

#define PCI_COMMAND_REG  0x04
#define PCI_CMD_MEMORY   0x2u
#define PCI_CMD_MASTER   0x4u
#define PCI_BAR0         0x10

/* Turns on memory decoding and bus mastering (no DMA without it). */
static inline void edu_enable(atxf_handle_t pci)
{
	uint16_t cmd = atxf_pci_read16(pci, PCI_COMMAND_REG);

	atxf_pci_write16(pci, PCI_COMMAND_REG, cmd | PCI_CMD_MEMORY | PCI_CMD_MASTER);
}

/* edu's registers: its BAR0 (from config space) inside the MMIO capability
 * the program was given; NULL if the capability does not cover it. */
static inline volatile uint8_t *edu_map(atxf_handle_t pci, atxf_handle_t mmio,
					const struct atxf_cap_info *mmio_info)
{
	uint64_t bar = atxf_pci_read32(pci, PCI_BAR0) & ~0xfull;

	if (bar < mmio_info->base || bar + 4096 > mmio_info->base + mmio_info->size)
		return NULL;
	return (volatile uint8_t *)atxf_mmio_map(mmio, bar - mmio_info->base, 4096);
}

/* A test driver's edu: what its start line gave it, mapped and enabled. */
struct edu_drv {
	volatile uint8_t *regs;
	uint32_t bdf;               /* its PCI function */
	struct atxf_dma_tag tag;    /* for it, 28-bit */
	struct atxf_dma own;        /* two pages: page 0 is sent, page 1 comes back */
};

/* Finds the PCI and MMIO capabilities, maps edu's registers, turns bus
 * mastering on and allocates own: 0, or an error and *what failed. */
static inline int edu_open(struct edu_drv *e, const char **what)
{
	struct atxf_cap_info pci_info, mmio_info;
	atxf_handle_t pci = given_cap(ATXF_CAP_PCI, &pci_info);
	atxf_handle_t mmio = given_cap(ATXF_CAP_MMIO, &mmio_info);
	int err;

	*what = "finding a PCI and an MMIO capability";
	if (pci < 0 || mmio < 0)
		return -ATXF_EPERM;
	*what = "mapping edu's BAR0";
	e->regs = edu_map(pci, mmio, &mmio_info);
	if (!e->regs)
		return -ATXF_ERANGE;
	edu_enable(pci);
	e->bdf = (uint32_t)pci_info.base;
	e->tag = (struct atxf_dma_tag){ .pci = pci, .addr_bits = EDU_DMA_BITS };
	*what = "allocating the DMA buffer";
	err = atxf_dma_alloc(&e->tag, 2 * 4096, &e->own);
	return err < 0 ? err : 0;
}

/* One transfer of len bytes between RAM at bus address `ram` and the
 * device's buffer; 0 when the device says it is done, -ATXF_ETIMEDOUT. */
static inline int edu_dma(volatile uint8_t *regs, uint64_t ram, uint32_t len, int to_ram)
{
	uint64_t end = atxf_time_ns() + EDU_DMA_WAIT_NS;

	atxf_mmio_write64(regs + EDU_DMA_SRC, to_ram ? EDU_DMA_BUF : ram);
	atxf_mmio_write64(regs + EDU_DMA_DST, to_ram ? ram : EDU_DMA_BUF);
	atxf_mmio_write64(regs + EDU_DMA_COUNT, len);
	atxf_mmio_write64(regs + EDU_DMA_CMD, EDU_DMA_START | (to_ram ? EDU_DMA_TO_RAM : 0));
	while (atxf_mmio_read64(regs + EDU_DMA_CMD) & EDU_DMA_START) {
		if (atxf_time_ns() > end)
			return -ATXF_ETIMEDOUT;
		atxf_sleep_ns(10000000ull);
	}
	return 0;
}

/* A byte pattern per salt, so that each party's bytes are recognisable. */
static inline uint8_t edu_pattern(unsigned i, uint8_t salt)
{
	return (uint8_t)(i * 13u + (i >> 8) + 1) ^ salt;
}

static inline void edu_fill(volatile uint8_t *p, unsigned len, uint8_t salt)
{
	for (unsigned i = 0; i < len; i++)
		p[i] = edu_pattern(i, salt);
}

static inline int edu_holds(const volatile uint8_t *p, unsigned len, uint8_t salt)
{
	for (unsigned i = 0; i < len; i++)
		if (p[i] != edu_pattern(i, salt))
			return 0;
	return 1;
}

#endif
