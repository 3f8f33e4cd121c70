/*
 * The kernel's virtual memory map on x86_64 (4-level paging, 48-bit VAs).
 *
 *   0x0000000000000000 .. 0x00007fffffffffff  user space (PML4 0..255),
 *                                              one per address space
 *   0xffff800000000000 .. +64 TiB              direct map of RAM (PML4 256..383),
 *                                              2 MiB pages, RW, NX
 *   0xffffc00000000000 .. +512 GiB             KVA: kernel stacks, large heap
 *                                              blocks, MMIO and ACPI windows
 *                                              (PML4 384), 4 KiB pages
 *   0xffffffff80000000 .. +2 GiB               kernel image (PML4 511): loaded at
 *                                              physical 1 MiB, linked at
 *                                              KERNEL_VMA + 1 MiB
 *
 * Every kernel PML4 slot above is filled in before the first user address
 * space exists and never changes afterwards, so each address space can share
 * the kernel half by copying PML4 entries 256..511 (mm/aspace.c).
 *
 * Included by assembly and by the linker script: plain #defines only outside
 * the __ASSEMBLER__ guard.
 */
#ifndef ARCH_X86_64_MEMLAYOUT_H
#define ARCH_X86_64_MEMLAYOUT_H

#define KERNEL_VMA        0xffffffff80000000
#define KERNEL_LOAD_PHYS  0x100000          /* 1 MiB: above the BIOS area */

#define DIRECT_MAP_BASE   0xffff800000000000
#define DIRECT_MAP_MAX    0x0000400000000000 /* 64 TiB of RAM at most */
#define KVA_BASE          0xffffc00000000000
#define KVA_SIZE          0x0000008000000000 /* 512 GiB: one PML4 slot */

#define USER_TOP          0x0000800000000000 /* first non-canonical address */

#define PAGE_SIZE         4096
#define PAGE_SHIFT        12
#define LARGE_PAGE_SIZE   0x200000           /* 2 MiB */

#define BOOT_STACK_SIZE   16384

#ifndef __ASSEMBLER__
#include <stdint.h>

/*
 * Until paging_init() switches to the final page tables, physical memory
 * below 4 GiB is reached through the boot identity map (offset 0); after it,
 * through the direct map. Always go through phys_to_virt(), never keep the
 * pointer across that switch.
 */
extern uint64_t direct_map_offset;

static inline void *phys_to_virt(uint64_t pa)
{
	return (void *)(pa + direct_map_offset);
}

static inline uint64_t kernel_image_phys(const void *va)
{
	return (uint64_t)va - KERNEL_VMA;
}

/* Symbols from kernel/kernel.ld. */
extern char __image_start[], __text_end[], __rodata_end[], __image_end[];
#endif

#endif
