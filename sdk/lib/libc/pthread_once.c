/*
 * pthread_once and the clock conversion the timed waits share. A caller
 * that finds the routine running sleeps until its runner marks it done.
 */
#include <pthread.h>
#include <atxf/syscalls.h>
#include "hooks.h"
#include "pthread_impl.h"

enum { ONCE_NEW, ONCE_RUNNING, ONCE_DONE };

int pthread_once(pthread_once_t *once, void (*fn)(void))
{
	uint32_t state = ONCE_NEW;

	if (__atomic_load_n(&once->state, __ATOMIC_ACQUIRE) == ONCE_DONE)
		return 0;
	if (__atomic_compare_exchange_n(&once->state, &state, ONCE_RUNNING, 0, __ATOMIC_ACQUIRE,
					__ATOMIC_ACQUIRE)) {
		fn();
		__atomic_store_n(&once->state, ONCE_DONE, __ATOMIC_RELEASE);
		atxf_futex_wake(&once->state, UINT32_MAX);
		return 0;
	}
	while ((state = __atomic_load_n(&once->state, __ATOMIC_ACQUIRE)) == ONCE_RUNNING)
		atxf_futex_wait(&once->state, ONCE_RUNNING, ATXF_TIMEOUT_FOREVER);
	return 0;
}

uint64_t __atxf_abstime_ns(const struct timespec *abstime)
{
	if (abstime->tv_sec < 0)
		return 0;
	if ((uint64_t)abstime->tv_sec >= UINT64_MAX / 1000000000u - 1)
		return ATXF_TIMEOUT_FOREVER;
	return (uint64_t)abstime->tv_sec * 1000000000u + (uint64_t)abstime->tv_nsec;
}
