/*
 * MSI (irq/msi.h): the message (irq/vector.h) goes in the capability.
 * QEMU's edu device offers MSI.
 */
#include <atxf/errors.h>
#include "irq/msi.h"
#include "irq/msix.h"
#include "irq/vector.h"
#include "pci/pcicfg.h"

int msi_enable(uint32_t bdf, bool *level)
{
	unsigned cap = pci_find_cap(bdf, PCI_CAP_ID_MSI);
	uint32_t ctrl;
	int vector;

	*level = false;
	if (!cap)
		return -ATXF_ENODEV;
	if (msix_is_on(bdf))
		return -ATXF_EBUSY;     /* PCI 3.0 §6.8.2: never MSI and MSI-X at once */
	vector = msg_vector_alloc();
	if (vector < 0)
		return vector;
	ctrl = pci_cfg_read(bdf, cap + PCI_MSI_CTRL, 2);
	pci_cfg_write(bdf, cap + PCI_MSI_ADDR_LO, 4, msg_address());
	if (ctrl & PCI_MSI_CTRL_64BIT) {
		pci_cfg_write(bdf, cap + PCI_MSI_ADDR_HI, 4, 0);
		pci_cfg_write(bdf, cap + PCI_MSI_DATA_64, 2, (uint32_t)vector);
	} else {
		pci_cfg_write(bdf, cap + PCI_MSI_DATA_32, 2, (uint32_t)vector);
	}
	ctrl = (ctrl & ~PCI_MSI_CTRL_MME) | PCI_MSI_CTRL_ENABLE;
	pci_cfg_write(bdf, cap + PCI_MSI_CTRL, 2, ctrl);
	msg_function_enable(bdf);
	return vector;
}

void msi_disable(uint32_t bdf, unsigned vector)
{
	unsigned cap = pci_find_cap(bdf, PCI_CAP_ID_MSI);

	if (cap) {
		uint32_t ctrl = pci_cfg_read(bdf, cap + PCI_MSI_CTRL, 2);

		pci_cfg_write(bdf, cap + PCI_MSI_CTRL, 2, ctrl & ~PCI_MSI_CTRL_ENABLE);
	}
	msg_vector_free(vector);
}

bool msi_is_on(uint32_t bdf)
{
	unsigned cap = pci_find_cap(bdf, PCI_CAP_ID_MSI);

	return cap && (pci_cfg_read(bdf, cap + PCI_MSI_CTRL, 2) & PCI_MSI_CTRL_ENABLE);
}
