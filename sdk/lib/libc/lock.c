/* The libc's futex lock (lock.h). */
#include <errno.h>
#include <atxf/syscalls.h>
#include "hooks.h"
#include "lock.h"

int __atxf_lock_try(struct atxf_lock *l)
{
	uint32_t free = 0;

	return __atomic_compare_exchange_n(&l->state, &free, 1, 0, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

/* Marks the lock contended and waits while someone else holds it; the
 * winner leaves it at 2, so its give wakes the next waiter. */
static int take_slow(struct atxf_lock *l, uint64_t deadline_ns)
{
	while (__atomic_exchange_n(&l->state, 2, __ATOMIC_ACQUIRE) != 0) {
		uint64_t wait = ATXF_TIMEOUT_FOREVER;

		if (deadline_ns != ATXF_TIMEOUT_FOREVER) {
			uint64_t now = atxf_clock_ns();

			if (now >= deadline_ns)
				return ETIMEDOUT;
			wait = deadline_ns - now;
		}
		atxf_futex_wait(&l->state, 2, wait);
	}
	return 0;
}

void __atxf_lock_take(struct atxf_lock *l)
{
	if (!__atxf_lock_try(l))
		take_slow(l, ATXF_TIMEOUT_FOREVER);
}

int __atxf_lock_take_until(struct atxf_lock *l, uint64_t deadline_ns)
{
	return __atxf_lock_try(l) ? 0 : take_slow(l, deadline_ns);
}

void __atxf_lock_give(struct atxf_lock *l)
{
	if (__atomic_exchange_n(&l->state, 0, __ATOMIC_RELEASE) == 2)
		atxf_futex_wake(&l->state, 1);
}
