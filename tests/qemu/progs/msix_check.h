/*
 * What the MSI-X test drivers (msix-virtio.c, msix-nvme.c, msix-xhci.c)
 * share: counting which of the granted vectors the framework delivered as
 * irq(dev, i), and the lines the scenarios (tests/qemu/scenarios_msix.py)
 * read: "irq(dev, I): HOW" the first time vector I fires, and "all N
 * vectors fired" once each has.
 */
#ifndef PROGS_MSIX_CHECK_H
#define PROGS_MSIX_CHECK_H

#include <stdint.h>
#include <atxf/driver.h>

struct msix_seen {
	unsigned granted;           /* vectors devmgr granted */
	uint32_t fired;             /* bit i: irq(dev, i) came */
	unsigned round;             /* 0, then 1 once all fired (the routing check) */
};

/* How many vectors the PCI IRQ resource grants (its capability's size). */
static inline unsigned msix_granted(const struct atxf_device *dev)
{
	const struct atxf_resource_grant *g = atxf_device_resource(dev, ATXF_RES_PCI_IRQ, 0);

	return g ? (unsigned)g->size : 0;
}

/* Records irq(dev, i); returns 1 when every granted vector has now fired. */
static inline int msix_saw(struct atxf_device *dev, struct msix_seen *s, unsigned i,
			   const char *how)
{
	uint32_t all = s->granted >= 32 ? ~0u : (1u << s->granted) - 1;

	if (i >= s->granted) {
		atxf_device_log(dev, "FAIL: irq(dev, %u) but %u vectors granted", i, s->granted);
		return 0;
	}
	if (!(s->fired & (1u << i)))
		atxf_device_log(dev, "%sirq(dev, %u): %s", s->round ? "again: " : "", i, how);
	s->fired |= 1u << i;
	if (s->fired != all)
		return 0;
	atxf_device_log(dev, "%sall %u vectors fired", s->round ? "again: " : "", s->granted);
	return 1;
}

#endif
