/*
 * DMA confinement by the IOMMU (Intel VT-d, found through the ACPI DMAR
 * table). Each PCI function that does DMA gets its own domain: a
 * second-level page table mapping exactly the buffers and mappings of
 * mm/dma.h made for it, at bus addresses from iommu/iova.h. A function with
 * no domain can reach no memory at all. A blocked access is logged (device,
 * address, reason) and queued for the fault watcher (devmgr,
 * SYS_DMA_FAULT_WATCH). Without an IOMMU the calls below do nothing and bus
 * addresses are physical ones; the boot log says DMA is unconfined.
 * Guarded by cap_lock (the fault interrupt takes it too).
 */
#ifndef IOMMU_IOMMU_H
#define IOMMU_IOMMU_H

#include <stdbool.h>
#include <stdint.h>

struct atxf_dma_fault;
struct port;

/* Finds and enables the IOMMU, or says once that DMA is unconfined. */
void iommu_init(void);
bool iommu_active(void);

/* Maps npages frames (frames[i], or contiguous from frames[0] when
 * contiguous) at iova in bdf's domain, for process pid called name (whom
 * its faults are reported against). 0 or -ATXF_ENOMEM. */
int iommu_map_locked(uint32_t bdf, uint32_t pid, const char *name, uint64_t iova,
		     const uint64_t *frames, bool contiguous, uint64_t npages, bool writable);
/* Unmaps them and waits until the IOMMU has forgotten them: only then may
 * the frames be freed. */
void iommu_unmap_locked(uint32_t bdf, uint64_t iova, uint64_t npages);

/* The fault watcher: port gets bit when a fault is queued. */
void iommu_watch_locked(struct port *port, unsigned bit);
/* The oldest queued fault: 0, or -ATXF_EAGAIN when there is none. */
int iommu_next_fault_locked(struct atxf_dma_fault *out);

#endif
