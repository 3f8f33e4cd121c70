/*
 * 4-level page tables (SDM vol. 3 §4.5): map, unmap and translate 4 KiB pages
 * in any address space, named by the physical address of its PML4.
 */
#ifndef ARCH_X86_64_PAGING_H
#define ARCH_X86_64_PAGING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arch/x86_64/memlayout.h"

#define KERNEL_HALF_START 0xffff800000000000ul

/* Page table entry bits (SDM vol. 3 table 4-19). */
#define PTE_P    (1ul << 0)
#define PTE_W    (1ul << 1)
#define PTE_U    (1ul << 2)
#define PTE_PWT  (1ul << 3)
#define PTE_PCD  (1ul << 4)
#define PTE_PS   (1ul << 7)     /* large page, in a PDPTE or PDE */
#define PTE_G    (1ul << 8)     /* global: survives CR3 loads (CR4.PGE) */
#define PTE_OWNED (1ul << 9)    /* software bit: frame freed with the mapping */
#define PTE_NX   (1ul << 63)    /* needs EFER.NXE */
#define PTE_ADDR 0x000ffffffffff000ul

/* The kernel's PML4; every address space shares its upper half. */
extern uint64_t kernel_pml4;

/* Builds the final kernel page tables and switches to them (see paging.c). */
void paging_init(void);
/* Maps one 4 KiB page; prot is VM_* (mm/vm.h). 0 or -ATXF_ENOMEM/-EEXIST/-EINVAL. */
int paging_map(uint64_t root, uint64_t va, uint64_t pa, unsigned prot);
/* Unmaps one page; returns its frame in *pa. 0 or -ATXF_ENOENT. */
int paging_unmap(uint64_t root, uint64_t va, uint64_t *pa);
/* Points a present page at another frame in one store (prot: VM_*), so an
 * access racing with it reaches the old frame or the new one, never a
 * hole; the old entry's TLB copy is flushed. 0 or -ATXF_ENOENT/-EINVAL. */
int paging_remap(uint64_t root, uint64_t va, uint64_t pa, unsigned prot);
/* Looks va up: true with the physical address and VM_* bits if mapped. */
bool paging_translate(uint64_t root, uint64_t va, uint64_t *pa, unsigned *prot);
/* Whether [va, va+len) is mapped in the current address space (for panics). */
bool paging_kernel_readable(uint64_t va, size_t len);
/* Page-table frames made for the kernel half since boot (kept for good). */
uint32_t paging_kernel_tables(void);
/* Frees root, its user-half page tables and the VM_OWNED frames they map. */
void paging_destroy_user(uint64_t root);

static inline bool va_is_canonical(uint64_t va)
{
	return va < USER_TOP || va >= KERNEL_HALF_START;
}

#endif
