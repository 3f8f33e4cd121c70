/*
 * PCI configuration space (<atxf/hw.h>) through an ATXF_CAP_PCI capability:
 * the kernel does the access (CF8/CFC or ECAM) and checks the offset. A
 * refused read returns all ones, which is also what an absent function
 * reads as, so probing code treats both alike.
 */
#include <atxf/hw.h>
#include "trap.h"

static uint32_t config_read(atxf_handle_t pci, uint16_t offset, unsigned width,
			    uint32_t ones)
{
	long ret = sys_PCI_CONFIG_READ(pci, offset, width);

	return ret < 0 ? ones : (uint32_t)ret;
}

uint32_t atxf_pci_read32(atxf_handle_t pci, uint16_t offset)
{
	return config_read(pci, offset, 4, 0xffffffffu);
}

uint16_t atxf_pci_read16(atxf_handle_t pci, uint16_t offset)
{
	return (uint16_t)config_read(pci, offset, 2, 0xffff);
}

uint8_t atxf_pci_read8(atxf_handle_t pci, uint16_t offset)
{
	return (uint8_t)config_read(pci, offset, 1, 0xff);
}

void atxf_pci_write32(atxf_handle_t pci, uint16_t offset, uint32_t value)
{
	sys_PCI_CONFIG_WRITE(pci, offset, 4, value);
}

void atxf_pci_write16(atxf_handle_t pci, uint16_t offset, uint16_t value)
{
	sys_PCI_CONFIG_WRITE(pci, offset, 2, value);
}

void atxf_pci_write8(atxf_handle_t pci, uint16_t offset, uint8_t value)
{
	sys_PCI_CONFIG_WRITE(pci, offset, 1, value);
}
