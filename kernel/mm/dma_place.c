/*
 * Where a device sees a DMA object (mm/dma.h): with an IOMMU, a range of
 * bus addresses (iommu/iova.h) mapped in the device's domain to exactly
 * the object's frames; without one, the frames' physical addresses, which
 * must then satisfy the device's limits themselves.
 */
#include <atxf/errors.h>
#include "arch/x86_64/paging.h"
#include "iommu/iommu.h"
#include "iommu/iova.h"
#include "mm/dma.h"
#include "proc/process.h"

uint64_t dma_page_bus(const struct dma_buf *b, uint64_t i)
{
	if (b->iova_pages)
		return b->bus + i * PAGE_SIZE;
	return b->shared ? b->frames[i] : b->paddr + i * PAGE_SIZE;
}

/* No IOMMU: the physical addresses must do as they are. */
static int place_physical(struct dma_buf *b, const struct dma_limits *lim)
{
	for (uint64_t i = 0; i < b->npages; i++)
		if (dma_page_bus(b, i) + PAGE_SIZE > lim->limit)
			return -ATXF_ERANGE;
	b->bus = dma_page_bus(b, 0);
	if (!b->shared && dma_crosses(b->bus, b->npages * PAGE_SIZE, lim->boundary))
		return -ATXF_ENOMEM;
	return 0;
}

int dma_place_locked(struct dma_buf *b, const struct dma_limits *lim, bool writable)
{
	/* A buffer is one segment, so its range must keep the boundary; a
	 * mapping is split into segments at boundaries instead. */
	uint64_t boundary = b->shared ? 0 : lim->boundary;
	const uint64_t *frames = b->shared ? b->frames : &b->paddr;
	int err;

	b->bdf = lim->bdf;
	if (!iommu_active())
		return place_physical(b, lim);
	b->bus = iova_alloc_locked(b->npages, lim->limit, boundary);
	if (!b->bus)
		return -ATXF_ENOMEM;
	b->iova_pages = b->npages;
	err = iommu_map_locked(b->bdf, b->owner->pid, b->owner->name, b->bus, frames,
			       !b->shared, b->npages, writable);
	if (err) {
		iova_free_locked(b->bus, b->iova_pages);
		b->iova_pages = 0;
	}
	return err;
}

void dma_unplace_locked(struct dma_buf *b)
{
	if (!b->iova_pages)
		return;
	iommu_unmap_locked(b->bdf, b->bus, b->iova_pages);
	iova_free_locked(b->bus, b->iova_pages);
	b->iova_pages = 0;
}
