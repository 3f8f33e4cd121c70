/*
 * Finding a virtio device's structures (VIRTIO 1.1 §4.1.4): each vendor
 * capability of the PCI function names a structure type, a BAR, an offset
 * and a length; the structure must lie inside that BAR as the framework
 * mapped it. QEMU's virtio-*-pci puts them all in BAR 4.
 */
#include <string.h>
#include "virtio_impl.h"

/* One virtio_pci_cap, as read from configuration space. */
struct vcap {
	uint8_t at, type, bar;
	uint32_t offset, length, mult;
};

static void read_cap(atxf_handle_t pci, uint8_t at, struct vcap *c)
{
	c->at = at;
	c->type = atxf_pci_read8(pci, at + VIRTIO_CAP_CFG_TYPE);
	c->bar = atxf_pci_read8(pci, at + VIRTIO_CAP_BAR);
	c->offset = atxf_pci_read32(pci, at + VIRTIO_CAP_OFFSET);
	c->length = atxf_pci_read32(pci, at + VIRTIO_CAP_LENGTH);
	c->mult = c->type == VIRTIO_PCI_CAP_NOTIFY_CFG ?
		  atxf_pci_read32(pci, at + VIRTIO_CAP_NOTIFY_MULT) : 0;
}

static const char *const type_names[] = {
	[VIRTIO_PCI_CAP_COMMON_CFG] = "common configuration",
	[VIRTIO_PCI_CAP_NOTIFY_CFG] = "notification area",
	[VIRTIO_PCI_CAP_ISR_CFG] = "ISR status",
	[VIRTIO_PCI_CAP_DEVICE_CFG] = "device configuration",
};

/* The structure c describes, inside its mapped BAR; NULL (and why) if not. */
static volatile uint8_t *locate(struct atxf_virtio *vd, const struct vcap *c,
				const struct atxf_virtio_bar bars[PCI_BARS], uint32_t min)
{
	const char *what = type_names[c->type];

	if (c->bar >= PCI_BARS || !bars[c->bar].base) {
		atxf__virtio_refuse(vd, -ATXF_ENODEV, "%s (capability at %#x) is in BAR %u, "
				    "which is not mapped", what, c->at, c->bar);
		return NULL;
	}
	if (c->length < min || (uint64_t)c->offset + c->length > bars[c->bar].size) {
		atxf__virtio_refuse(vd, -ATXF_ENODEV, "%s (capability at %#x): %u bytes at "
				    "%#x do not fit BAR %u (%llu bytes, %u needed)", what, c->at,
				    c->length, c->offset, c->bar,
				    (unsigned long long)bars[c->bar].size, min);
		return NULL;
	}
	return bars[c->bar].base + c->offset;
}

static void take(struct atxf_virtio *vd, const struct vcap *c,
		 const struct atxf_virtio_bar bars[PCI_BARS])
{
	switch (c->type) {
	case VIRTIO_PCI_CAP_COMMON_CFG:
		if (!vd->common)
			vd->common = locate(vd, c, bars, VIRTIO_COMMON_SIZE);
		break;
	case VIRTIO_PCI_CAP_NOTIFY_CFG:
		if (!vd->notify && (vd->notify = locate(vd, c, bars, 2))) {
			vd->notify_len = c->length;
			vd->notify_mult = c->mult;
		}
		break;
	case VIRTIO_PCI_CAP_ISR_CFG:
		if (!vd->isr)
			vd->isr = locate(vd, c, bars, 1);
		break;
	case VIRTIO_PCI_CAP_DEVICE_CFG:
		if (!vd->device_cfg && (vd->device_cfg = locate(vd, c, bars, 1)))
			vd->device_cfg_len = c->length;
		break;
	}
	/* Other types (PCI configuration access, 5: ours is direct) are not needed. */
}

static int missing(struct atxf_virtio *vd)
{
	const char *what = !vd->common ? "common configuration" :
			   !vd->notify ? "notification area" : !vd->isr ? "ISR status" : NULL;

	if (!what)
		return 0;
	/* A structure refused by locate() already says why. */
	if (!vd->error[0])
		atxf__virtio_refuse(vd, 0, "no usable %s capability: not a virtio 1.x "
				    "device (a legacy-only one?)", what);
	return -ATXF_ENODEV;
}

int atxf_virtio_find(struct atxf_virtio *vd, atxf_handle_t pci,
		     const struct atxf_virtio_bar bars[PCI_BARS])
{
	struct vcap c;
	uint16_t cmd;

	memset(vd, 0, sizeof(*vd));
	vd->pci = pci;
	/* §4.1.5.1.3: ring addresses are 64-bit, so the device reaches any. */
	vd->tag = (struct atxf_dma_tag){ .pci = pci, .addr_bits = 64 };
	for (uint8_t at = atxf_pci_find_cap(pci, PCI_CAP_ID_VENDOR, 0); at;
	     at = atxf_pci_find_cap(pci, PCI_CAP_ID_VENDOR, at)) {
		read_cap(pci, at, &c);
		if (c.type >= VIRTIO_PCI_CAP_COMMON_CFG && c.type <= VIRTIO_PCI_CAP_DEVICE_CFG)
			take(vd, &c, bars);
	}
	if (missing(vd))
		return -ATXF_ENODEV;
	vd->error[0] = '\0';
	cmd = atxf_pci_read16(pci, PCI_COMMAND);
	atxf_pci_write16(pci, PCI_COMMAND, cmd | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
	return 0;
}
