/* The mapping area of a user address space (mm/umap.h). */
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "arch/x86_64/memlayout.h"
#include "mm/aspace.h"
#include "mm/heap.h"
#include "mm/pmm.h"
#include "mm/umap.h"
#include "mm/vm.h"

struct umap_area {
	uint64_t start, end;    /* page-aligned, end exclusive */
	struct list_node link;
};

#define ATXF_PROT_ALL (ATXF_PROT_READ | ATXF_PROT_WRITE | ATXF_PROT_EXEC)

/* Pages mapped per aspace_map_new() call: each call zeroes its pages with
 * interrupts off, so a big mapping goes in slices the timer can cut. */
#define UMAP_CHUNK_PAGES 256

void umap_init(struct umap *m, size_t limit)
{
	list_init(&m->areas);
	m->next = UMAP_BASE;
	m->pages = 0;
	m->limit = limit;
	m->lock = (struct spinlock)SPINLOCK_INIT("umap");
}

/* ATXF_PROT_* to VM_*: pages are always readable; never W+X. -1 if bad. */
static int vm_prot(unsigned prot)
{
	if (!prot || (prot & ~ATXF_PROT_ALL) ||
	    (prot & (ATXF_PROT_WRITE | ATXF_PROT_EXEC)) == (ATXF_PROT_WRITE | ATXF_PROT_EXEC))
		return -1;
	return (prot & ATXF_PROT_WRITE ? VM_WRITE : 0) | (prot & ATXF_PROT_EXEC ? VM_EXEC : 0);
}

/* Takes npages of address space. Lock held. */
static uint64_t reserve_locked(struct umap *m, size_t npages)
{
	uint64_t va = m->next;

	if (npages > (UMAP_END - va) / PAGE_SIZE)
		return 0;
	m->next += npages * PAGE_SIZE;
	return va;
}

uint64_t umap_reserve(struct umap *m, size_t npages)
{
	uint64_t flags = spin_lock_irqsave(&m->lock);
	uint64_t va = reserve_locked(m, npages);

	spin_unlock_irqrestore(&m->lock, flags);
	return va;
}

/* Charges npages against the limit and takes their address space: the
 * address, or 0 (over the limit, more than the free RAM, or no address
 * space left). The RAM check is only a fast answer to a request that
 * cannot succeed, instead of zeroing all free memory to find out. */
static uint64_t claim(struct umap *m, size_t npages)
{
	uint64_t flags = spin_lock_irqsave(&m->lock);
	uint64_t va = 0;

	if (npages <= m->limit - m->pages && npages <= pmm_free_frames()) {
		va = reserve_locked(m, npages);
		if (va)
			m->pages += npages;
	}
	spin_unlock_irqrestore(&m->lock, flags);
	return va;
}

void umap_uncharge(struct umap *m, size_t npages)
{
	uint64_t flags = spin_lock_irqsave(&m->lock);

	m->pages -= npages;
	spin_unlock_irqrestore(&m->lock, flags);
}

int umap_charge(struct umap *m, size_t npages)
{
	uint64_t flags = spin_lock_irqsave(&m->lock);
	int err = npages <= m->limit - m->pages ? 0 : -ATXF_ENOMEM;

	if (!err)
		m->pages += npages;
	spin_unlock_irqrestore(&m->lock, flags);
	return err;
}

/* Maps [va, va + npages pages) slice by slice; on failure nothing stays. */
static int map_chunked(struct aspace *as, uint64_t va, size_t npages, unsigned vp)
{
	for (size_t done = 0; done < npages; done += UMAP_CHUNK_PAGES) {
		size_t n = npages - done < UMAP_CHUNK_PAGES ? npages - done : UMAP_CHUNK_PAGES;

		if (aspace_map_new(as, va + done * PAGE_SIZE, n, vp)) {
			aspace_unmap(as, va, done);
			return -ATXF_ENOMEM;
		}
	}
	return 0;
}

long umap_map(struct aspace *as, struct umap *m, uint64_t len, unsigned prot)
{
	int vp = vm_prot(prot);
	struct umap_area *a;
	uint64_t va, flags;
	size_t npages;

	if (!len || vp < 0)
		return -ATXF_EINVAL;
	if (len > UMAP_END - UMAP_BASE)
		return -ATXF_ENOMEM;            /* checked first: no overflow below */
	npages = (len + PAGE_SIZE - 1) / PAGE_SIZE;
	a = kmalloc(sizeof(*a));
	if (!a)
		return -ATXF_ENOMEM;
	va = claim(m, npages);
	if (!va || map_chunked(as, va, npages, (unsigned)vp)) {
		if (va)
			umap_uncharge(m, npages);
		kfree(a);
		return -ATXF_ENOMEM;
	}
	a->start = va;
	a->end = va + npages * PAGE_SIZE;
	flags = spin_lock_irqsave(&m->lock);
	list_push_back(&m->areas, &a->link);    /* addresses only grow */
	spin_unlock_irqrestore(&m->lock, flags);
	return (long)va;
}

static struct umap_area *area_holding(struct umap *m, uint64_t start, uint64_t end)
{
	list_for_each(n, &m->areas) {
		struct umap_area *a = container_of(n, struct umap_area, link);

		if (a->start <= start && end <= a->end)
			return a;
	}
	return NULL;
}

/* Removes [start, end) from area a: drops, shrinks or splits it. */
static int cut_area(struct umap_area *a, uint64_t start, uint64_t end)
{
	if (start == a->start && end == a->end) {
		list_remove(&a->link);
		kfree(a);
	} else if (start == a->start) {
		a->start = end;
	} else if (end == a->end) {
		a->end = start;
	} else {
		struct umap_area *tail = kmalloc(sizeof(*tail));

		if (!tail)
			return -ATXF_ENOMEM;
		tail->start = end;
		tail->end = a->end;
		a->end = start;
		list_insert_between(&tail->link, &a->link, a->link.next);
	}
	return 0;
}

int umap_unmap(struct aspace *as, struct umap *m, uint64_t va, uint64_t len)
{
	struct umap_area *a;
	uint64_t end, flags;
	int err;

	/* va below UMAP_END first: UMAP_END - va must not wrap, or a huge
	 * len would pass and va + len wrap round to "inside" an area. */
	if (!len || (va & (PAGE_SIZE - 1)) || va < UMAP_BASE || va >= UMAP_END ||
	    len > UMAP_END - va)
		return -ATXF_EINVAL;
	end = va + ((len + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1));
	flags = spin_lock_irqsave(&m->lock);
	a = area_holding(m, va, end);
	err = a ? cut_area(a, va, end) : -ATXF_EINVAL;
	spin_unlock_irqrestore(&m->lock, flags);
	if (err)
		return err;
	/* The range is no longer an area: no other thread can map or unmap
	 * it now, and its address space is never handed out again. */
	for (uint64_t at = va; at < end; at += UMAP_CHUNK_PAGES * PAGE_SIZE)
		aspace_unmap(as, at, (end - at) / PAGE_SIZE < UMAP_CHUNK_PAGES ?
				     (end - at) / PAGE_SIZE : UMAP_CHUNK_PAGES);
	umap_uncharge(m, (end - va) / PAGE_SIZE);
	return 0;
}

void umap_release(struct umap *m)
{
	struct list_node *n;

	while ((n = list_pop_front(&m->areas)))
		kfree(container_of(n, struct umap_area, link));
	m->pages = 0;
}
