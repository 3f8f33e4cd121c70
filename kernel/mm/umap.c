/* The mapping area of a user address space (mm/umap.h). */
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "arch/x86_64/memlayout.h"
#include "mm/aspace.h"
#include "mm/heap.h"
#include "mm/umap.h"
#include "mm/vm.h"

struct umap_area {
	uint64_t start, end;    /* page-aligned, end exclusive */
	struct list_node link;
};

#define ATXF_PROT_ALL (ATXF_PROT_READ | ATXF_PROT_WRITE | ATXF_PROT_EXEC)

void umap_init(struct umap *m)
{
	list_init(&m->areas);
	m->next = UMAP_BASE;
	m->pages = 0;
}

/* ATXF_PROT_* to VM_*: pages are always readable; never W+X. -1 if bad. */
static int vm_prot(unsigned prot)
{
	if (!prot || (prot & ~ATXF_PROT_ALL) ||
	    (prot & (ATXF_PROT_WRITE | ATXF_PROT_EXEC)) == (ATXF_PROT_WRITE | ATXF_PROT_EXEC))
		return -1;
	return (prot & ATXF_PROT_WRITE ? VM_WRITE : 0) | (prot & ATXF_PROT_EXEC ? VM_EXEC : 0);
}

uint64_t umap_reserve(struct umap *m, size_t npages)
{
	uint64_t va = m->next;

	if (npages > (UMAP_END - va) / PAGE_SIZE)
		return 0;
	m->next += npages * PAGE_SIZE;
	return va;
}

long umap_map(struct aspace *as, struct umap *m, uint64_t len, unsigned prot)
{
	int vp = vm_prot(prot);
	struct umap_area *a;
	uint64_t va;
	size_t npages;

	if (!len || vp < 0)
		return -ATXF_EINVAL;
	if (len > (UMAP_LIMIT_PAGES - m->pages) * PAGE_SIZE)
		return -ATXF_ENOMEM;            /* checked first: no overflow below */
	npages = (len + PAGE_SIZE - 1) / PAGE_SIZE;
	a = kmalloc(sizeof(*a));
	if (!a)
		return -ATXF_ENOMEM;
	va = umap_reserve(m, npages);
	if (!va || aspace_map_new(as, va, npages, (unsigned)vp)) {
		kfree(a);
		return -ATXF_ENOMEM;
	}
	a->start = va;
	a->end = va + npages * PAGE_SIZE;
	list_push_back(&m->areas, &a->link);    /* addresses only grow */
	m->pages += npages;
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
	uint64_t end;
	int err;

	if (!len || (va & (PAGE_SIZE - 1)) || va < UMAP_BASE || len > UMAP_END - va)
		return -ATXF_EINVAL;
	end = va + ((len + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1));
	a = area_holding(m, va, end);
	if (!a)
		return -ATXF_EINVAL;
	err = cut_area(a, va, end);
	if (err)
		return err;
	aspace_unmap(as, va, (end - va) / PAGE_SIZE);
	m->pages -= (end - va) / PAGE_SIZE;
	return 0;
}

void umap_release(struct umap *m)
{
	struct list_node *n;

	while ((n = list_pop_front(&m->areas)))
		kfree(container_of(n, struct umap_area, link));
	m->pages = 0;
}
