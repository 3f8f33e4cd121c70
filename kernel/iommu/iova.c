/*
 * The bus address space of iommu/iova.h: a bitmap of pages from IOVA_BASE
 * to IOVA_END, first fit. Nothing is handed out below 16 MiB, so a device
 * programmed with a small physical address (the kernel image is at 1 MiB)
 * or an offset from 0 hits nothing, and a bus address never looks like a
 * low physical one in a log. 1 GiB of bus addresses is more than the DMA
 * budgets of all drivers together; edu's 28-bit engine reaches 256 MiB.
 */
#include <stdbool.h>
#include "arch/x86_64/memlayout.h"
#include "iommu/iova.h"

#define IOVA_BASE   (1ull << 24)
#define IOVA_LOW    (1ull << 20)        /* for devices that reach only 16 MiB (ISA-like) */
#define IOVA_END    (1ull << 30)
#define IOVA_PAGES  (IOVA_END >> PAGE_SHIFT)

static uint64_t used[IOVA_PAGES / 64];

static bool page_used(uint64_t pn)
{
	return used[pn / 64] >> (pn % 64) & 1;
}

static void set_pages(uint64_t first, uint64_t n, bool on)
{
	for (uint64_t pn = first; pn < first + n; pn++) {
		if (on)
			used[pn / 64] |= 1ull << (pn % 64);
		else
			used[pn / 64] &= ~(1ull << (pn % 64));
	}
}

/* The first page at or after pn where npages fit inside one boundary
 * window (bpages pages, 0: no windows). */
static uint64_t fit_window(uint64_t pn, uint64_t npages, uint64_t bpages)
{
	if (bpages && pn / bpages != (pn + npages - 1) / bpages)
		return (pn / bpages + 1) * bpages;
	return pn;
}

uint64_t iova_alloc_locked(uint64_t npages, uint64_t limit, uint64_t boundary)
{
	uint64_t end = (limit < IOVA_END ? limit : IOVA_END) >> PAGE_SHIFT;
	uint64_t bpages = boundary >> PAGE_SHIFT;
	uint64_t pn = (limit > IOVA_BASE ? IOVA_BASE : IOVA_LOW) >> PAGE_SHIFT, run;

	if (!npages || (bpages && npages > bpages))
		return 0;
	while ((pn = fit_window(pn, npages, bpages)) + npages <= end) {
		for (run = 0; run < npages && !page_used(pn + run); run++)
			;
		if (run == npages) {
			set_pages(pn, npages, true);
			return pn << PAGE_SHIFT;
		}
		pn += run + 1;                  /* past the used page */
	}
	return 0;
}

void iova_free_locked(uint64_t iova, uint64_t npages)
{
	set_pages(iova >> PAGE_SHIFT, npages, false);
}
