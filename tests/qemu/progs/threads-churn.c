/*
 * threads-churn.atxf: threads come and go without leaking. Makes COUNT
 * threads in batches of 8 (joined), and COUNT / 4 detached ones (which
 * free themselves), then compares the machine's free RAM (SYS_MEM_INFO)
 * with what it was before the first batch, after one warm-up batch.
 *
 *   threads-churn.atxf [COUNT]       COUNT defaults to 2000
 *
 * Prints "threads-churn: COUNT joined, D detached, free RAM changed by K KiB"
 * and exits 0 if the change is under 1 MiB (a leak of one kernel stack per
 * thread would be 32 MiB), 1 otherwise.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <atxf/sys.h>

#define BATCH 8

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t all_done = PTHREAD_COND_INITIALIZER;
static int detached_left;

static void *joined(void *arg)
{
	return arg;
}

static void *detached(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	if (--detached_left == 0)
		pthread_cond_signal(&all_done);
	pthread_mutex_unlock(&lock);
	return NULL;
}

static int batch(void)
{
	pthread_t t[BATCH];
	void *r;

	for (long i = 0; i < BATCH; i++)
		if (pthread_create(&t[i], NULL, joined, (void *)i))
			return -1;
	for (long i = 0; i < BATCH; i++)
		if (pthread_join(t[i], &r) || r != (void *)i)
			return -1;
	return 0;
}

static int detach_many(int n)
{
	pthread_attr_t a;
	pthread_t t;

	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	detached_left = n;
	for (int i = 0; i < n; i++)
		if (pthread_create(&t, &a, detached, NULL))
			return -1;
	pthread_mutex_lock(&lock);
	while (detached_left > 0)
		pthread_cond_wait(&all_done, &lock);
	pthread_mutex_unlock(&lock);
	return 0;
}

static long free_kib(void)
{
	struct atxf_mem_info mi;

	return atxf_mem_info(&mi) < 0 ? -1 : (long)(mi.ram_free / 1024);
}

int main(int argc, char **argv)
{
	int count = argc > 1 ? atoi(argv[1]) : 2000;
	long before, change;

	if (batch())                    /* warm-up: the heap's first growth */
		return 2;
	before = free_kib();
	for (int done = 0; done < count; done += BATCH)
		if (batch())
			return printf("threads-churn: a batch failed\n"), 1;
	for (int done = 0; done < count / 4; done += BATCH)
		if (detach_many(BATCH))
			return printf("threads-churn: a detached thread failed\n"), 1;
	atxf_sleep_ns(20000000);        /* the last detached ones leave their stacks */
	change = free_kib() - before;
	printf("threads-churn: %d joined, %d detached, free RAM changed by %ld KiB\n", count,
	       count / 4, change);
	return change > -1024 && change < 1024 ? 0 : 1;
}
