/* Freed large blocks and their freers (mm/heap_history.h). */
#include "arch/x86_64/backtrace.h"
#include "arch/x86_64/memlayout.h"
#include "lib/log.h"
#include "mm/heap_history.h"
#include "sched/spinlock.h"
#include "time/clock.h"

#define HISTORY_LEN    128      /* blocks remembered */
#define HISTORY_FRAMES 8        /* return addresses kept per block */

struct freed_block {
	uint64_t va;
	uint64_t pages;
	uint64_t when_ns;
	uint64_t pcs[HISTORY_FRAMES];
};

static struct spinlock history_lock = SPINLOCK_INIT("heap history");
static struct freed_block history[HISTORY_LEN];
static unsigned history_next;

void heap_history_freed(uint64_t va, size_t pages)
{
	uint64_t flags = spin_lock_irqsave(&history_lock);
	struct freed_block *b = &history[history_next++ % HISTORY_LEN];

	b->va = va;
	b->pages = pages;
	b->when_ns = clock_ns();
	backtrace_capture(b->pcs, HISTORY_FRAMES, 1);  /* from kfree on */
	spin_unlock_irqrestore(&history_lock, flags);
}

void heap_history_explain(uint64_t addr)
{
	/* No lock: this runs in a fault report, maybe with the lock held. */
	for (unsigned i = 0; i < HISTORY_LEN; i++) {
		const struct freed_block *b = &history[i];

		if (!b->pages || addr < b->va || addr - b->va >= b->pages * PAGE_SIZE)
			continue;
		klog("  0x%lx is %lu bytes into a heap block of %lu page(s) freed at %lu.%06lu s by:",
		     addr, addr - b->va, b->pages, b->when_ns / 1000000000,
		     b->when_ns / 1000 % 1000000);
		backtrace_log_captured(b->pcs, HISTORY_FRAMES);
	}
}
