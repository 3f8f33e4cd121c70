/*
 * MSI-X planning (plan_msix.h). One IRQ capability covers the vectors
 * granted (ATXF_IRQ_MSIX_VECTOR(bdf, 0), size n; <atxf/cap.h>): the driver
 * framework splits it into one capability per vector.
 */
#include <stdio.h>
#include "plan_msix.h"

const char *dm_plan_msix(const struct atxf_resource *r, const struct dm_device *d,
			 struct dm_grant *g)
{
	static char why[DM_WHY_MAX];
	unsigned offered = d->pci.msix_vectors;
	unsigned want_min = r->size ? (unsigned)r->base : 1;
	unsigned want_max = r->size ? (unsigned)r->size : 1;
	unsigned n = offered < want_max ? offered : want_max;

	if (!offered)
		return "no MSI-X capability";
	if (n < want_min) {
		snprintf(why, sizeof(why), "the device has %u MSI-X vectors, the manifest needs %u",
			 offered, want_min);
		return why;
	}
	*g = (struct dm_grant){ .kind = ATXF_CAP_IRQ, .rights = r->rights,
				.base = ATXF_IRQ_MSIX_VECTOR(d->pci.bdf, 0), .size = n };
	return NULL;
}

/* part as a range of g, if it lies in the BAR g grants. */
static unsigned hole_of(const struct dm_pci *p, const struct dm_bar_part *part,
			const struct dm_grant *g, struct dm_range *out)
{
	const struct dm_bar *b = &p->bar[part->bar];

	if (part->bar >= DM_BARS || b->kind != DM_BAR_MMIO || !part->size ||
	    b->base != g->base || part->offset >= g->size)
		return 0;
	*out = (struct dm_range){ part->offset, part->size };
	return 1;
}

unsigned dm_msix_holes(const struct dm_device *d, const struct dm_grant *g,
		       struct dm_range out[DM_MSIX_HOLES])
{
	const struct dm_pci *p = &d->pci;
	unsigned n = 0;

	if (d->bus != DM_BUS_PCI || !p->msix_vectors || g->kind != ATXF_CAP_MMIO)
		return 0;
	n += hole_of(p, &p->msix_table, g, &out[n]);
	n += hole_of(p, &p->msix_pba, g, &out[n]);
	return n;
}
