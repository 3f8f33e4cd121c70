/*
 * threads.atxf: many threads in one process, as a user's program would use
 * them. Each round starts WORKERS threads (pthread_create) that take the
 * numbers 1..ITEMS from a bounded queue that main fills (a mutex and two
 * condition variables), add them up in a thread-local sum, and return it
 * (pthread_join). A round is right when:
 *   - the sums the threads return add up to ITEMS * (ITEMS + 1) / 2, and so
 *     does the total they add under the mutex;
 *   - every thread saw its own copy of an initialised __thread variable
 *     (.tdata: TLS_MAGIC) and of a zeroed one (.tbss), at an address no other
 *     thread of the round had, and its own errno;
 *   - pthread_once ran its routine once, and each thread's key destructor
 *     ran once, with that thread's value;
 *   - a detached thread made with <threads.h> (thrd_create, mtx_t, cnd_t)
 *     reported back through a condition variable.
 *
 *   threads.atxf [ROUNDS]      ROUNDS defaults to 100
 *
 * Prints "threads: round R wrong: WHY" for each wrong round, then
 * "threads: R of ROUNDS rounds right" and exits 0 if all were, 1 if not.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#define WORKERS   8
#define ITEMS     600
#define QUEUE     16
#define TLS_MAGIC 0x5eed1234u

static __thread unsigned tls_magic = TLS_MAGIC;      /* .tdata */
static _Thread_local long tls_sum;                   /* .tbss */

/* The bounded queue; 0 marks the end for one worker. */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t not_empty, not_full;
	long items[QUEUE];
	unsigned head, count;
	long total;                     /* under lock: every worker's adds */
	void *tls_addr[WORKERS];        /* where each worker's tls_sum lives */
	int bad_tls, bad_errno;
	int destructed;                 /* key destructor calls this round */
} q = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.not_empty = PTHREAD_COND_INITIALIZER,
	.not_full = PTHREAD_COND_INITIALIZER,
};

static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;

static void make_key(void);

static void put(long v)
{
	pthread_mutex_lock(&q.lock);
	while (q.count == QUEUE)
		pthread_cond_wait(&q.not_full, &q.lock);
	q.items[(q.head + q.count++) % QUEUE] = v;
	pthread_cond_signal(&q.not_empty);
	pthread_mutex_unlock(&q.lock);
}

static long take(void)
{
	long v;

	pthread_mutex_lock(&q.lock);
	while (q.count == 0)
		pthread_cond_wait(&q.not_empty, &q.lock);
	v = q.items[q.head];
	q.head = (q.head + 1) % QUEUE;
	q.count--;
	pthread_cond_signal(&q.not_full);
	pthread_mutex_unlock(&q.lock);
	return v;
}

static void destructor(void *value)
{
	pthread_mutex_lock(&q.lock);
	q.destructed += (intptr_t)value >= 1 && (intptr_t)value <= WORKERS;
	pthread_mutex_unlock(&q.lock);
}

static void make_key(void)
{
	once_runs++;
	pthread_key_create(&key, destructor);
}

static void *worker(void *arg)
{
	intptr_t id = (intptr_t)arg;
	long v;

	pthread_once(&once, make_key);
	pthread_setspecific(key, (void *)id);
	errno = (int)id;
	if (tls_magic != TLS_MAGIC || tls_sum != 0)
		__atomic_fetch_add(&q.bad_tls, 1, __ATOMIC_RELAXED);
	tls_magic = (unsigned)id;       /* must not leak into another thread */
	while ((v = take()) != 0)
		tls_sum += v;
	pthread_mutex_lock(&q.lock);
	q.total += tls_sum;
	q.tls_addr[id - 1] = &tls_sum;
	q.bad_errno += errno != (int)id;
	q.bad_tls += tls_magic != (unsigned)id;
	pthread_mutex_unlock(&q.lock);
	return (void *)tls_sum;
}

/* The C11 side: a detached thread that reports through mtx_t and cnd_t. */
static struct {
	mtx_t lock;
	cnd_t done_cv;
	int done;
} c11;

static int reporter(void *arg)
{
	mtx_lock(&c11.lock);
	c11.done = (int)(intptr_t)arg;
	cnd_signal(&c11.done_cv);
	mtx_unlock(&c11.lock);
	return 0;
}

static const char *c11_round(int round)
{
	thrd_t t;

	c11.done = 0;
	if (thrd_create(&t, reporter, (void *)(intptr_t)round) != thrd_success)
		return "thrd_create failed";
	if (thrd_detach(t) != thrd_success)
		return "thrd_detach failed";
	mtx_lock(&c11.lock);
	while (c11.done == 0)
		cnd_wait(&c11.done_cv, &c11.lock);
	mtx_unlock(&c11.lock);
	return c11.done == round ? NULL : "the detached thread reported the wrong round";
}

static int distinct(void *const *p, int n)
{
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (p[i] == NULL || p[i] == p[j])
				return 0;
	return p[n - 1] != NULL;
}

static const char *check_round(long sum)
{
	long want = (long)ITEMS * (ITEMS + 1) / 2;

	if (sum != want)
		return "the joined sums do not add up";
	if (q.total != want)
		return "the total under the mutex does not add up";
	if (q.bad_tls)
		return "a thread saw another's __thread variable";
	if (!distinct(q.tls_addr, WORKERS))
		return "two threads share a TLS address";
	if (q.bad_errno)
		return "errno is not per thread";
	if (once_runs != 1)
		return "pthread_once ran its routine more than once";
	if (q.destructed != WORKERS)
		return "a key destructor did not run once per thread";
	return tls_magic == TLS_MAGIC ? NULL : "main's __thread variable changed";
}

static const char *one_round(int round)
{
	pthread_t t[WORKERS];
	long sum = 0;
	void *r;

	memset(q.tls_addr, 0, sizeof(q.tls_addr));
	q.total = q.bad_tls = q.bad_errno = q.destructed = 0;
	for (intptr_t i = 0; i < WORKERS; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)(i + 1)))
			return "pthread_create failed";
	for (long v = 1; v <= ITEMS; v++)
		put(v);
	for (int i = 0; i < WORKERS; i++)
		put(0);
	for (int i = 0; i < WORKERS; i++) {
		if (pthread_join(t[i], &r))
			return "pthread_join failed";
		sum += (long)r;
	}
	const char *why = check_round(sum);

	return why ? why : c11_round(round);
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 100, right = 0;

	mtx_init(&c11.lock, mtx_plain);
	cnd_init(&c11.done_cv);
	for (int r = 1; r <= rounds; r++) {
		const char *why = one_round(r);

		if (why)
			printf("threads: round %d wrong: %s\n", r, why);
		else
			right++;
	}
	printf("threads: %d of %d rounds right\n", right, rounds);
	return right == rounds ? 0 : 1;
}
