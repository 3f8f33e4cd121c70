/*
 * <pthread.h> for ATXF programs: POSIX threads on the kernel's threads
 * (docs/libc.md "Threads"). What is here: threads (create, join, detach,
 * exit, self, equal), attributes (detach state, stack size), mutexes
 * (normal, recursive, error-checking; timed), condition variables
 * (timed), once, and thread-specific keys. Thread-local variables
 * (__thread, _Thread_local) need nothing from here.
 *
 * Absolute times (pthread_cond_timedwait, pthread_mutex_timedlock) are
 * read on the kernel's clock, the one atxf_clock_ns() reads: seconds since
 * boot. Cancellation, scheduling policy and process-shared objects are not
 * provided.
 */
#ifndef _ATXF_PTHREAD_H
#define _ATXF_PTHREAD_H

#include <bits/target.h>

#include <stddef.h>
#include <stdint.h>
#include <bits/timespec.h>

#define PTHREAD_KEYS_MAX              64
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#define PTHREAD_STACK_MIN             16384

typedef struct __pthread *pthread_t;

typedef struct {
	int detach;                 /* PTHREAD_CREATE_* */
	size_t stack_size;          /* 0: the default, 256 KiB */
} pthread_attr_t;

enum { PTHREAD_CREATE_JOINABLE, PTHREAD_CREATE_DETACHED };

typedef struct {
	uint32_t state;             /* the futex lock (sdk/lib/libc/lock.h) */
	int type;                   /* PTHREAD_MUTEX_* */
	pthread_t owner;            /* recursive and error-checking: who holds it */
	unsigned count;             /* recursive: how many times */
} pthread_mutex_t;

typedef struct {
	int type;
} pthread_mutexattr_t;

enum {
	PTHREAD_MUTEX_NORMAL,
	PTHREAD_MUTEX_RECURSIVE,
	PTHREAD_MUTEX_ERRORCHECK,
	PTHREAD_MUTEX_DEFAULT = PTHREAD_MUTEX_NORMAL,
};

typedef struct {
	uint32_t seq;               /* futex word: bumped by every signal */
} pthread_cond_t;

typedef struct {
	int unused;
} pthread_condattr_t;

typedef struct {
	uint32_t state;             /* 0 not run, 1 running, 2 done */
} pthread_once_t;

typedef unsigned pthread_key_t;

#define PTHREAD_MUTEX_INITIALIZER { 0, PTHREAD_MUTEX_NORMAL, 0, 0 }
#define PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP { 0, PTHREAD_MUTEX_RECURSIVE, 0, 0 }
#define PTHREAD_COND_INITIALIZER  { 0 }
#define PTHREAD_ONCE_INIT         { 0 }

int pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*start)(void *), void *arg);
int pthread_join(pthread_t t, void **result);
int pthread_detach(pthread_t t);
_Noreturn void pthread_exit(void *result);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);

int pthread_attr_init(pthread_attr_t *a);
int pthread_attr_destroy(pthread_attr_t *a);
int pthread_attr_setdetachstate(pthread_attr_t *a, int state);
int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state);
int pthread_attr_setstacksize(pthread_attr_t *a, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *a, size_t *size);

int pthread_mutexattr_init(pthread_mutexattr_t *a);
int pthread_mutexattr_destroy(pthread_mutexattr_t *a);
int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *type);
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime);
int pthread_mutex_unlock(pthread_mutex_t *m);

int pthread_condattr_init(pthread_condattr_t *a);
int pthread_condattr_destroy(pthread_condattr_t *a);
int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);

int pthread_once(pthread_once_t *once, void (*fn)(void));

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);

#endif /* _ATXF_PTHREAD_H */
