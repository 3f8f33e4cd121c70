/*
 * Condition variables (<pthread.h>). A waiter notes the sequence number,
 * unlocks the mutex and sleeps on the number while it is unchanged; every
 * signal or broadcast bumps it first, so a signal that comes between the
 * unlock and the sleep makes the sleep return at once instead of being
 * lost. Wake-ups may be spurious, as POSIX allows: callers loop on their
 * predicate.
 */
#include <errno.h>
#include <pthread.h>
#include <atxf/syscalls.h>
#include "hooks.h"
#include "pthread_impl.h"

int pthread_condattr_init(pthread_condattr_t *a)
{
	a->unused = 0;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a)
{
	(void)a;
	c->seq = 0;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

/* Waits until deadline_ns (ATXF_TIMEOUT_FOREVER: no limit), holding m
 * again on return, as many times as before for a recursive m. */
static int wait_until(pthread_cond_t *c, pthread_mutex_t *m, uint64_t deadline_ns)
{
	uint32_t seq = __atomic_load_n(&c->seq, __ATOMIC_ACQUIRE);
	unsigned count = m->count;
	uint64_t timeout = ATXF_TIMEOUT_FOREVER, now;
	int r = 0;

	if (deadline_ns != ATXF_TIMEOUT_FOREVER) {
		now = atxf_clock_ns();
		timeout = deadline_ns > now ? deadline_ns - now : ATXF_TIMEOUT_NONE;
	}
	m->count = 1;
	pthread_mutex_unlock(m);
	if (atxf_futex_wait(&c->seq, seq, timeout) == -ATXF_ETIMEDOUT)
		r = ETIMEDOUT;
	pthread_mutex_lock(m);
	m->count = count;
	return r;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return wait_until(c, m, ATXF_TIMEOUT_FOREVER);
}

int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
{
	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L)
		return EINVAL;
	return wait_until(c, m, __atxf_abstime_ns(abstime));
}

int pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_RELEASE);
	atxf_futex_wake(&c->seq, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_RELEASE);
	atxf_futex_wake(&c->seq, UINT32_MAX);
	return 0;
}
