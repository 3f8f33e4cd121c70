/*
 * Address spaces: one per process. The user half is private; the kernel
 * half is the kernel's own PML4 entries, copied in at creation (they never
 * change afterwards, see arch/x86_64/memlayout.h).
 */
#ifndef MM_ASPACE_H
#define MM_ASPACE_H

#include <stddef.h>
#include <stdint.h>
#include "sched/spinlock.h"

struct aspace {
	uint64_t root;          /* physical address of the PML4 */
	struct spinlock lock;   /* serialises changes to the user half */
	size_t pages;           /* user pages the address space owns */
};

struct aspace *aspace_create(void);
/* Frees the page tables and every page the address space owns. */
void aspace_destroy(struct aspace *as);
/* Maps npages fresh zeroed pages at va (prot: VM_*; VM_USER is implied and
 * write+exec together is refused). 0 or a negative ATXF_E*; on failure
 * nothing stays mapped. */
int aspace_map_new(struct aspace *as, uint64_t va, size_t npages, unsigned prot);
/* Maps npages of existing physical memory at pa to va (prot: VM_*; VM_USER
 * implied). The frames stay the caller's: unmapping or destroying the
 * address space does not free them. 0 or a negative ATXF_E*; on failure
 * nothing stays mapped. */
int aspace_map_phys(struct aspace *as, uint64_t va, uint64_t pa, size_t npages, unsigned prot);
/* Copies len bytes into the address space at va, through the frames
 * (works whichever address space is loaded). 0 or -ATXF_EFAULT if a page
 * is not mapped. */
int aspace_write(struct aspace *as, uint64_t va, const void *src, size_t len);
/* Points each of the npages mapped pages at va, which must not be owned,
 * at the one frame pa instead (prot: VM_*; VM_USER implied), each in one
 * store: an access at the same moment reaches the old frame or pa, never
 * a hole. Returns once no CPU can reach the old frames through va (see
 * aspace.c). 0 or -ATXF_ENOENT (a page not mapped: the rest done). */
int aspace_alias(struct aspace *as, uint64_t va, size_t npages, uint64_t pa, unsigned prot);
/* Unmaps [va, va + npages pages), freeing owned frames. */
void aspace_unmap(struct aspace *as, uint64_t va, size_t npages);
/* Loads as (or the kernel's tables, for NULL) on this CPU. */
void aspace_switch(struct aspace *as);

#endif
