/*
 * Device domains (iommu/iommu.h): one per PCI function, made the first
 * time a buffer is mapped for it and kept (its tables are reused). A
 * domain is a context entry (VT-d spec §9.3) pointing at second-level page
 * tables (§9.8) whose leaves map 4 KiB pages read-only or read-write.
 * Tables and entries are written before they are made present, and the
 * IOTLB is flushed after every unmap, before the frames can be freed.
 */
#include <atxf/errors.h>
#include "arch/x86_64/memlayout.h"
#include "arch/x86_64/paging.h"
#include "iommu/domain.h"
#include "iommu/iommu.h"
#include "iommu/vtd.h"
#include "iommu/vtd_reg.h"
#include "lib/log.h"
#include "lib/string.h"
#include "mm/pmm.h"

#define MAX_DOMAINS   64
#define PT_ENTRIES    512

struct domain {
	bool used;
	uint32_t bdf;
	uint16_t did;           /* domain id, in the context entry and IOTLB tags */
	uint64_t root;          /* top second-level table */
	uint32_t pid;           /* the process it was last mapped for (fault reports) */
	char name[DOMAIN_NAME_MAX];     /* and its name */
};

static struct domain domains[MAX_DOMAINS];

/* bdf's context entry (two qwords), making the bus's table if asked. */
static uint64_t *context_entry(uint32_t bdf, bool create)
{
	uint64_t *root = phys_to_virt(vtd.root_pa);
	uint64_t *re = &root[(bdf >> 8 & 0xff) * 2];

	if (!(*re & VTD_ROOT_PRESENT)) {
		uint64_t table = create ? pmm_alloc_zeroed() : 0;

		if (!table)
			return NULL;
		re[1] = 0;
		re[0] = table | VTD_ROOT_PRESENT;
		vtd_flush_cache(re, 16);
	}
	return (uint64_t *)phys_to_virt(*re & ~(uint64_t)(PAGE_SIZE - 1)) + (bdf & 0xff) * 2;
}

static struct domain *find(uint32_t bdf)
{
	for (int i = 0; i < MAX_DOMAINS; i++)
		if (domains[i].used && domains[i].bdf == bdf)
			return &domains[i];
	return NULL;
}

/* bdf's domain, made (tables, context entry) on first use; NULL: no memory. */
static struct domain *domain_get(uint32_t bdf)
{
	struct domain *d = find(bdf);
	uint64_t *ce;

	for (int i = 0; !d && i < MAX_DOMAINS; i++)
		if (!domains[i].used)
			d = &domains[i];
	if (!d || d->used)
		return d;
	ce = context_entry(bdf, true);
	d->root = ce ? pmm_alloc_zeroed() : 0;
	if (!d->root)
		return NULL;
	d->used = true;
	d->bdf = bdf;
	d->did = (uint16_t)(d - domains + 1);   /* 0 is reserved in caching mode */
	ce[1] = VTD_CTX_AW(vtd.aw) | VTD_CTX_DID(d->did);
	ce[0] = d->root | VTD_CTX_PRESENT;      /* present last: TT 0, translated */
	vtd_flush_cache(ce, 16);
	vtd_flush_context();
	return d;
}

/* The leaf entry for iova, making the tables on the way if asked. */
static uint64_t *leaf(struct domain *d, uint64_t iova, bool create)
{
	uint64_t table = d->root;

	for (unsigned level = vtd.levels; level > 1; level--) {
		uint64_t *e = (uint64_t *)phys_to_virt(table) +
			      (iova >> (PAGE_SHIFT + 9 * (level - 1)) & (PT_ENTRIES - 1));

		if (!(*e & (VTD_SL_READ | VTD_SL_WRITE))) {
			uint64_t next = create ? pmm_alloc_zeroed() : 0;

			if (!next)
				return NULL;
			*e = next | VTD_SL_READ | VTD_SL_WRITE;
			vtd_flush_cache(e, 8);
		}
		table = *e & VTD_SL_ADDR;
	}
	return (uint64_t *)phys_to_virt(table) + (iova >> PAGE_SHIFT & (PT_ENTRIES - 1));
}

static void clear_leaves(struct domain *d, uint64_t iova, uint64_t npages)
{
	for (uint64_t i = 0; i < npages; i++) {
		uint64_t *e = leaf(d, iova + i * PAGE_SIZE, false);

		if (e) {
			*e = 0;
			vtd_flush_cache(e, 8);
		}
	}
}

int iommu_map_locked(uint32_t bdf, uint32_t pid, const char *name, uint64_t iova,
		     const uint64_t *frames, bool contiguous, uint64_t npages, bool writable)
{
	uint64_t perm = VTD_SL_READ | (writable ? VTD_SL_WRITE : 0);
	struct domain *d;

	if (!iommu_active())
		return 0;
	d = domain_get(bdf);
	if (!d)
		return -ATXF_ENOMEM;
	d->pid = pid;
	strlcpy(d->name, name, sizeof(d->name));
	for (uint64_t i = 0; i < npages; i++) {
		uint64_t *e = leaf(d, iova + i * PAGE_SIZE, true);
		uint64_t pa = contiguous ? frames[0] + i * PAGE_SIZE : frames[i];

		if (!e) {
			clear_leaves(d, iova, i);
			vtd_flush_iotlb();
			return -ATXF_ENOMEM;
		}
		*e = pa | perm;
		vtd_flush_cache(e, 8);
	}
	if (vtd.cap & VTD_CAP_CM)       /* it may cache absent entries */
		vtd_flush_iotlb();
	return 0;
}

void iommu_unmap_locked(uint32_t bdf, uint64_t iova, uint64_t npages)
{
	struct domain *d = iommu_active() ? find(bdf) : NULL;

	if (!d)
		return;
	clear_leaves(d, iova, npages);
	vtd_flush_iotlb();
}

uint32_t domain_owner_locked(uint32_t bdf, const char **name)
{
	struct domain *d = iommu_active() ? find(bdf) : NULL;

	*name = d ? d->name : "nobody";
	return d ? d->pid : 0;
}
