/*
 * Kernel virtual address space for things that need their own mapping:
 * thread stacks (with a guard page), large heap blocks, and windows onto
 * device registers or firmware tables. The region is KVA_BASE..+512 GiB.
 */
#ifndef MM_KVA_H
#define MM_KVA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Maps npages fresh frames (prot: VM_*); with guard, leaves the page below
 * unmapped. NULL when out of memory. */
void *kva_alloc(size_t npages, unsigned prot, bool guard);
/* Unmaps npages from kva_alloc() and frees their frames. */
void kva_free(void *va, size_t npages);
/* Maps the physical range [pa, pa+len) (prot: VM_*, e.g. VM_UNCACHED for
 * registers) and returns the address of pa. NULL when out of memory. */
void *kva_map_phys(uint64_t pa, size_t len, unsigned prot);
/* Removes a kva_map_phys() window (the frames are not freed). */
void kva_unmap_phys(void *va, size_t len);

#endif
