/*
 * The physical frame allocator: one bit per 4 KiB frame of RAM, built from
 * the boot memory map. Frames below 1 MiB, the kernel image, boot modules and
 * the bitmap itself are never handed out.
 */
#ifndef MM_PMM_H
#define MM_PMM_H

#include <stdint.h>

void pmm_init(void);
/* Returns a frame's physical address, or 0 when memory is exhausted. */
uint64_t pmm_alloc(void);
/* The same, with the frame zeroed. */
uint64_t pmm_alloc_zeroed(void);
/* Frees a frame, or, while it is pinned for DMA (mm/pin.h), leaves it to
 * the last unpin. */
void pmm_free(uint64_t pa);
/* n physically contiguous zeroed frames, all below `below` (DMA: 4 GiB);
 * the first one's address, or 0. Each is freed with pmm_free(). */
uint64_t pmm_alloc_contig(uint64_t n, uint64_t below);
uint64_t pmm_free_frames(void);
uint64_t pmm_total_frames(void);
/* One past the highest usable RAM address (the direct map covers [0, this)). */
uint64_t pmm_ram_end(void);

#endif
