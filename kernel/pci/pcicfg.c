/*
 * PCI configuration access (pci/pcicfg.h). One lock makes mechanism #1's
 * two-step address/data sequence atomic; ECAM needs none, but a
 * read-modify-write by two callers is as racy either way, so both share it.
 * Exercised by every PCI scenario (q35: ECAM; `pc`: the ports).
 */
#include "lib/log.h"
#include "pci/cf8.h"
#include "pci/ecam.h"
#include "pci/pcicfg.h"
#include "sched/spinlock.h"

static struct spinlock cfg_lock = SPINLOCK_INIT("pci config");

void pci_cfg_init(void)
{
	if (!ecam_init())
		klog("pci: no ECAM (no ACPI MCFG): config space through ports 0xcf8/0xcfc");
}

unsigned pci_cfg_size(uint32_t bdf)
{
	return ecam_function(bdf) ? PCI_CFG_EXT_SIZE : PCI_CFG_SIZE;
}

static uint32_t ecam_read(volatile uint8_t *f, unsigned offset, unsigned width)
{
	if (width == 1)
		return f[offset];
	if (width == 2)
		return *(volatile uint16_t *)(f + offset);
	return *(volatile uint32_t *)(f + offset);
}

static void ecam_write(volatile uint8_t *f, unsigned offset, unsigned width, uint32_t value)
{
	if (width == 1)
		f[offset] = (uint8_t)value;
	else if (width == 2)
		*(volatile uint16_t *)(f + offset) = (uint16_t)value;
	else
		*(volatile uint32_t *)(f + offset) = value;
}

uint32_t pci_cfg_read(uint32_t bdf, unsigned offset, unsigned width)
{
	volatile uint8_t *f = ecam_function(bdf);
	uint64_t flags = spin_lock_irqsave(&cfg_lock);
	uint32_t v = f ? ecam_read(f, offset, width) : cf8_read(bdf, offset, width);

	spin_unlock_irqrestore(&cfg_lock, flags);
	return v;
}

void pci_cfg_write(uint32_t bdf, unsigned offset, unsigned width, uint32_t value)
{
	volatile uint8_t *f = ecam_function(bdf);
	uint64_t flags = spin_lock_irqsave(&cfg_lock);

	if (f)
		ecam_write(f, offset, width, value);
	else
		cf8_write(bdf, offset, width, value);
	spin_unlock_irqrestore(&cfg_lock, flags);
}

static uint8_t read8(void *ctx, uint16_t offset)
{
	return (uint8_t)pci_cfg_read(*(uint32_t *)ctx, offset, 1);
}

unsigned pci_find_cap(uint32_t bdf, uint8_t id)
{
	return atxf_pci_cap_walk(read8, &bdf, id, 0);
}
