/*
 * The one VT-d remapping unit this kernel drives (used inside kernel/iommu
 * only): its registers, the root table and the invalidation commands.
 */
#ifndef IOMMU_VTD_H
#define IOMMU_VTD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vtd {
	volatile uint8_t *regs;     /* NULL: no IOMMU */
	uint64_t phys;              /* where the registers are */
	uint64_t cap, ecap;
	unsigned levels;            /* of second-level page tables: 3 or 4 */
	unsigned aw;                /* the context entries' AW for that */
	uint64_t root_pa;           /* root table: 256 entries, one per bus */
	bool coherent;              /* page walks snoop the caches (ECAP.C) */
};

extern struct vtd vtd;

/* The register base of the DMAR table's first remapping unit, or 0. */
uint64_t dmar_find_unit(void);

uint32_t vtd_read32(unsigned off);
uint64_t vtd_read64(unsigned off);
void vtd_write32(unsigned off, uint32_t v);
void vtd_write64(unsigned off, uint64_t v);

/* Makes table writes visible to a unit whose walks do not snoop. */
void vtd_flush_cache(const void *p, size_t len);
/* Global invalidations (§6.5.1, register based); each waits for the unit. */
void vtd_flush_context(void);
void vtd_flush_iotlb(void);

/* Routes fault events to a vector and logs what is already recorded. */
void vtd_fault_init(void);

#endif
