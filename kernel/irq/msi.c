/*
 * MSI (irq/msi.h). The message address names the local APIC (SDM vol. 3
 * §11.11.1: 0xFEE00000 | destination id << 12); the data is the vector,
 * fixed delivery, edge (§11.11.2). QEMU's edu device offers MSI.
 */
#include <atxf/errors.h>
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/vectors.h"
#include "irq/msi.h"
#include "pci/pcicfg.h"

#define LAPIC_MSI_BASE       0xfee00000u

static uint32_t used_vectors;           /* bit n: VEC_MSI_BASE + n taken */

_Static_assert(VEC_MSI_COUNT <= 32, "one bit per vector");

static int vector_alloc(void)
{
	for (unsigned n = 0; n < VEC_MSI_COUNT; n++) {
		if (!(used_vectors & (1u << n))) {
			used_vectors |= 1u << n;
			return (int)(VEC_MSI_BASE + n);
		}
	}
	return -ATXF_ENOSPC;
}

int msi_enable(uint32_t bdf, bool *level)
{
	unsigned cap = pci_find_cap(bdf, PCI_CAP_ID_MSI);
	uint32_t ctrl, cmd;
	int vector;

	*level = false;
	if (!cap)
		return -ATXF_ENODEV;
	vector = vector_alloc();
	if (vector < 0)
		return vector;
	ctrl = pci_cfg_read(bdf, cap + PCI_MSI_CTRL, 2);
	pci_cfg_write(bdf, cap + PCI_MSI_ADDR_LO, 4, LAPIC_MSI_BASE | lapic_id() << 12);
	if (ctrl & PCI_MSI_CTRL_64BIT) {
		pci_cfg_write(bdf, cap + PCI_MSI_ADDR_HI, 4, 0);
		pci_cfg_write(bdf, cap + PCI_MSI_DATA_64, 2, (uint32_t)vector);
	} else {
		pci_cfg_write(bdf, cap + PCI_MSI_DATA_32, 2, (uint32_t)vector);
	}
	ctrl = (ctrl & ~PCI_MSI_CTRL_MME) | PCI_MSI_CTRL_ENABLE;
	pci_cfg_write(bdf, cap + PCI_MSI_CTRL, 2, ctrl);
	cmd = pci_cfg_read(bdf, PCI_COMMAND, 2);
	pci_cfg_write(bdf, PCI_COMMAND, 2, cmd | PCI_COMMAND_MASTER | PCI_COMMAND_INTX_DISABLE);
	return vector;
}

void msi_disable(uint32_t bdf, unsigned vector)
{
	unsigned cap = pci_find_cap(bdf, PCI_CAP_ID_MSI);

	if (cap) {
		uint32_t ctrl = pci_cfg_read(bdf, cap + PCI_MSI_CTRL, 2);

		pci_cfg_write(bdf, cap + PCI_MSI_CTRL, 2, ctrl & ~PCI_MSI_CTRL_ENABLE);
	}
	if (vector >= VEC_MSI_BASE && vector < VEC_MSI_BASE + VEC_MSI_COUNT)
		used_vectors &= ~(1u << (vector - VEC_MSI_BASE));
}
