/*
 * Manifest matching and capability planning (match.h). Each resource kind
 * has one small rule saying what a device owns of it; anything else is
 * refused with a sentence naming the resource, so the log says which line
 * of the manifest to fix.
 */
#include <stdio.h>
#include <string.h>
#include "intx.h"
#include "match.h"
#include "plan_msix.h"
#include "props.h"

#define RW (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)

/* The PCI and legacy kinds as the properties they stand for (manifest.h). */
static int match_pci_id(const struct atxf_match *e, const struct dm_device *d)
{
	char kv[DM_PROP_MAX];

	if (!dm_prop_has(d, "bus=pci"))
		return 0;
	snprintf(kv, sizeof(kv), "vendor=0x%04x", e->vendor);
	if (!dm_prop_has(d, kv))
		return 0;
	snprintf(kv, sizeof(kv), "product=0x%04x", e->device);
	return e->device == 0xffff || dm_prop_has(d, kv);
}

/* key=0xVV unless v is 0xff, the wildcard (always for the class itself). */
static int byte_prop(const struct dm_device *d, const char *key, unsigned v, int wild)
{
	char kv[DM_PROP_MAX];

	snprintf(kv, sizeof(kv), "%s=0x%02x", key, v);
	return (wild && v == 0xff) || dm_prop_has(d, kv);
}

static int match_pci_class(const struct atxf_match *e, const struct dm_device *d)
{
	return dm_prop_has(d, "bus=pci") && byte_prop(d, "class", e->class_code, 0) &&
	       byte_prop(d, "subclass", e->subclass, 1) && byte_prop(d, "protocol", e->prog_if, 1);
}

static int match_legacy(const struct atxf_match *e, const struct dm_device *d)
{
	char kv[DM_PROP_MAX];

	snprintf(kv, sizeof(kv), "name=%.*s", ATXF_LEGACY_NAME_MAX, e->legacy);
	return dm_prop_has(d, "bus=legacy") && dm_prop_has(d, kv);
}

static int match_one(const struct atxf_match *e, const struct dm_device *d)
{
	char kv[ATXF_MATCH_PROP_MAX + 1];

	switch (e->kind) {
	case ATXF_MATCH_LEGACY:
		return match_legacy(e, d);
	case ATXF_MATCH_PCI_ID:
		return match_pci_id(e, d);
	case ATXF_MATCH_PCI_CLASS:
		return match_pci_class(e, d);
	case ATXF_MATCH_PROPERTY:
		snprintf(kv, sizeof(kv), "%.*s", ATXF_MATCH_PROP_MAX, e->prop);
		return dm_prop_has(d, kv);
	default:
		return 0;
	}
}

/* Entries are alternatives; a chain linked by ATXF_MATCH_F_AND is one. */
int dm_match(const struct atxf_manifest *m, const struct dm_device *d)
{
	int chain = 1;

	if (d->bus == DM_BUS_NONE || d->removing)
		return 0;
	for (unsigned i = 0; i < ATXF_MANIFEST_MATCHES; i++) {
		const struct atxf_match *e = &m->match[i];

		if (e->kind == ATXF_MATCH_NONE)
			continue;
		chain = match_one(e, d) && chain;
		if (e->kind == ATXF_MATCH_PROPERTY && (e->flags & ATXF_MATCH_F_AND))
			continue;
		if (chain)
			return 1;
		chain = 1;
	}
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
 * interrupt, the function's MSI, else its MSI-X vector 0, else its INTx
 * line (intx.c).
 */
static const char *plan_pci_irq(const struct atxf_resource *r, const struct dm_device *d,
				struct dm_grant *g)
{
	if (d->bus != DM_BUS_PCI)
		return "not a PCI function";
	if (r->size || (!d->pci.has_msi && d->pci.msix_vectors))
		return dm_plan_msix(r, d, g);
	if (!d->pci.has_msi)
		return dm_plan_intx(r, d, g);
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

/* A child node's parent port: a send right, never passed on (no GRANT). */
static const char *plan_parent(const struct atxf_resource *r, const struct dm_device *d,
			       struct dm_grant *g)
{
	if (d->bus != DM_BUS_CHILD)
		return "not a child node: no parent driver";
	if (d->parent_port < 0)
		return "its parent driver offered no port";
	if (r->rights != ATXF_RIGHT_WRITE)
		return "a parent port is for sending: rights must be w";
	*g = (struct dm_grant){ ATXF_CAP_PORT, ATXF_RIGHT_WRITE, 0, 0 };
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
	[ATXF_RES_PCI_INTX] = dm_plan_intx,
	[ATXF_RES_PARENT] = plan_parent,
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
