/*
 * PCI enumeration through the kernel's config access (ECAM or ports
 * 0xCF8/0xCFC, kernel/pci/pcicfg.h), one ATXF_CAP_PCI
 * capability per function derived from ROOT and dropped again once read
 * (devmgr keeps no authority it does not use). Bus 0 and the buses behind
 * PCI-to-PCI bridges (PCI Local Bus 3.0 §6.1 header, PCI-PCI Bridge 1.2
 * §3.2 for the secondary bus number). q35 puts everything on bus 0.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/hw.h>
#include <atxf/pci_regs.h>
#include <atxf/sys.h>
#include "devices.h"
#include "ide_compat.h"

#define MAX_BUSES      8        /* how many buses the bridges may lead to */

static atxf_handle_t open_function(atxf_handle_t root, unsigned bus, unsigned dev, unsigned fn)
{
	return atxf_cap_derive(root, ATXF_PCI_BDF(bus, dev, fn), 1,
			       ATXF_RIGHT_READ | ATXF_RIGHT_WRITE | ATXF_DERIVE_KIND(ATXF_CAP_PCI));
}

/* Where the MSI-X table and PBA live (PCI 3.0 §6.8.2.4, .5): BAR and offset. */
static void read_msix(atxf_handle_t cfg, struct dm_pci *p)
{
	uint8_t at = atxf_pci_find_cap(cfg, PCI_CAP_ID_MSIX, 0);
	uint32_t table, pba;

	if (!at)
		return;
	p->msix_vectors = (uint16_t)pci_msix_table_size(atxf_pci_read16(cfg, at + PCI_MSIX_CTRL));
	table = atxf_pci_read32(cfg, at + PCI_MSIX_TABLE);
	pba = atxf_pci_read32(cfg, at + PCI_MSIX_PBA);
	p->msix_table = (struct dm_bar_part){ (uint8_t)(table & PCI_MSIX_BIR_MASK),
					      table & ~PCI_MSIX_BIR_MASK,
					      (uint32_t)p->msix_vectors * PCI_MSIX_ENTRY_SIZE };
	p->msix_pba = (struct dm_bar_part){ (uint8_t)(pba & PCI_MSIX_BIR_MASK),
					    pba & ~PCI_MSIX_BIR_MASK,
					    ((uint32_t)p->msix_vectors + 63) / 64 * 8 };
}

/* Sizes one BAR by writing all ones (PCI 3.0 §6.2.5.1); returns its slots used. */
static int size_bar(atxf_handle_t cfg, unsigned i, struct dm_bar *b)
{
	uint16_t off = (uint16_t)(PCI_BAR0 + 4 * i);
	uint32_t orig = atxf_pci_read32(cfg, off), mask;
	int io = orig & PCI_BAR_IO, is64 = !io && (orig & PCI_BAR_MEM_TYPE) == PCI_BAR_MEM_64;
	uint32_t addr_bits = io ? PCI_BAR_IO_MASK : PCI_BAR_MEM_MASK;   /* the low bits are flags */

	atxf_pci_write32(cfg, off, 0xffffffff);
	mask = atxf_pci_read32(cfg, off);
	atxf_pci_write32(cfg, off, orig);
	if (!mask || mask == 0xffffffff)
		return is64 ? 2 : 1;            /* the device has no BAR here (PCI 3.0 §6.2.5.1) */
	b->kind = io ? DM_BAR_IO : DM_BAR_MMIO;
	b->base = orig & addr_bits;
	b->size = (uint32_t)(~(mask & addr_bits) + 1);
	if (io)
		b->size &= 0xffff;              /* I/O BARs may leave the upper half 0 */
	if (is64 && i < DM_BARS - 1)
		b->base |= (uint64_t)atxf_pci_read32(cfg, off + 4) << 32;
	return is64 ? 2 : 1;
}

/* Sizing moves the BARs for a moment: decoding is off meanwhile. */
static void read_bars(atxf_handle_t cfg, struct dm_pci *p)
{
	uint16_t cmd = atxf_pci_read16(cfg, PCI_COMMAND);

	atxf_pci_write16(cfg, PCI_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (unsigned i = 0; i < DM_BARS; )
		i += (unsigned)size_bar(cfg, i, &p->bar[i]);
	atxf_pci_write16(cfg, PCI_COMMAND, cmd);
}

static void read_function(atxf_handle_t cfg, unsigned bus, unsigned dev, unsigned fn,
			  struct dm_device *d)
{
	uint32_t id = atxf_pci_read32(cfg, PCI_VENDOR_ID), cls = atxf_pci_read32(cfg, PCI_CLASS_REVISION);
	unsigned header = atxf_pci_read8(cfg, PCI_HEADER_TYPE) & PCI_HEADER_TYPE_MASK;

	memset(d, 0, sizeof(*d));
	d->parent_port = ATXF_HANDLE_NONE;
	d->bus = DM_BUS_PCI;
	d->present = 1;
	snprintf(d->name, sizeof(d->name), "%02x:%02x.%x", bus, dev, fn);
	d->pci.bdf = ATXF_PCI_BDF(bus, dev, fn);
	d->pci.vendor = (uint16_t)id;
	d->pci.device = (uint16_t)(id >> 16);
	d->pci.prog_if = (uint8_t)(cls >> 8);
	d->pci.subclass = (uint8_t)(cls >> 16);
	d->pci.class_code = (uint8_t)(cls >> 24);
	d->pci.irq_line = atxf_pci_read8(cfg, PCI_INTERRUPT_LINE);
	d->pci.has_msi = atxf_pci_find_cap(cfg, PCI_CAP_ID_MSI, 0) != 0;
	read_msix(cfg, &d->pci);
	d->pci.intx_pin = atxf_pci_read8(cfg, PCI_INTERRUPT_PIN);
	if (d->pci.intx_pin > 4)
		d->pci.intx_pin = 0;            /* not a pin: treat as none */
	if (header == PCI_HEADER_NORMAL)
		read_bars(cfg, &d->pci);
	if (header == PCI_HEADER_BRIDGE) {
		d->pci.is_bridge = 1;
		d->pci.secondary = atxf_pci_read8(cfg, PCI_SECONDARY_BUS);
	}
	dm_ide_compat(d);               /* fixed ISA ports and lines, BARs unused */
}

struct scan {
	atxf_handle_t root;
	struct dm_devices *list;
	uint8_t buses[MAX_BUSES];       /* buses still to scan, found behind bridges */
	unsigned nbuses;
};

/* Reads one function if present; returns its header type, or -1 if absent. */
static int probe(struct scan *s, unsigned bus, unsigned dev, unsigned fn)
{
	atxf_handle_t cfg = open_function(s->root, bus, dev, fn);
	int header = -1;

	if (cfg < 0)
		return -1;
	if (atxf_pci_read16(cfg, PCI_VENDOR_ID) != 0xffff) {
		struct dm_device d;

		header = atxf_pci_read8(cfg, PCI_HEADER_TYPE);
		read_function(cfg, bus, dev, fn, &d);
		dm_node_add(s->list, &d);       /* the one add path; full: left out */
		if ((header & PCI_HEADER_TYPE_MASK) == PCI_HEADER_BRIDGE && s->nbuses < MAX_BUSES)
			s->buses[s->nbuses++] = atxf_pci_read8(cfg, PCI_SECONDARY_BUS);
	}
	atxf_cap_drop(cfg);
	return header;
}

static void scan_bus(struct scan *s, unsigned bus)
{
	for (unsigned dev = 0; dev < 32; dev++) {
		int header = probe(s, bus, dev, 0);

		/* Functions 1..7 exist only behind a multi-function function 0. */
		for (unsigned fn = 1; header >= 0 && (header & PCI_HEADER_MULTI) && fn < 8; fn++)
			probe(s, bus, dev, fn);
	}
}

void dm_pci_scan(atxf_handle_t root, struct dm_devices *list)
{
	struct scan s = { .root = root, .list = list, .buses = { 0 }, .nbuses = 1 };

	for (unsigned i = 0; i < s.nbuses; i++)
		if (i == 0 || s.buses[i] != 0)         /* an unconfigured bridge says 0 */
			scan_bus(&s, s.buses[i]);
}
