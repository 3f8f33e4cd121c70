/*
 * The KVA region allocator. Addresses are handed out by a bump pointer and
 * never reused: 512 GiB outlasts any run of this kernel by orders of
 * magnitude (a thread stack takes 20 KiB), and it means a stale pointer into
 * a freed stack faults instead of reaching someone else's. Frames are freed.
 */
#include "arch/x86_64/paging.h"
#include "core/panic.h"
#include "lib/log.h"
#include "mm/kva.h"
#include "mm/pmm.h"
#include "mm/vm.h"
#include "sched/spinlock.h"

static struct spinlock kva_lock = SPINLOCK_INIT("kva");
static uint64_t kva_next = KVA_BASE;

static uint64_t reserve(size_t npages)
{
	uint64_t flags = spin_lock_irqsave(&kva_lock);
	uint64_t va = kva_next;

	if (npages > (KVA_BASE + KVA_SIZE - kva_next) / PAGE_SIZE)
		panic("kva: region exhausted");
	kva_next += npages * PAGE_SIZE;
	spin_unlock_irqrestore(&kva_lock, flags);
	return va;
}

static void unmap_range(uint64_t va, size_t npages)
{
	uint64_t pa;

	for (size_t i = 0; i < npages; i++)
		if (paging_unmap(kernel_pml4, va + i * PAGE_SIZE, &pa) == 0)
			pmm_free(pa);
}

void *kva_alloc(size_t npages, unsigned prot, bool guard)
{
	uint64_t va = reserve(npages + guard) + (guard ? PAGE_SIZE : 0);

	for (size_t i = 0; i < npages; i++) {
		uint64_t pa = pmm_alloc_zeroed();

		if (!pa || paging_map(kernel_pml4, va + i * PAGE_SIZE, pa, prot)) {
			if (pa)
				pmm_free(pa);
			unmap_range(va, i);
			return NULL;
		}
	}
	return (void *)va;
}

void kva_free(void *va, size_t npages)
{
	unmap_range((uint64_t)va, npages);
}

void *kva_map_phys(uint64_t pa, size_t len, unsigned prot)
{
	uint64_t offset = pa & (PAGE_SIZE - 1);
	size_t npages = (offset + len + PAGE_SIZE - 1) / PAGE_SIZE;
	uint64_t va = reserve(npages);

	for (size_t i = 0; i < npages; i++) {
		if (paging_map(kernel_pml4, va + i * PAGE_SIZE, pa - offset + i * PAGE_SIZE,
			       prot)) {
			klog("kva: cannot map 0x%lx", pa);
			return NULL;    /* the few pages mapped stay: rare, boot only */
		}
	}
	return (void *)(va + offset);
}

void kva_unmap_phys(void *va, size_t len)
{
	uint64_t start = (uint64_t)va & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t end = (uint64_t)va + len;

	for (uint64_t p = start; p < end; p += PAGE_SIZE)
		paging_unmap(kernel_pml4, p, NULL);
}
