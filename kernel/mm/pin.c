/*
 * Frame pins (mm/pin.h): an open-addressed hash table keyed by frame
 * address, linear probing, deletion by shifting the cluster back (so no
 * tombstones pile up). Its own lock, taken inside cap_lock and never
 * around pmm_lock: the deferred free happens after it is dropped.
 */
#include <atxf/errors.h>
#include "arch/x86_64/memlayout.h"
#include "mm/pin.h"
#include "mm/pmm.h"
#include "sched/spinlock.h"

#define PIN_SLOTS   8192                /* power of two; kept at most 3/4 full */
#define PIN_MAX     (PIN_SLOTS / 4 * 3)

struct pin {
	uint64_t pa;            /* 0: free slot (frame 0 is never RAM we hand out) */
	uint32_t count;
	bool orphan;            /* pmm_free() came while pinned */
};

static struct spinlock pin_lock = SPINLOCK_INIT("pin");
static struct pin table[PIN_SLOTS];
static unsigned npins;
static uint64_t norphans;
static uint64_t orphaned_total;

static unsigned slot_of(uint64_t pa)
{
	return (unsigned)((pa >> PAGE_SHIFT) * 0x9e3779b97f4a7c15ull >> 51) & (PIN_SLOTS - 1);
}

/* pa's slot, or the free slot where it would go. Lock held. */
static unsigned lookup(uint64_t pa)
{
	unsigned i = slot_of(pa);

	while (table[i].pa && table[i].pa != pa)
		i = (i + 1) & (PIN_SLOTS - 1);
	return i;
}

/* Empties slot i, moving later members of its cluster back. Lock held. */
static void remove_slot(unsigned i)
{
	unsigned j = i;

	for (;;) {
		j = (j + 1) & (PIN_SLOTS - 1);
		if (!table[j].pa)
			break;
		unsigned k = slot_of(table[j].pa);
		/* j's entry may fill the hole at i unless its home lies in (i, j]. */
		bool stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
		if (!stays) {
			table[i] = table[j];
			i = j;
		}
	}
	table[i] = (struct pin){ 0 };
	npins--;
}

int pin_frame(uint64_t pa)
{
	uint64_t flags = spin_lock_irqsave(&pin_lock);
	unsigned i = lookup(pa);
	int err = 0;

	if (table[i].pa)
		table[i].count++;
	else if (npins >= PIN_MAX)
		err = -ATXF_ENOMEM;
	else {
		table[i] = (struct pin){ .pa = pa, .count = 1 };
		npins++;
	}
	spin_unlock_irqrestore(&pin_lock, flags);
	return err;
}

bool pin_release(uint64_t pa)
{
	uint64_t flags = spin_lock_irqsave(&pin_lock);
	unsigned i = lookup(pa);
	bool free_it = false;

	if (table[i].pa && !--table[i].count) {
		free_it = table[i].orphan;
		norphans -= free_it;
		remove_slot(i);
	}
	spin_unlock_irqrestore(&pin_lock, flags);
	if (free_it)
		pmm_free(pa);                   /* no longer pinned: really freed */
	return free_it;
}

bool pin_keeps(uint64_t pa)
{
	uint64_t flags;
	bool kept = false;

	if (!__atomic_load_n(&npins, __ATOMIC_RELAXED))
		return false;                   /* the common case: nothing pinned */
	flags = spin_lock_irqsave(&pin_lock);
	unsigned i = lookup(pa);
	if (table[i].pa && !table[i].orphan) {
		table[i].orphan = true;
		norphans++;
		orphaned_total++;
		kept = true;
	} else if (table[i].pa) {
		kept = true;                    /* freed twice while pinned: still kept */
	}
	spin_unlock_irqrestore(&pin_lock, flags);
	return kept;
}

uint64_t pin_orphans(void)
{
	return __atomic_load_n(&norphans, __ATOMIC_RELAXED);
}

uint64_t pin_orphaned_total(void)
{
	return __atomic_load_n(&orphaned_total, __ATOMIC_RELAXED);
}
