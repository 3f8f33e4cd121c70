/*
 * The NIC drivers' shared helpers: see nic_lib.h.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include <atxf/pci_regs.h>
#include "nic_lib.h"

int nic_bufs_alloc(struct nic_bufs *b, const struct atxf_dma_tag *tag, unsigned count,
		   uint32_t size)
{
	int err;

	memset(b, 0, sizeof(*b));
	if (count == 0 || size == 0 || size % 16)
		return -ATXF_EINVAL;
	err = atxf_dma_alloc(tag, (size_t)count * size, &b->dma);
	if (err)
		return err;
	b->count = count;
	b->size = size;
	return 0;
}

void nic_bufs_free(struct nic_bufs *b)
{
	if (b->count)
		atxf_dma_free(&b->dma);
	memset(b, 0, sizeof(*b));
}

int nic_mac_usable(const uint8_t mac[NIC_MAC_LEN])
{
	static const uint8_t zero[NIC_MAC_LEN];

	return !(mac[0] & 1) && memcmp(mac, zero, NIC_MAC_LEN) != 0;
}

char *nic_mac_format(const uint8_t mac[NIC_MAC_LEN], char out[NIC_MAC_STR])
{
	static const char hex[] = "0123456789abcdef";

	for (unsigned i = 0; i < NIC_MAC_LEN; i++) {
		out[3 * i] = hex[mac[i] >> 4];
		out[3 * i + 1] = hex[mac[i] & 15];
		out[3 * i + 2] = i + 1 < NIC_MAC_LEN ? ':' : '\0';
	}
	return out;
}

void nic_pci_enable(atxf_handle_t pci)
{
	uint16_t cmd = atxf_pci_read16(pci, PCI_COMMAND);

	atxf_pci_write16(pci, PCI_COMMAND, cmd | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
}
