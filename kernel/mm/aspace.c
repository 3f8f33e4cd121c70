/* Per-process address spaces (mm/aspace.h) on top of the paging API. */
#include <atxf/errors.h>
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/paging.h"
#include "lib/string.h"
#include "mm/aspace.h"
#include "mm/heap.h"
#include "mm/pmm.h"
#include "mm/vm.h"

#define PML4_KERNEL_FIRST 256

struct aspace *aspace_create(void)
{
	struct aspace *as = kzalloc(sizeof(*as));

	if (!as)
		return NULL;
	as->root = pmm_alloc_zeroed();
	if (!as->root) {
		kfree(as);
		return NULL;
	}
	uint64_t *dst = phys_to_virt(as->root);
	const uint64_t *src = phys_to_virt(kernel_pml4);
	memcpy(dst + PML4_KERNEL_FIRST, src + PML4_KERNEL_FIRST, PML4_KERNEL_FIRST * 8);
	as->lock = (struct spinlock)SPINLOCK_INIT("aspace");
	return as;
}

void aspace_destroy(struct aspace *as)
{
	if ((read_cr3() & PTE_ADDR) == as->root)
		aspace_switch(NULL);
	paging_destroy_user(as->root);
	kfree(as);
}

static void unmap_locked(struct aspace *as, uint64_t va, size_t npages)
{
	uint64_t pa;
	unsigned prot;

	for (size_t i = 0; i < npages; i++, va += PAGE_SIZE) {
		if (!paging_translate(as->root, va, NULL, &prot) ||
		    paging_unmap(as->root, va, &pa))
			continue;
		if (prot & VM_OWNED) {
			pmm_free(pa);
			as->pages--;
		}
	}
}

int aspace_map_new(struct aspace *as, uint64_t va, size_t npages, unsigned prot)
{
	uint64_t flags = spin_lock_irqsave(&as->lock);
	int err = 0;
	size_t i;

	prot |= VM_USER | VM_OWNED;
	for (i = 0; i < npages && !err; i++) {
		uint64_t pa = pmm_alloc_zeroed();

		err = pa ? paging_map(as->root, va + i * PAGE_SIZE, pa, prot) : -ATXF_ENOMEM;
		if (err && pa)
			pmm_free(pa);
		else if (!err)
			as->pages++;
	}
	if (err)
		unmap_locked(as, va, i - 1);
	spin_unlock_irqrestore(&as->lock, flags);
	return err;
}

int aspace_map_phys(struct aspace *as, uint64_t va, uint64_t pa, size_t npages, unsigned prot)
{
	uint64_t flags = spin_lock_irqsave(&as->lock);
	int err = 0;
	size_t i;

	prot = (prot | VM_USER) & ~VM_OWNED;
	for (i = 0; i < npages && !err; i++)
		err = paging_map(as->root, va + i * PAGE_SIZE, pa + i * PAGE_SIZE, prot);
	if (err)
		unmap_locked(as, va, i - 1);
	spin_unlock_irqrestore(&as->lock, flags);
	return err;
}

/*
 * The TLB: paging_remap() flushes the entry on this CPU when as is loaded
 * here; an address space loaded nowhere keeps no entries, since loading
 * CR3 drops every non-global one. One CPU runs today (sched/cpu.h), so
 * that is every TLB. With more, this is where the others that have as
 * loaded must get the shootdown IPI, and be waited for, before the call
 * returns and the caller frees or gives back the old frames.
 */
int aspace_alias(struct aspace *as, uint64_t va, size_t npages, uint64_t pa, unsigned prot)
{
	uint64_t flags = spin_lock_irqsave(&as->lock);
	int err = 0;

	prot = (prot | VM_USER) & ~VM_OWNED;
	for (size_t i = 0; i < npages; i++)
		if (paging_remap(as->root, va + i * PAGE_SIZE, pa, prot))
			err = -ATXF_ENOENT;
	spin_unlock_irqrestore(&as->lock, flags);
	return err;
}

int aspace_write(struct aspace *as, uint64_t va, const void *src, size_t len)
{
	const char *from = src;

	while (len) {
		uint64_t pa, off = va & (PAGE_SIZE - 1);
		size_t n = PAGE_SIZE - off < len ? PAGE_SIZE - off : len;

		if (!paging_translate(as->root, va, &pa, NULL))
			return -ATXF_EFAULT;
		memcpy(phys_to_virt(pa), from, n);
		va += n, from += n, len -= n;
	}
	return 0;
}

void aspace_unmap(struct aspace *as, uint64_t va, size_t npages)
{
	uint64_t flags = spin_lock_irqsave(&as->lock);

	unmap_locked(as, va, npages);
	spin_unlock_irqrestore(&as->lock, flags);
}

void aspace_switch(struct aspace *as)
{
	uint64_t root = as ? as->root : kernel_pml4;

	if ((read_cr3() & PTE_ADDR) != root)
		write_cr3(root);
}
