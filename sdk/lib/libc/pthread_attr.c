/* Thread attributes (<pthread.h>): detach state and stack size. */
#include <errno.h>
#include <pthread.h>
#include "pthread_impl.h"

int pthread_attr_init(pthread_attr_t *a)
{
	a->detach = PTHREAD_CREATE_JOINABLE;
	a->stack_size = 0;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
	(void)a;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	a->detach = state;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
	*state = a->detach;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	a->stack_size = size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *a, size_t *size)
{
	*size = a->stack_size ? a->stack_size : THREAD_STACK_DEFAULT;
	return 0;
}
