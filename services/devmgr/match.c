/*
 * Manifest matching and capability planning (match.h). Each resource kind
 * has one small rule saying what a device owns of it; anything else is
 * refused with a sentence naming the resource, so the log says which line
 * of the manifest to fix.
 */
#include <stdio.h>
#include <string.h>
#include "match.h"
#include "plan_msix.h"

#define RW (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)

static int match_one(const struct atxf_match *e, const struct dm_device *d)
{
	const struct dm_pci *p = &d->pci;

	switch (e->kind) {
	case ATXF_MATCH_LEGACY:
		return d->bus == DM_BUS_LEGACY &&
		       !strncmp(e->legacy, d->name, ATXF_LEGACY_NAME_MAX);
	case ATXF_MATCH_PCI_ID:
		return d->bus == DM_BUS_PCI && e->vendor == p->vendor &&
		       (e->device == 0xffff || e->device == p->device);
	case ATXF_MATCH_PCI_CLASS:
		return d->bus == DM_BUS_PCI && e->class_code == p->class_code &&
		       (e->subclass == 0xff || e->subclass == p->subclass) &&
		       (e->prog_if == 0xff || e->prog_if == p->prog_if);
	default:
		return 0;
	}
}

int dm_match(const struct atxf_manifest *m, const struct dm_device *d)
{
	for (unsigned i = 0; i < ATXF_MANIFEST_MATCHES; i++)
		if (match_one(&m->match[i], d))
			return 1;
	return 0;
}

/* The planning of one resource: fills g, or returns the reason it is refused. */
typedef const char *(*plan_fn)(const struct atxf_resource *r, const struct dm_device *d,
			       struct dm_grant *g);

static int within(uint64_t base, uint64_t size, const struct dm_range *r)
{
	return size && size <= r->size && base >= r->base && base - r->base <= r->size - size;
}

/* Ports: inside one fixed range (legacy) or one I/O BAR (PCI). */
static const char *plan_ioport(const struct atxf_resource *r, const struct dm_device *d,
			       struct dm_grant *g)
{
	int owned = 0;

	for (unsigned i = 0; i < DM_PORT_RANGES; i++)
		owned |= within(r->base, r->size, &d->ports[i]);
	for (unsigned i = 0; d->bus == DM_BUS_PCI && i < DM_BARS; i++) {
		struct dm_range bar = { d->pci.bar[i].base, d->pci.bar[i].size };

		owned |= d->pci.bar[i].kind == DM_BAR_IO && within(r->base, r->size, &bar);
	}
	if (!owned)
		return "outside the device's port ranges";
	*g = (struct dm_grant){ ATXF_CAP_IOPORT, r->rights, r->base, r->size };
	return NULL;
}

/* A legacy line: one of the device's own ISA IRQs. */
static const char *plan_irq(const struct atxf_resource *r, const struct dm_device *d,
			    struct dm_grant *g)
{
	for (unsigned i = 0; i < d->nirqs; i++) {
		if (d->irqs[i] == r->base) {
			*g = (struct dm_grant){ ATXF_CAP_IRQ, r->rights, r->base, 1 };
			return NULL;
		}
	}
	return "not one of the device's IRQ lines";
}

static const char *plan_bar(const struct atxf_resource *r, const struct dm_device *d,
			    struct dm_grant *g)
{
	const struct dm_bar *b;

	if (d->bus != DM_BUS_PCI)
		return "a legacy device has no BARs";
	if (r->index >= DM_BARS || d->pci.bar[r->index].kind == DM_BAR_NONE)
		return "no such BAR on the device";
	b = &d->pci.bar[r->index];
	*g = (struct dm_grant){ b->kind == DM_BAR_IO ? ATXF_CAP_IOPORT : ATXF_CAP_MMIO,
				r->rights, b->base, b->size };
	return NULL;
}

/*
 * MSI-X vectors when the manifest asks for a range (plan_msix.c); for one
 * interrupt, the function's MSI, else its MSI-X vector 0. INTx is refused
 * for now: config 0x3c holds the
 * firmware's PIC line, not the IOAPIC GSI the kernel binds (on q35 slot
 * 16's INTA# is GSI 20, line 10), and the real route is in ACPI's _PRT,
 * which devmgr does not read yet.
 */
static const char *plan_pci_irq(const struct atxf_resource *r, const struct dm_device *d,
				struct dm_grant *g)
{
	if (d->bus != DM_BUS_PCI)
		return "not a PCI function";
	if (r->size || (!d->pci.has_msi && d->pci.msix_vectors))
		return dm_plan_msix(r, d, g);
	if (!d->pci.has_msi)
		return "no MSI, and INTx routing is not known to devmgr yet";
	*g = (struct dm_grant){ ATXF_CAP_IRQ, r->rights, ATXF_IRQ_MSI | d->pci.bdf, 1 };
	return NULL;
}

/* A budget, for bus masters only: legacy devices here do no DMA. */
static const char *plan_dma(const struct atxf_resource *r, const struct dm_device *d,
			    struct dm_grant *g)
{
	if (d->bus != DM_BUS_PCI)
		return "a legacy device is no bus master";
	if (!r->size)
		return "a DMA budget of 0 bytes";
	*g = (struct dm_grant){ ATXF_CAP_DMA, r->rights | ATXF_RIGHT_WRITE, 0, r->size };
	return NULL;
}

static const char *plan_config(const struct atxf_resource *r, const struct dm_device *d,
			       struct dm_grant *g)
{
	if (d->bus != DM_BUS_PCI)
		return "not a PCI function";
	*g = (struct dm_grant){ ATXF_CAP_PCI, r->rights, d->pci.bdf, 1 };
	return NULL;
}

/* No device in devmgr's tables owns a framebuffer or fixed MMIO yet. */
static const char *plan_unowned(const struct atxf_resource *r, const struct dm_device *d,
				struct dm_grant *g)
{
	(void)r, (void)d, (void)g;
	return "no device devmgr knows owns one";
}

static const plan_fn planners[] = {
	[ATXF_RES_IOPORT] = plan_ioport,
	[ATXF_RES_IRQ] = plan_irq,
	[ATXF_RES_PCI_BAR] = plan_bar,
	[ATXF_RES_PCI_IRQ] = plan_pci_irq,
	[ATXF_RES_DMA] = plan_dma,
	[ATXF_RES_FRAMEBUFFER] = plan_unowned,
	[ATXF_RES_PCI_CONFIG] = plan_config,
	[ATXF_RES_MMIO] = plan_unowned,
};

/* "KIND BASE+SIZE" (or "pci-bar N") for the refusal line. */
static void describe(const struct atxf_resource *r, char *buf, size_t size)
{
	const char *kind = atxf_resource_kind_name(r->kind);

	if (r->kind == ATXF_RES_PCI_BAR)
		snprintf(buf, size, "%s %u", kind, (unsigned)r->index);
	else
		snprintf(buf, size, "%s 0x%llx+0x%llx", kind, (unsigned long long)r->base,
			 (unsigned long long)r->size);
}

static const char *plan_one(const struct atxf_resource *r, const struct dm_device *d,
			    struct dm_grant *g)
{
	if (r->kind >= sizeof(planners) / sizeof(planners[0]) || !planners[r->kind])
		return "unknown resource kind";
	if (!(r->rights & RW) || (r->rights & ~RW))
		return "rights must be r and/or w (a driver never gets GRANT)";
	return planners[r->kind](r, d, g);
}

int dm_plan(const struct atxf_manifest *m, const struct dm_device *d, struct dm_plan *out,
	    char *why, size_t why_size)
{
	char what[48];

	out->count = 0;
	for (unsigned i = 0; i < ATXF_MANIFEST_RESOURCES; i++) {
		const struct atxf_resource *r = &m->resources[i];
		const char *reason;

		if (r->kind == ATXF_RES_NONE)
			continue;
		reason = plan_one(r, d, &out->grant[out->count]);
		if (reason) {
			describe(r, what, sizeof(what));
			snprintf(why, why_size, "%s: %s", what, reason);
			out->count = 0;
			return -1;
		}
		out->count++;
	}
	return 0;
}
