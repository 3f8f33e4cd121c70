/*
 * The PCI capability list walk (<atxf/pci_regs.h>; PCI Local Bus 3.0 §6.7),
 * freestanding: the kernel walks it with its own config access, libatxf
 * with a PCI capability (atxf_pci_find_cap()).
 */
#include <atxf/pci_regs.h>

uint8_t atxf_pci_cap_walk(atxf_pci_read8_fn read8, void *ctx, uint8_t id, uint8_t after)
{
	uint8_t at;

	if (!(read8(ctx, PCI_STATUS) & PCI_STATUS_CAP_LIST))
		return 0;
	at = after ? read8(ctx, (uint16_t)(after + PCI_CAP_NEXT)) : read8(ctx, PCI_CAP_PTR);
	for (unsigned n = 0; n < PCI_CAP_LIST_MAX; n++) {
		at &= 0xfc;             /* the low two bits are reserved */
		if (at < PCI_CAP_FIRST)
			return 0;       /* 0 ends the list; the header is no capability */
		if (read8(ctx, (uint16_t)(at + PCI_CAP_ID)) == id)
			return at;
		at = read8(ctx, (uint16_t)(at + PCI_CAP_NEXT));
	}
	return 0;
}
