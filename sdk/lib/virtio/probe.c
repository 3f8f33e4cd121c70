/*
 * atxf_virtio_probe: the virtio device of a driver's probe, from what
 * devmgr granted (<atxf/driver.h>): the PCI configuration space and the
 * BARs the manifest named, which the framework has mapped. A BAR grant
 * is matched to its number through the manifest (grants keep its order).
 */
#include <string.h>
#include <atxf/driver.h>
#include "virtio_impl.h"

/* The BAR number of grant g, from the manifest resource it came from. */
static int bar_number(const struct atxf_device *dev, unsigned g)
{
	unsigned n = 0;

	for (unsigned i = 0; i < ATXF_MANIFEST_RESOURCES; i++) {
		const struct atxf_resource *r = &dev->manifest->resources[i];

		if (r->kind == ATXF_RES_NONE)
			continue;
		if (n++ == g)
			return r->kind == ATXF_RES_PCI_BAR && r->index < PCI_BARS ? (int)r->index : -1;
	}
	return -1;
}

int atxf_virtio_probe(struct atxf_virtio *vd, const struct atxf_device *dev)
{
	const struct atxf_resource_grant *pci = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	struct atxf_virtio_bar bars[PCI_BARS];

	memset(vd, 0, sizeof(*vd));
	memset(bars, 0, sizeof(bars));
	if (!dev->manifest || !pci)
		return atxf__virtio_refuse(vd, -ATXF_ENODEV, "no PCI configuration space "
					   "granted (the manifest needs ATXF_RESOURCE_PCI_CONFIG)");
	for (unsigned g = 0; g < dev->ngrants; g++) {
		const struct atxf_resource_grant *gr = &dev->grant[g];
		int bar = gr->kind == ATXF_RES_PCI_BAR && gr->mapped ? bar_number(dev, g) : -1;

		if (bar >= 0)
			bars[bar] = (struct atxf_virtio_bar){ (volatile uint8_t *)gr->mapped, gr->size };
	}
	return atxf_virtio_find(vd, pci->handle, bars);
}
