/*
 * Thread mappings (stack, TLS block, control block: pthread_impl.h) are
 * kept for reuse when a thread is collected. The kernel never hands out an
 * address twice (its mapping area only grows), so a program that made a
 * fresh mapping for each of its thousands of short threads would keep
 * adding page tables for new addresses; reusing a few mappings keeps the
 * address space, and the memory behind its tables, still.
 *
 * A detached thread cannot give its own stack back while it runs on it:
 * it files itself as ending, and the kernel clears its `alive` once it is
 * off the stack for good; the next pthread_create collects it.
 */
#include "hooks.h"
#include "lock.h"
#include "pthread_impl.h"

#define CACHE_MAX 16

struct spare {
	void *map;
	size_t len;
};

static struct atxf_lock lock = ATXF_LOCK_INIT;
static struct spare cache[CACHE_MAX];
static unsigned cached;
static struct __pthread *ending;        /* detached threads on their way out */

/* Keeps [map, map + len) for reuse, or gives it back. Lock held. */
static void keep_locked(void *map, size_t len)
{
	if (cached < CACHE_MAX)
		cache[cached++] = (struct spare){ map, len };
	else
		atxf_heap_release(map, len);
}

/* Moves the detached threads that have ended into the cache. Lock held. */
static void collect_locked(void)
{
	struct __pthread **link = &ending;

	while (*link != NULL) {
		struct __pthread *t = *link;

		if (__atomic_load_n(&t->alive, __ATOMIC_ACQUIRE) != 0) {
			link = &t->next_ending;
			continue;
		}
		*link = t->next_ending;
		keep_locked(t->map, t->map_len);
	}
}

void *__atxf_thread_map(size_t len)
{
	void *map = NULL;

	__atxf_lock_take(&lock);
	collect_locked();
	for (unsigned i = 0; i < cached; i++) {
		if (cache[i].len == len) {
			map = cache[i].map;
			cache[i] = cache[--cached];
			break;
		}
	}
	__atxf_lock_give(&lock);
	return map != NULL ? map : atxf_heap_grow(len);
}

void __atxf_thread_unmap(void *map, size_t len)
{
	__atxf_lock_take(&lock);
	keep_locked(map, len);
	__atxf_lock_give(&lock);
}

void __atxf_thread_ending(struct __pthread *t)
{
	__atxf_lock_take(&lock);
	t->next_ending = ending;
	ending = t;
	__atxf_lock_give(&lock);
}
