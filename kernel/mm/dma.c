/*
 * DMA buffers (mm/dma.h). The budget: the sizes of the process's DMA
 * capabilities with base 0 and WRITE (docs/syscalls.md SYS_DMA_ALLOC),
 * against which every live buffer is charged. Exercised by the kill
 * scenario (tests/qemu/scenarios.py) and the iommu scenarios
 * (tests/qemu/scenarios_iommu.py) with QEMU's edu device.
 */
#include <atxf/errors.h>
#include "arch/x86_64/paging.h"
#include "cap/captable.h"
#include "iommu/iommu.h"
#include "mm/aspace.h"
#include "mm/dma.h"
#include "lib/log.h"
#include "mm/heap.h"
#include "mm/pin.h"
#include "mm/pmm.h"
#include "mm/vm.h"
#include "proc/process.h"

#define DMA_BELOW   (4ul << 30)         /* 32-bit DMA engines reach it */

/* Bytes of DMA memory p may hold at once. cap_lock held. */
static uint64_t budget_locked(struct process *p)
{
	uint64_t total = 0;

	for (int h = 0; h < CAP_TABLE_SLOTS; h++) {
		const struct cap *c = &p->caps.slot[h];

		if (c->kind == ATXF_CAP_DMA && !c->obj && c->base == 0 &&
		    (c->rights & ATXF_RIGHT_WRITE))
			total += c->size;
	}
	return total;
}

/* Charges bytes to p's budget: 0, -ATXF_EPERM (none) or -ATXF_ENOMEM. */
static int charge(struct process *p, uint64_t bytes)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	uint64_t budget = budget_locked(p);
	int err = 0;

	if (!budget)
		err = -ATXF_EPERM;
	else if (p->dma_used + bytes > budget)
		err = -ATXF_ENOMEM;
	else
		p->dma_used += bytes;
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

static void free_frames(uint64_t pa, uint64_t npages)
{
	for (uint64_t i = 0; i < npages; i++)
		pmm_free(pa + i * PAGE_SIZE);
}

/* Physical frames the device can use: without an IOMMU they must lie
 * below its limit themselves. */
static uint64_t frames_below(const struct dma_limits *lim)
{
	if (iommu_active() || lim->limit > DMA_BELOW)
		return DMA_BELOW;
	return lim->limit;
}

/*
 * n contiguous frames for a buffer. Without an IOMMU they are what the
 * device sees, so they must not cross the tag's boundary: if the first try
 * does, take 2n frames, which always hold n inside one window (n is at
 * most the boundary), and give the rest back.
 */
static uint64_t alloc_frames(const struct dma_limits *lim, uint64_t n)
{
	uint64_t below = frames_below(lim), bytes = n * PAGE_SIZE, pa, at;

	pa = pmm_alloc_contig(n, below);
	if (!pa || iommu_active() || !dma_crosses(pa, bytes, lim->boundary))
		return pa;
	free_frames(pa, n);
	pa = pmm_alloc_contig(2 * n, below);
	if (!pa)
		return 0;
	at = dma_crosses(pa, bytes, lim->boundary) ?
	     (pa + lim->boundary - 1) / lim->boundary * lim->boundary : pa;
	free_frames(pa, (at - pa) / PAGE_SIZE);
	free_frames(at + bytes, (pa + 2 * bytes - at - bytes) / PAGE_SIZE);
	return at;
}

/* A buffer is one segment: it must fit the device's segment limits. */
static bool fits_one_segment(const struct dma_limits *lim, uint64_t bytes)
{
	return bytes <= lim->max_seg && (!lim->boundary || bytes <= lim->boundary);
}

static int place(struct dma_buf *b, const struct dma_limits *lim)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	int err = dma_place_locked(b, lim, true);

	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

struct dma_buf *dma_alloc(struct process *p, const struct dma_limits *lim, uint64_t size,
			  int *err)
{
	uint64_t npages = (size + PAGE_SIZE - 1) / PAGE_SIZE;
	struct dma_buf *b;

	*err = -ATXF_EINVAL;
	if (!fits_one_segment(lim, npages * PAGE_SIZE))
		return NULL;
	*err = charge(p, npages * PAGE_SIZE);
	if (*err)
		return NULL;
	*err = -ATXF_ENOMEM;
	b = kzalloc(sizeof(*b));
	if (!b)
		goto out_uncharge;
	b->paddr = alloc_frames(lim, npages);
	if (!b->paddr)
		goto out_free_buf;
	b->npages = npages;
	b->owner = p;
	b->vaddr = umap_reserve(&p->maps, npages);
	if (!b->vaddr || aspace_map_phys(p->as, b->vaddr, b->paddr, npages, VM_WRITE))
		goto out_free_frames;
	*err = place(b, lim);
	if (*err)
		goto out_unmap;
	return b;

out_unmap:
	aspace_unmap(p->as, b->vaddr, npages);
out_free_frames:
	free_frames(b->paddr, npages);
out_free_buf:
	kfree(b);
out_uncharge:
	__atomic_fetch_sub(&p->dma_used, npages * PAGE_SIZE, __ATOMIC_RELAXED);
	return NULL;
}

void dma_get_locked(struct dma_buf *b)
{
	b->refs++;
}

/* A mapping's end: the device forgets the pages, then they are unpinned
 * (and freed, if their owner let go of them meanwhile). */
static void put_mapping(struct dma_buf *b)
{
	uint64_t freed = 0;

	for (uint64_t i = 0; i < b->npages; i++)
		freed += pin_release(b->frames[i]);
	kfree(b->frames);
	klog("dma: %s pid %u unmapped %lu shared page(s) from %02x:%02x.%u; %lu frame(s) "
	     "freed now (their owner had let them go)", b->owner->name, b->owner->pid,
	     b->npages, b->bdf >> 8, b->bdf >> 3 & 0x1f, b->bdf & 7, freed);
}

void dma_put_locked(struct dma_buf *b)
{
	if (--b->refs)
		return;
	dma_unplace_locked(b);          /* first: no device may reach the frames */
	if (b->shared) {
		put_mapping(b);
	} else {
		if (b->owner->as)
			aspace_unmap(b->owner->as, b->vaddr, b->npages);
		b->owner->dma_used -= b->npages * PAGE_SIZE;
		free_frames(b->paddr, b->npages);
	}
	kfree(b);
}
