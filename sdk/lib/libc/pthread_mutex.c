/*
 * Mutexes (<pthread.h>) on the libc's futex lock (lock.h). Normal mutexes
 * are the bare lock; recursive and error-checking ones also note their
 * owner, which only the owner itself compares against, so a plain field
 * is enough.
 */
#include <errno.h>
#include <pthread.h>
#include <atxf/syscalls.h>
#include "lock.h"
#include "pthread_impl.h"

static struct atxf_lock *lock_of(pthread_mutex_t *m)
{
	return (struct atxf_lock *)&m->state;
}

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	a->type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
	if (type != PTHREAD_MUTEX_NORMAL && type != PTHREAD_MUTEX_RECURSIVE &&
	    type != PTHREAD_MUTEX_ERRORCHECK)
		return EINVAL;
	a->type = type;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *type)
{
	*type = a->type;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
	*m = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
	if (a != NULL)
		m->type = a->type;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->state ? EBUSY : 0;
}

/* Before taking it: EDEADLK or a recursive count step (1), or 0 to go on. */
static int owner_check(pthread_mutex_t *m)
{
	if (m->type == PTHREAD_MUTEX_NORMAL || m->owner != __atxf_self())
		return 0;
	if (m->type == PTHREAD_MUTEX_ERRORCHECK)
		return EDEADLK;
	m->count++;
	return 1;
}

/* Takes it until deadline_ns (ATXF_TIMEOUT_FOREVER: no limit). */
static int take(pthread_mutex_t *m, uint64_t deadline_ns)
{
	int r = owner_check(m);

	if (r)
		return r == 1 ? 0 : r;
	r = __atxf_lock_take_until(lock_of(m), deadline_ns);
	if (r == 0) {
		m->owner = __atxf_self();
		m->count = 1;
	}
	return r;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	return take(m, ATXF_TIMEOUT_FOREVER);
}

int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime)
{
	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L)
		return EINVAL;
	return take(m, __atxf_abstime_ns(abstime));
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	int r = owner_check(m);

	if (r)
		return r == 1 ? 0 : EBUSY;
	if (!__atxf_lock_try(lock_of(m)))
		return EBUSY;
	m->owner = __atxf_self();
	m->count = 1;
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->type != PTHREAD_MUTEX_NORMAL) {
		if (m->owner != __atxf_self())
			return EPERM;
		if (--m->count > 0)
			return 0;
	}
	m->owner = NULL;
	__atxf_lock_give(lock_of(m));
	return 0;
}
