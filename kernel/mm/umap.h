/*
 * The mapping area of a user address space: where SYS_MEM_MAP puts fresh
 * anonymous memory, and where the kernel places other mappings (init's boot
 * archive). docs/syscalls.md §3 fixes the range: from 4 GiB, so no mapping
 * ever meets the ATXF image (which ends below 0x40400000), up to
 * 0x7f0000000000, well clear of the stack.
 *
 * Addresses come from a bump pointer and are never reused: 127 TiB of
 * address space outlasts any process, and a stale pointer into unmapped
 * memory then faults instead of reaching a newer mapping. Consecutive
 * mappings are adjacent, which the libc's heap merges. Each SYS_MEM_MAP
 * mapping is recorded as an area, so SYS_MEM_UNMAP can refuse anything
 * else. The threads of a process share it: `lock` guards the areas, the
 * bump pointer and the count; the pages themselves are mapped and unmapped
 * outside it, in chunks, so a 200 MiB mapping never holds interrupts off
 * for all of its zeroing.
 */
#ifndef MM_UMAP_H
#define MM_UMAP_H

#include <stddef.h>
#include <stdint.h>
#include "lib/list.h"
#include "sched/spinlock.h"

#define UMAP_BASE        0x0000000100000000ul
#define UMAP_END         0x00007f0000000000ul
#define UMAP_UNLIMITED   SIZE_MAX       /* no limit but the machine's RAM */

struct aspace;

struct umap {
	struct list_node areas; /* struct umap_area, in no order */
	uint64_t next;          /* where the next mapping goes */
	size_t pages;           /* pages mapped by umap_map(), against the limit */
	size_t limit;           /* pages umap_map() may have mapped at once */
	struct spinlock lock;
};

/* An empty mapping area whose SYS_MEM_MAP total may reach limit pages. */
void umap_init(struct umap *m, size_t limit);
/* Maps len bytes (rounded up to pages) of zeroed memory with ATXF_PROT_*
 * prot. Returns the address, or -ATXF_EINVAL (len 0, bad prot, W+X) or
 * -ATXF_ENOMEM (over the limit, out of memory or address space). */
long umap_map(struct aspace *as, struct umap *m, uint64_t len, unsigned prot);
/* Unmaps [va, va + len rounded up) if it lies inside one umap_map()
 * mapping: 0, or -ATXF_EINVAL (unaligned, empty, not such a mapping) or
 * -ATXF_ENOMEM (no memory to split the area in two). */
int umap_unmap(struct aspace *as, struct umap *m, uint64_t va, uint64_t len);
/* Takes npages of address space for a kernel-made mapping (not unmappable
 * by the process). Returns the address, or 0 when the area is full. */
uint64_t umap_reserve(struct umap *m, size_t npages);
/* Counts npages the kernel holds for the process (not in an area) against
 * its limit: 0, or -ATXF_ENOMEM over the limit. umap_uncharge gives them
 * back. */
int umap_charge(struct umap *m, size_t npages);
void umap_uncharge(struct umap *m, size_t npages);
/* Frees the area records (the pages go with the address space). */
void umap_release(struct umap *m);

#endif
