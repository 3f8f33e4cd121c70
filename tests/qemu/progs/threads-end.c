/*
 * threads-end.atxf: how a process with many threads ends.
 *
 *   threads-end.atxf MODE
 *
 * Starts 7 threads that wait in different ways (a condition variable that
 * is never signalled, pthread_join of a thread that never ends, sleep, a
 * busy loop, a futex-backed mutex held by main), prints
 * "threads-end: 7 threads waiting", then, after 50 ms:
 *   fault   one more thread writes to address 0: the kernel ends the whole
 *           process with status 142 (128 + page fault), all threads freed;
 *   exit    one more thread calls exit(5): the process ends with status 5;
 *   last    the waiting threads are told to end, main calls pthread_exit,
 *           and the last of them to end ends the process with status 0
 *           (it prints "threads-end: last thread out" first);
 *   hold    main sleeps too, forever: for a kill (threads-reap.atxf).
 * Any line after "threads-end: still here" means the process outlived the
 * end it was given.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <atxf/sys.h>

#define WAITERS 7

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;
static volatile int stop;
static int ended;
static pthread_t forever;

static void *cond_waiter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	while (!stop)
		pthread_cond_wait(&never, &lock);
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void *sleeper(void *arg)
{
	(void)arg;
	while (!stop)
		atxf_sleep_ns(20000000);
	return NULL;
}

/* Joins `forever`, a sleeper that ends only when told to. */
static void *joiner(void *arg)
{
	(void)arg;
	pthread_join(forever, NULL);
	return NULL;
}

static void *spinner(void *arg)
{
	(void)arg;
	while (!stop)
		__asm__ volatile("pause");
	return NULL;
}

static void *locker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&held);
	pthread_mutex_unlock(&held);
	return NULL;
}

static void *faulter(void *arg)
{
	(void)arg;
	*(volatile int *)0 = 1;
	return NULL;
}

static void *exiter(void *arg)
{
	(void)arg;
	exit(5);
}

/* In "last" mode each waiter's end is counted; the last one says so. */
static void count_end(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&lock);
	if (++ended == WAITERS)
		printf("threads-end: last thread out\n");
	pthread_mutex_unlock(&lock);
}

static pthread_key_t key;

/* Every waiter starts here: a key value makes its end run count_end(). */
static void *waiter(void *fn)
{
	pthread_setspecific(key, fn);
	return ((void *(*)(void *))fn)(NULL);
}

static int start(void *(*fn)(void *), pthread_t *t)
{
	return pthread_create(t, NULL, waiter, (void *)fn);
}

int main(int argc, char **argv)
{
	void *(*const fns[WAITERS - 1])(void *) = { cond_waiter, joiner, sleeper, spinner,
						     locker, cond_waiter };
	const char *mode = argc > 1 ? argv[1] : "";
	pthread_t t;

	pthread_key_create(&key, count_end);
	pthread_mutex_lock(&held);
	if (start(sleeper, &forever))
		return 2;
	for (int i = 0; i < WAITERS - 1; i++)
		if (start(fns[i], &t))
			return 2;
	printf("threads-end: 7 threads waiting\n");
	fflush(stdout);
	atxf_sleep_ns(50000000);
	if (!strcmp(mode, "fault"))
		pthread_create(&t, NULL, faulter, NULL);
	else if (!strcmp(mode, "exit"))
		pthread_create(&t, NULL, exiter, NULL);
	else if (!strcmp(mode, "last")) {
		stop = 1;
		pthread_mutex_lock(&lock);
		pthread_cond_broadcast(&never);
		pthread_mutex_unlock(&lock);
		pthread_mutex_unlock(&held);
		pthread_exit(NULL);
	}
	atxf_sleep_ns(strcmp(mode, "hold") ? 2000000000ull : ATXF_TIMEOUT_FOREVER);
	printf("threads-end: still here\n");
	return 3;
}
