/*
 * <threads.h>: C11's threads as thin shims over <pthread.h>. A C11 thread
 * returns an int where a POSIX one returns a pointer; the int travels in
 * the pointer.
 */
#include <errno.h>
#include <stdlib.h>
#include <threads.h>
#include "hooks.h"

struct c11_start {
	thrd_start_t fn;
	void *arg;
};

static int result_of(int err)
{
	switch (err) {
	case 0:         return thrd_success;
	case ETIMEDOUT: return thrd_timedout;
	case EBUSY:     return thrd_busy;
	case EAGAIN:
	case ENOMEM:    return thrd_nomem;
	default:        return thrd_error;
	}
}

static void *c11_main(void *arg)
{
	struct c11_start s = *(struct c11_start *)arg;

	free(arg);
	return (void *)(intptr_t)s.fn(s.arg);
}

int thrd_create(thrd_t *t, thrd_start_t fn, void *arg)
{
	struct c11_start *s = malloc(sizeof(*s));
	int err;

	if (s == NULL)
		return thrd_nomem;
	*s = (struct c11_start){ fn, arg };
	err = pthread_create(t, NULL, c11_main, s);
	if (err)
		free(s);
	return result_of(err);
}

int thrd_join(thrd_t t, int *result)
{
	void *r;
	int err = pthread_join(t, &r);

	if (!err && result != NULL)
		*result = (int)(intptr_t)r;
	return result_of(err);
}

int thrd_detach(thrd_t t)             { return result_of(pthread_detach(t)); }
_Noreturn void thrd_exit(int result)  { pthread_exit((void *)(intptr_t)result); }
thrd_t thrd_current(void)             { return pthread_self(); }
int thrd_equal(thrd_t a, thrd_t b)    { return pthread_equal(a, b); }
void thrd_yield(void)                 { atxf_yield(); }

/* 0, or -2 for a bad duration (C11: "a negative value" other than -1). */
int thrd_sleep(const struct timespec *duration, struct timespec *remaining)
{
	if (duration->tv_sec < 0 || duration->tv_nsec < 0 || duration->tv_nsec >= 1000000000L)
		return -2;
	atxf_sleep_ns((uint64_t)duration->tv_sec * 1000000000u + (uint64_t)duration->tv_nsec);
	if (remaining != NULL)
		*remaining = (struct timespec){ 0, 0 };
	return 0;
}

int mtx_init(mtx_t *m, int type)
{
	pthread_mutexattr_t a;

	if (type & ~(mtx_recursive | mtx_timed))
		return thrd_error;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, type & mtx_recursive ? PTHREAD_MUTEX_RECURSIVE
							   : PTHREAD_MUTEX_NORMAL);
	return result_of(pthread_mutex_init(m, &a));
}

void mtx_destroy(mtx_t *m)            { pthread_mutex_destroy(m); }
int mtx_lock(mtx_t *m)                { return result_of(pthread_mutex_lock(m)); }
int mtx_trylock(mtx_t *m)             { return result_of(pthread_mutex_trylock(m)); }
int mtx_unlock(mtx_t *m)              { return result_of(pthread_mutex_unlock(m)); }

int mtx_timedlock(mtx_t *m, const struct timespec *abstime)
{
	return result_of(pthread_mutex_timedlock(m, abstime));
}

int cnd_init(cnd_t *c)                { return result_of(pthread_cond_init(c, NULL)); }
void cnd_destroy(cnd_t *c)            { pthread_cond_destroy(c); }
int cnd_signal(cnd_t *c)              { return result_of(pthread_cond_signal(c)); }
int cnd_broadcast(cnd_t *c)           { return result_of(pthread_cond_broadcast(c)); }
int cnd_wait(cnd_t *c, mtx_t *m)      { return result_of(pthread_cond_wait(c, m)); }

int cnd_timedwait(cnd_t *c, mtx_t *m, const struct timespec *abstime)
{
	return result_of(pthread_cond_timedwait(c, m, abstime));
}

int tss_create(tss_t *key, tss_dtor_t dtor) { return result_of(pthread_key_create(key, dtor)); }
void tss_delete(tss_t key)                  { pthread_key_delete(key); }
void *tss_get(tss_t key)                    { return pthread_getspecific(key); }
int tss_set(tss_t key, void *value)         { return result_of(pthread_setspecific(key, value)); }

void call_once(once_flag *flag, void (*fn)(void))
{
	pthread_once(flag, fn);
}
