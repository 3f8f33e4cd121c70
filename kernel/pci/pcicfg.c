/*
 * PCI configuration access (pci/pcicfg.h). One lock makes the two-step
 * address/data sequence atomic. Exercised with QEMU's edu device.
 */
#include "arch/x86_64/cpu.h"
#include "pci/pcicfg.h"
#include "sched/spinlock.h"

#define CFG_ADDRESS 0xcf8
#define CFG_DATA    0xcfc
#define CFG_ENABLE  0x80000000u
#define PCI_STATUS        0x06
#define PCI_STATUS_CAPS   0x10          /* a capability list exists */
#define PCI_CAP_PTR       0x34

static struct spinlock cfg_lock = SPINLOCK_INIT("pci config");

static void select_reg(uint32_t bdf, unsigned offset)
{
	outl(CFG_ADDRESS, CFG_ENABLE | (bdf & 0xffff) << 8 | (offset & 0xfc));
}

uint32_t pci_cfg_read(uint32_t bdf, unsigned offset, unsigned width)
{
	uint64_t flags = spin_lock_irqsave(&cfg_lock);
	uint16_t port = CFG_DATA + (offset & 3);
	uint32_t v;

	select_reg(bdf, offset);
	v = width == 1 ? inb(port) : width == 2 ? inw(port) : inl(port);
	spin_unlock_irqrestore(&cfg_lock, flags);
	return v;
}

void pci_cfg_write(uint32_t bdf, unsigned offset, unsigned width, uint32_t value)
{
	uint64_t flags = spin_lock_irqsave(&cfg_lock);
	uint16_t port = CFG_DATA + (offset & 3);

	select_reg(bdf, offset);
	if (width == 1)
		outb(port, (uint8_t)value);
	else if (width == 2)
		outw(port, (uint16_t)value);
	else
		outl(port, value);
	spin_unlock_irqrestore(&cfg_lock, flags);
}

unsigned pci_find_cap(uint32_t bdf, uint8_t id)
{
	unsigned off, guard = 48;       /* a looping list ends too */

	if (!(pci_cfg_read(bdf, PCI_STATUS, 2) & PCI_STATUS_CAPS))
		return 0;
	off = pci_cfg_read(bdf, PCI_CAP_PTR, 1) & 0xfc;
	while (off >= 0x40 && guard--) {
		if (pci_cfg_read(bdf, off, 1) == id)
			return off;
		off = pci_cfg_read(bdf, off + 1, 1) & 0xfc;
	}
	return 0;
}
