/*
 * DMA mappings of shared pages (SYS_DMA_MAP, mm/dma.h): a client granted
 * pages to the driver (ipc/shm.h); the driver maps them for its device, so
 * the device reads and writes the client's memory with no copy. The
 * frames are pinned (mm/pin.h): when the client dies or revokes, the
 * CPU mappings of every receiver turn to stand-ins (ipc/shm.h), but the
 * frames stay the device's until SYS_DMA_UNMAP. Exercised by the dma-shm scenarios
 * (tests/qemu/scenarios_iommu.py).
 */
#include <atxf/cap.h>
#include <atxf/errors.h>
#include "arch/x86_64/paging.h"
#include "ipc/shm.h"
#include "mm/dma.h"
#include "mm/heap.h"
#include "mm/pin.h"

/* Pins each of s's frames into b->frames; 0 or -ATXF_ENOMEM (all undone). */
static int pin_all(struct dma_buf *b, const struct shm *s)
{
	for (uint64_t i = 0; i < s->npages; i++) {
		if (pin_frame(s->frames[i])) {
			while (i--)
				pin_release(s->frames[i]);
			return -ATXF_ENOMEM;
		}
		b->frames[i] = s->frames[i];
	}
	return 0;
}

/* Whether page i at bus can extend seg: contiguous, under max_seg, not
 * starting a new boundary window. */
static bool extends(const struct atxf_dma_seg *seg, uint64_t bus, const struct dma_limits *lim)
{
	return seg->bus_addr + seg->len == bus && seg->len + PAGE_SIZE <= lim->max_seg &&
	       !(lim->boundary && bus % lim->boundary == 0);
}

/* b's pages as segments; -ATXF_ERANGE if they need more than out holds. */
static int segments(const struct dma_buf *b, const struct dma_limits *lim,
		    struct atxf_dma_map *out)
{
	struct atxf_dma_seg *seg = NULL;

	out->nsegs = 0;
	out->size = b->npages * PAGE_SIZE;
	for (uint64_t i = 0; i < b->npages; i++) {
		uint64_t bus = dma_page_bus(b, i);

		if (seg && extends(seg, bus, lim)) {
			seg->len += PAGE_SIZE;
			continue;
		}
		if (out->nsegs == ATXF_DMA_MAX_SEGS)
			return -ATXF_ERANGE;
		seg = &out->seg[out->nsegs++];
		*seg = (struct atxf_dma_seg){ bus, PAGE_SIZE };
	}
	return 0;
}

struct dma_buf *dma_map_shm_locked(struct process *p, const struct dma_limits *lim,
				   struct shm *s, bool writable, struct atxf_dma_map *out,
				   int *err)
{
	struct dma_buf *b;

	*err = -ATXF_EPERM;
	if (!s->owner)
		return NULL;                    /* revoked: nothing left to map */
	*err = -ATXF_ENOMEM;
	b = kzalloc(sizeof(*b));
	if (!b)
		return NULL;
	b->frames = kzalloc(s->npages * sizeof(*b->frames));
	if (!b->frames)
		goto out_free;
	b->shared = true;
	b->owner = p;
	b->npages = s->npages;
	*err = pin_all(b, s);
	if (*err)
		goto out_free;
	*err = dma_place_locked(b, lim, writable);
	if (!*err)
		*err = segments(b, lim, out);
	if (!*err)
		return b;
	dma_unplace_locked(b);
	for (uint64_t i = 0; i < b->npages; i++)
		pin_release(b->frames[i]);
out_free:
	kfree(b->frames);
	kfree(b);
	return NULL;
}
