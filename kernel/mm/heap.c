/*
 * kmalloc/kfree. Each block starts with a 16-byte header that says which
 * class it came from (or how many pages it spans), so kfree needs no size
 * and can catch double frees and foreign pointers.
 *
 * Small classes: 16, 32, ..., 2048 bytes including the header. An empty
 * class takes a fresh frame (through the direct map) and splits it. Freed
 * small blocks go back on their class's list; frames are not returned yet.
 */
#include <stdint.h>
#include "arch/x86_64/memlayout.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/heap.h"
#include "mm/heap_history.h"
#include "mm/kva.h"
#include "mm/pmm.h"
#include "mm/vm.h"
#include "sched/spinlock.h"

#define HDR_SIZE     16
#define MIN_SHIFT    4                  /* smallest class: 16 bytes */
#define NCLASSES     8                  /* up to 2048 bytes */
#define MAGIC_SMALL  0x4b6d6153u        /* "SamK" */
#define MAGIC_LARGE  0x4b6d614cu        /* "LamK" */
#define MAGIC_FREE   0x4b6d6146u        /* "FamK" */

struct block {
	uint32_t magic;
	uint32_t class;         /* small: class index; large: page count */
	struct block *next;     /* small, while free: next free block */
};
_Static_assert(sizeof(struct block) == HDR_SIZE, "header keeps 16-byte alignment");

static struct spinlock heap_lock = SPINLOCK_INIT("heap");
static struct block *free_list[NCLASSES];
static uint32_t live_small[NCLASSES];   /* blocks handed out, per class */
static uint32_t live_pages;             /* pages of large blocks handed out */

void heap_counts(uint32_t *blocks, uint32_t *pages)
{
	uint64_t flags = spin_lock_irqsave(&heap_lock);
	uint32_t n = 0;

	for (int c = 0; c < NCLASSES; c++)
		n += live_small[c];
	*blocks = n;
	*pages = live_pages;
	spin_unlock_irqrestore(&heap_lock, flags);
}

static int class_for(size_t total)
{
	for (int c = 0; c < NCLASSES; c++)
		if (total <= (1ul << (c + MIN_SHIFT)))
			return c;
	return -1;
}

/* Splits a new frame into blocks of class c. Lock held. */
static int refill(int c)
{
	uint64_t pa = pmm_alloc();
	size_t size = 1ul << (c + MIN_SHIFT);

	if (!pa)
		return -1;
	char *page = phys_to_virt(pa);
	for (size_t off = 0; off < PAGE_SIZE; off += size) {
		struct block *b = (struct block *)(page + off);
		b->magic = MAGIC_FREE;
		b->next = free_list[c];
		free_list[c] = b;
	}
	return 0;
}

static void *alloc_small(int c)
{
	uint64_t flags = spin_lock_irqsave(&heap_lock);
	struct block *b = NULL;

	if (free_list[c] || refill(c) == 0) {
		b = free_list[c];
		free_list[c] = b->next;
		b->magic = MAGIC_SMALL;
		b->class = c;
		live_small[c]++;
	}
	spin_unlock_irqrestore(&heap_lock, flags);
	return b ? (char *)b + HDR_SIZE : NULL;
}

static void *alloc_large(size_t total)
{
	size_t pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
	struct block *b = kva_alloc(pages, VM_WRITE, false);

	if (!b)
		return NULL;
	b->magic = MAGIC_LARGE;
	b->class = pages;
	__atomic_fetch_add(&live_pages, pages, __ATOMIC_RELAXED);
	return (char *)b + HDR_SIZE;
}

void *kmalloc(size_t size)
{
	if (size > (1ul << 40))
		return NULL;                    /* nonsense size: not an overflow */
	int c = class_for(size + HDR_SIZE);

	return c >= 0 ? alloc_small(c) : alloc_large(size + HDR_SIZE);
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(void *p)
{
	if (!p)
		return;
	struct block *b = (struct block *)((char *)p - HDR_SIZE);

	if (b->magic == MAGIC_LARGE) {
		__atomic_fetch_sub(&live_pages, b->class, __ATOMIC_RELAXED);
		heap_history_freed((uint64_t)b, b->class);
		kva_free(b, b->class);
		return;
	}
	if (b->magic != MAGIC_SMALL || b->class >= NCLASSES)
		panic("kfree: %p is not a live heap block (double free?)", p);
	uint64_t flags = spin_lock_irqsave(&heap_lock);
	b->magic = MAGIC_FREE;
	live_small[b->class]--;
	b->next = free_list[b->class];
	free_list[b->class] = b;
	spin_unlock_irqrestore(&heap_lock, flags);
}
