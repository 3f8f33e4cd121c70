/*
 * DMA self-test (ktest=dma): frame pins (mm/pin.h) keep a freed frame out
 * of the allocator until the last unpin, across hash collisions; the bus
 * address allocator (iommu/iova.h) honours limits and boundaries and
 * reuses what is freed. Runs with or without an IOMMU.
 */
#include "arch/x86_64/paging.h"
#include "cap/captable.h"
#include "iommu/iova.h"
#include "lib/log.h"
#include "mm/pin.h"
#include "mm/pmm.h"
#include "test/ktest.h"

#define NFRAMES 64              /* enough for collisions in the pin table */

static int test_pin_keeps_a_freed_frame(void)
{
	uint64_t before = pmm_free_frames(), orphans = pin_orphans();
	uint64_t ever = pin_orphaned_total();
	uint64_t pa = pmm_alloc();

	KTEST_CHECK(pa && pin_frame(pa) == 0 && pin_frame(pa) == 0, "pinning 0x%lx twice", pa);
	pmm_free(pa);                           /* its owner lets go */
	KTEST_CHECK(pmm_free_frames() == before - 1, "a pinned frame went back to the allocator");
	KTEST_CHECK(pin_orphans() == orphans + 1, "the orphan is not counted");
	KTEST_CHECK(!pin_release(pa), "freed at the first of two unpins");
	KTEST_CHECK(pin_release(pa) && pmm_free_frames() == before, "not freed at the last unpin");
	KTEST_CHECK(pin_orphans() == orphans, "the orphan count stays up");
	/* A teardown's "frames kept" is this difference: freeing an orphan
	 * must not take it back (it went negative when pin_orphans() was used). */
	KTEST_CHECK(pin_orphaned_total() == ever + 1, "orphans ever: %lu, not %lu",
		    pin_orphaned_total(), ever + 1);
	return 0;
}

/* Many pins at once, released out of order: the table's deletions must
 * keep every other entry findable. */
static int test_pin_table_under_collisions(void)
{
	uint64_t before = pmm_free_frames(), pa[NFRAMES];

	for (int i = 0; i < NFRAMES; i++) {
		pa[i] = pmm_alloc();
		KTEST_CHECK(pa[i] && pin_frame(pa[i]) == 0, "pin %d", i);
	}
	for (int i = 0; i < NFRAMES; i++)
		pmm_free(pa[i]);
	KTEST_CHECK(pmm_free_frames() == before - NFRAMES, "pinned frames were freed");
	for (int i = 0; i < NFRAMES; i += 2)
		KTEST_CHECK(pin_release(pa[i]), "even frame %d not freed at its unpin", i);
	for (int i = NFRAMES - 1; i > 0; i -= 2)
		KTEST_CHECK(pin_release(pa[i]), "odd frame %d not found after deletions", i);
	KTEST_CHECK(pmm_free_frames() == before, "%ld frames leaked",
		    (long)(before - pmm_free_frames()));
	return 0;
}

static int test_iova(void)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	uint64_t a = iova_alloc_locked(3, 1ull << 28, 0);
	uint64_t b = iova_alloc_locked(4, 1ull << 28, 4 * PAGE_SIZE);
	uint64_t low = iova_alloc_locked(1, 1ull << 24, 0);
	uint64_t none = iova_alloc_locked(2, 1ull << 28, PAGE_SIZE);
	uint64_t again;

	iova_free_locked(a, 3);
	again = iova_alloc_locked(3, 1ull << 28, 0);
	iova_free_locked(again, 3);
	iova_free_locked(b, 4);
	iova_free_locked(low, 1);
	spin_unlock_irqrestore(&cap_lock, flags);
	KTEST_CHECK(a >= (1ull << 24) && a + 3 * PAGE_SIZE <= (1ull << 28), "range 0x%lx", a);
	KTEST_CHECK(b && b % (4 * PAGE_SIZE) == 0 && (b >= a + 3 * PAGE_SIZE || b + 4 * PAGE_SIZE <= a),
		    "a boundary window 0x%lx overlaps or is misaligned", b);
	KTEST_CHECK(low && low + PAGE_SIZE <= (1ull << 24), "a 24-bit device got 0x%lx", low);
	KTEST_CHECK(!none, "2 pages inside a 1-page boundary: 0x%lx", none);
	KTEST_CHECK(again == a, "freed bus addresses are not reused: 0x%lx, then 0x%lx", a, again);
	return 0;
}

int ktest_dma(void)
{
	if (test_pin_keeps_a_freed_frame() || test_pin_table_under_collisions() || test_iova())
		return -1;
	klog("ktest dma: pins keep freed frames until the last unpin; bus addresses fit their "
	     "limits");
	return 0;
}
