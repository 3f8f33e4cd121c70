/*
 * INTx routing and planning (intx.h). QEMU: edu and e1000 (82540EM, no
 * MSI) on q35, in slots of bus 0, as a second function, and behind a
 * PCI(e) bridge (tests/qemu/scenarios_intx.py).
 */
#include "intx.h"

#define BUS(bdf)  ((unsigned)((bdf) >> 8) & 0xff)
#define SLOT(bdf) ((unsigned)((bdf) >> 3) & 0x1f)

static const struct dm_device *bridge_to(const struct dm_devices *list, unsigned bus)
{
	for (unsigned i = 0; i < list->count; i++) {
		const struct dm_device *b = &list->dev[i];

		if (b->bus == DM_BUS_PCI && b->pci.is_bridge && b->pci.secondary == bus)
			return b;
	}
	return NULL;
}

/* Swizzles (bus, slot, pin) up to bus 0; 0, or -1 if a bus has no bridge. */
static int to_root(const struct dm_devices *list, const struct dm_device *d, unsigned *slot,
		   unsigned *pin)
{
	unsigned bus = BUS(d->pci.bdf);

	*slot = SLOT(d->pci.bdf);
	*pin = d->pci.intx_pin - 1u;
	/* Each step goes one bus up; more steps than devices is a loop. */
	for (unsigned hops = 0; bus != 0; hops++) {
		const struct dm_device *b = bridge_to(list, bus);

		if (!b || hops == list->count)
			return -1;
		*pin = (*pin + *slot) % 4;
		*slot = SLOT(b->pci.bdf);
		bus = BUS(b->pci.bdf);
	}
	return 0;
}

void dm_intx_route(struct dm_devices *list, const struct dm_prt *prt)
{
	for (unsigned i = 0; i < list->count; i++) {
		struct dm_device *d = &list->dev[i];
		unsigned slot, pin;

		if (d->bus != DM_BUS_PCI || !d->pci.intx_pin)
			continue;
		d->pci.intx_routed = prt && to_root(list, d, &slot, &pin) == 0 &&
				     dm_prt_gsi(prt, slot, pin, &d->pci.intx_gsi) == 0;
	}
}

const char *dm_plan_intx(const struct atxf_resource *r, const struct dm_device *d,
			 struct dm_grant *g)
{
	int msi = d->bus == DM_BUS_PCI && (d->pci.has_msi || d->pci.msix_vectors);

	if (d->bus != DM_BUS_PCI)
		return "not a PCI function";
	if (!d->pci.intx_pin)
		return msi ? "the function has no INTx pin"
			   : "the function has neither MSI nor MSI-X nor an INTx pin";
	if (!d->pci.intx_routed)
		return msi ? "its INTx pin has no known route"
			   : "no MSI or MSI-X, and its INTx pin has no known route";
	*g = (struct dm_grant){ ATXF_CAP_IRQ, r->rights, d->pci.intx_gsi, 1 };
	return NULL;
}
