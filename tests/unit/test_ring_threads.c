/*
 * Both sides of a ring at once, on two host threads: 200,000 requests
 * with payloads through a 32-entry ring, every completion's id, status
 * and bytes checked. What the single-threaded tests cannot show: that the
 * acquire/release ordering holds while the other side really runs (a
 * descriptor or payload read before it was written would be caught
 * here, and ThreadSanitizer, which builds this test, reports any access
 * not ordered by release/acquire). Neither side sleeps; each yields when
 * it has nothing to do.
 */
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include "test_ring_util.h"

#define REQUESTS 200000u
#define ENTRIES  32u
#define LEN      8u

/* The byte the client puts at i of id's request; the driver adds 1. */
static uint8_t byte_of(uint32_t id, unsigned i)
{
	return (uint8_t)(id * 13u + i);
}

struct served {
	struct pair *p;
	unsigned requests, bad;
};

/* The driver: takes, checks, answers and completes until all are done. */
static void *driver_thread(void *arg)
{
	struct served *s = arg;
	struct atxf_ring *r = &s->p->driver;
	struct atxf_ring_desc d;

	while (s->requests < REQUESTS) {
		int got = atxf_ring_next(r, &d);

		if (got <= 0) {
			if (got < 0)
				s->bad++;
			atxf_ring_publish(r);
			sched_yield();
			continue;
		}
		uint8_t *b = atxf_ring_data(r, d.offset, LEN);

		for (unsigned i = 0; i < LEN; i++) {
			if (b[i] != byte_of(d.id, i))
				s->bad++;
			b[i]++;
		}
		atxf_ring_complete(r, d.id, (int32_t)(d.id % 1000), LEN);
		s->requests++;
	}
	atxf_ring_publish(r);
	return NULL;
}

/* Keeps the ring full; slot i of the data area belongs to id % ENTRIES,
 * which is free again once that id was reaped. */
static unsigned client_run(struct pair *p)
{
	struct atxf_ring *r = &p->client;
	uint32_t sent = 0, right = 0, reaped = 0;
	struct atxf_ring_desc d;

	while (reaped < REQUESTS) {
		while (sent < REQUESTS && sent - reaped < ENTRIES) {
			uint32_t id = sent;
			struct atxf_ring_desc q = req(id, (id % ENTRIES) * LEN, LEN);
			uint8_t *b = atxf_ring_data(r, q.offset, LEN);

			for (unsigned i = 0; i < LEN; i++)
				b[i] = byte_of(id, i);
			if (atxf_ring_submit(r, &q) != 0)
				break;
			sent++;
		}
		atxf_ring_kick(r);
		if (atxf_ring_reap(r, &d) != 1) {
			sched_yield();
			continue;
		}
		const uint8_t *b = atxf_ring_data(r, (d.id % ENTRIES) * LEN, LEN);
		int ok = d.status == (int32_t)(d.id % 1000) && d.length == LEN;

		for (unsigned i = 0; i < LEN; i++)
			ok &= b[i] == (uint8_t)(byte_of(d.id, i) + 1);
		right += ok;
		reaped++;
	}
	return right;
}

static void two_threads_pass_every_request(void **state)
{
	struct pair *p = pair_new(ENTRIES, ENTRIES * LEN, 0);
	struct served s = { .p = p };
	pthread_t t;

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, driver_thread, &s), 0);
	assert_int_equal(client_run(p), REQUESTS);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(s.requests, REQUESTS);
	assert_int_equal(s.bad, 0);
	assert_null(p->driver.broken);
	assert_null(p->client.broken);
	pair_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(two_threads_pass_every_request),
	};

	return cmocka_run_group_tests_name("ring: two threads", tests, NULL, NULL);
}
