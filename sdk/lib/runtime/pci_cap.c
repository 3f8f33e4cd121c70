/*
 * atxf_pci_find_cap() (<atxf/hw.h>): the capability list of the function
 * behind a PCI capability, walked with atxf_pci_read8(). No system call of
 * its own, so libatxf-fake carries it and host tests walk fake lists.
 */
#include <atxf/hw.h>
#include <atxf/pci_regs.h>

static uint8_t read8(void *ctx, uint16_t offset)
{
	return atxf_pci_read8(*(atxf_handle_t *)ctx, offset);
}

uint8_t atxf_pci_find_cap(atxf_handle_t pci, uint8_t id, uint8_t after)
{
	return atxf_pci_cap_walk(read8, &pci, id, after);
}
