/*
 * Fake PCI configuration space: reads come from the test's array
 * (little-endian, like the real thing), writes go to the test's callback
 * or into the array. A refused access (no PCI capability, a missing right,
 * an unaligned or out-of-range offset) reads all ones, as on a machine,
 * and counts as a stray access.
 */
#include "fake_internal.h"

static struct fake_pci *config_of(atxf_handle_t pci, uint16_t offset, unsigned width,
				  uint32_t right, const char *what)
{
	struct fake_cap *c = __atxf_fake_cap_get(pci, ATXF_CAP_PCI);

	if (c == NULL || !(c->info.rights & right)) {
		__atxf_fake_stray("%s(handle %d, 0x%x): not a PCI capability with the right",
				  what, pci, offset);
		return NULL;
	}
	if (offset % width != 0 || offset + width > c->pci.size) {
		__atxf_fake_stray("%s(handle %d, 0x%x): offset unaligned or past %zu bytes",
				  what, pci, offset, c->pci.size);
		return NULL;
	}
	return &c->pci;
}

static uint32_t config_read(atxf_handle_t pci, uint16_t offset, unsigned width,
			    const char *what)
{
	struct fake_pci *p = config_of(pci, offset, width, ATXF_RIGHT_READ, what);
	uint32_t v = 0;

	if (p == NULL)
		return (uint32_t)__atxf_fake_ones(width);
	for (unsigned i = 0; i < width; i++)
		v |= (uint32_t)p->config[offset + i] << (8 * i);
	return v;
}

static void config_write(atxf_handle_t pci, uint16_t offset, unsigned width,
			 uint32_t value, const char *what)
{
	struct fake_pci *p = config_of(pci, offset, width, ATXF_RIGHT_WRITE, what);

	if (p == NULL)
		return;
	if (p->write != NULL) {
		p->write(p->ctx, offset, width, value);
		return;
	}
	for (unsigned i = 0; i < width; i++)
		p->config[offset + i] = (uint8_t)(value >> (8 * i));
}

uint32_t atxf_pci_read32(atxf_handle_t pci, uint16_t offset)
{
	return config_read(pci, offset, 4, "atxf_pci_read32");
}

uint16_t atxf_pci_read16(atxf_handle_t pci, uint16_t offset)
{
	return (uint16_t)config_read(pci, offset, 2, "atxf_pci_read16");
}

uint8_t atxf_pci_read8(atxf_handle_t pci, uint16_t offset)
{
	return (uint8_t)config_read(pci, offset, 1, "atxf_pci_read8");
}

void atxf_pci_write32(atxf_handle_t pci, uint16_t offset, uint32_t value)
{
	config_write(pci, offset, 4, value, "atxf_pci_write32");
}

void atxf_pci_write16(atxf_handle_t pci, uint16_t offset, uint16_t value)
{
	config_write(pci, offset, 2, value, "atxf_pci_write16");
}

void atxf_pci_write8(atxf_handle_t pci, uint16_t offset, uint8_t value)
{
	config_write(pci, offset, 1, value, "atxf_pci_write8");
}
