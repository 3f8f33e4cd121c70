/*
 * MSI-X in devmgr's planning (match.c): how many vectors a PCI function's
 * driver gets, and the holes its BAR grants get where the kernel's MSI-X
 * table and PBA sit (PCI 3.0 §6.8.2). Pure, like match.c.
 */
#ifndef DEVMGR_PLAN_MSIX_H
#define DEVMGR_PLAN_MSIX_H

#include <atxf/manifest.h>
#include "match.h"

/* ATXF_RESOURCE_PCI_IRQS(min, max): up to max of the device's MSI-X
 * vectors, at least min; or ATXF_RESOURCE_PCI_IRQ() on a function with
 * MSI-X but no MSI: its vector 0. Fills g, or returns the refusal. */
const char *dm_plan_msix(const struct atxf_resource *r, const struct dm_device *d,
			 struct dm_grant *g);
#define DM_MSIX_HOLES 2     /* the table and the PBA */

/* The parts of MMIO grant g that are the kernel's MSI-X table or PBA, as
 * byte ranges from g->base (a BAR grant: spawn.c holes them out with
 * SYS_MMIO_HOLE); returns how many of out[DM_MSIX_HOLES] it filled. */
unsigned dm_msix_holes(const struct dm_device *d, const struct dm_grant *g,
		       struct dm_range out[DM_MSIX_HOLES]);

#endif
