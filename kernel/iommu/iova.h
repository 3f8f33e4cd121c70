/*
 * Bus addresses for IOMMU domains. One space for all domains, so that no
 * two devices' buffers ever share a bus address: another device's address
 * is never mapped in yours, and a fault names one buffer unambiguously.
 * Guarded by cap_lock.
 */
#ifndef IOMMU_IOVA_H
#define IOMMU_IOVA_H

#include <stdint.h>

/* npages of bus addresses below limit, not crossing a multiple of
 * boundary (0: none); the first address, or 0 when there is no room. */
uint64_t iova_alloc_locked(uint64_t npages, uint64_t limit, uint64_t boundary);
void iova_free_locked(uint64_t iova, uint64_t npages);

#endif
