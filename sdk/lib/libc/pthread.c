/*
 * Threads: create, exit, join, detach, self (<pthread.h>). Each thread is
 * a kernel thread of this process (SYS_THREAD_CREATE) with one mapping for
 * its stack, TLS block and control block (pthread_impl.h).
 *
 * Who collects the mapping: the joiner, once the kernel has cleared
 * `alive` (the thread is then off its stack for good); for a detached
 * thread, the next pthread_create() (pthread_stack.c). `detach` settles
 * the race between pthread_detach() and the thread's end.
 */
#include <errno.h>
#include <pthread.h>
#include <atxf/atxf.h>
#include <atxf/syscalls.h>
#include "hooks.h"
#include "pthread_impl.h"

static _Noreturn void thread_main(void *arg)
{
	struct __pthread *t = arg;

	pthread_exit(t->start(t->arg));
}

static size_t stack_size(const pthread_attr_t *attr)
{
	size_t s = attr && attr->stack_size ? attr->stack_size : THREAD_STACK_DEFAULT;

	return s < PTHREAD_STACK_MIN ? PTHREAD_STACK_MIN : s;
}

int pthread_create(pthread_t *out, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
	size_t page = ATXF_PAGE_SIZE;
	size_t len = (stack_size(attr) + __atxf_tls_need() + page - 1) & ~(page - 1);
	char *map = __atxf_thread_map(len), *low;
	struct __pthread *t;
	long tid;

	if (map == NULL)
		return EAGAIN;
	t = __atxf_tls_place(map, len, &low);
	t->start = start;
	t->arg = arg;
	t->map = map;
	t->map_len = len;
	t->detach = attr && attr->detach == PTHREAD_CREATE_DETACHED ? DETACH_DETACHED
								     : DETACH_JOINABLE;
	tid = atxf_thread_create(thread_main, t, (void *)((uintptr_t)low & ~(uintptr_t)15), t);
	if (tid < 0) {
		__atxf_thread_unmap(map, len);
		return EAGAIN;
	}
	*out = t;
	return 0;
}

_Noreturn void pthread_exit(void *result)
{
	struct __pthread *t = __atxf_self();

	t->result = result;
	__atxf_tsd_run_destructors(t);
	if (__atomic_exchange_n(&t->detach, DETACH_EXITED, __ATOMIC_ACQ_REL) == DETACH_DETACHED &&
	    t->map != NULL)
		__atxf_thread_ending(t);
	atxf_thread_exit(&t->alive, NULL, 0);
}

int pthread_join(pthread_t t, void **result)
{
	uint32_t alive;

	if (t == __atxf_self())
		return EDEADLK;
	while ((alive = __atomic_load_n(&t->alive, __ATOMIC_ACQUIRE)) != 0)
		atxf_futex_wait(&t->alive, alive, ATXF_TIMEOUT_FOREVER);
	if (result != NULL)
		*result = t->result;
	if (t->map != NULL)
		__atxf_thread_unmap(t->map, t->map_len);
	return 0;
}

int pthread_detach(pthread_t t)
{
	uint32_t was = DETACH_JOINABLE;

	if (__atomic_compare_exchange_n(&t->detach, &was, DETACH_DETACHED, 0, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE))
		return 0;
	/* It has ended already and waits to be joined: collect it now. */
	return was == DETACH_EXITED ? pthread_join(t, NULL) : EINVAL;
}

pthread_t pthread_self(void)
{
	return __atxf_self();
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}
