/*
 * The ring protocol (<atxf/ring.h>) between a client and a driver on one
 * real region: layout, empty and full rings, wrap-around of the u32
 * indices, payloads both ways, completions out of order, batching (many
 * requests, one signal) and suppression (no signal the peer did not ask
 * for). The hostile client is test_ring_hostile.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include "test_ring_util.h"

static void layout_is_fixed(void **state)
{
	struct pair *p = pair_new(64, 8192, 0);
	const struct atxf_ring_header *h = p->mem;

	(void)state;
	assert_int_equal(h->magic, ATXF_RING_MAGIC);
	assert_int_equal(h->entries, 64);
	/* 512 + 2 * 64 * 32 = 4608: the data starts on the next page. */
	assert_int_equal(h->data_offset, 8192);
	assert_int_equal(h->data_size, 8192);
	assert_int_equal(p->size, 16384);
	assert_ptr_equal(atxf_ring_data(&p->driver, 0, 1), (uint8_t *)p->mem + 8192);
	assert_null(atxf_ring_data(&p->driver, 8192, 1));
	pair_free(p);
}

static void format_refuses_bad_geometry(void **state)
{
	static _Alignas(4096) uint8_t mem[3 * 4096];

	(void)state;
	memset(mem, 0x5a, sizeof(mem));
	assert_int_equal(atxf_ring_format(mem, sizeof(mem), 48), -ATXF_EINVAL);
	assert_int_equal(atxf_ring_format(mem, sizeof(mem), 512), -ATXF_EINVAL);
	assert_int_equal(atxf_ring_format(mem, sizeof(mem), 1), -ATXF_EINVAL);
	assert_int_equal(atxf_ring_format(mem + 8, sizeof(mem) - 8, 4), -ATXF_EINVAL);
	/* 128 entries need three pages of rings, then at least one of data. */
	assert_int_equal(atxf_ring_format(mem, sizeof(mem), 128), -ATXF_ERANGE);
	assert_int_equal(mem[0], 0x5a);         /* nothing written */
	assert_int_equal(atxf_ring_format(mem, sizeof(mem), 64), 0);
}

static void empty_rings_give_nothing(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_desc d;

	(void)state;
	assert_int_equal(atxf_ring_next(&p->driver, &d), 0);
	assert_int_equal(atxf_ring_reap(&p->client, &d), 0);
	assert_int_equal(atxf_ring_kick(&p->client), 0);
	assert_int_equal(atxf_ring_publish(&p->driver), 0);
	assert_int_equal(signals_to(DOORBELL_PORT) + signals_to(COMPLETION_PORT), 0);
	pair_free(p);
}

/* Nothing is shown before the kick: the driver sees the batch at once. */
static void submissions_wait_for_the_kick(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_desc d;

	(void)state;
	submit_many(p, 1, 3);
	assert_int_equal(atxf_ring_next(&p->driver, &d), 0);
	atxf_ring_kick(&p->client);
	assert_int_equal(serve_all(p, 0), 3);
	pair_free(p);
}

static void full_ring_refuses_then_frees(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_desc d = req(100, 0, 16);

	(void)state;
	submit_many(p, 1, 8);
	assert_int_equal(atxf_ring_submit(&p->client, &d), -ATXF_EAGAIN);
	atxf_ring_kick(&p->client);
	/* Taken by the driver, but in flight: still no room for a ninth id. */
	assert_int_equal(atxf_ring_next(&p->driver, &d), 1);
	d = req(100, 0, 16);
	assert_int_equal(atxf_ring_submit(&p->client, &d), -ATXF_EAGAIN);
	assert_int_equal(atxf_ring_complete(&p->driver, 1, 0, 16), 0);
	atxf_ring_publish(&p->driver);
	assert_int_equal(atxf_ring_reap(&p->client, &d), 1);
	assert_int_equal(d.id, 1);
	d = req(100, 0, 16);
	assert_int_equal(atxf_ring_submit(&p->client, &d), 0);
	pair_free(p);
}

/* Indices that start 5 short of 2^32 pass it: slots and fills stay right. */
static void indices_wrap_around(void **state)
{
	struct pair *p = pair_new(8, 4096, UINT32_MAX - 4);
	const struct atxf_ring_header *h = p->mem;
	struct atxf_ring_desc d;
	uint32_t next_id = 1, reaped = 0;

	(void)state;
	for (int round = 0; round < 5; round++) {
		submit_many(p, next_id, 7);
		atxf_ring_kick(&p->client);
		assert_int_equal(serve_all(p, round & 1), 7);
		atxf_ring_publish(&p->driver);
		for (int i = 0; i < 7; i++) {
			assert_int_equal(atxf_ring_reap(&p->client, &d), 1);
			assert_int_equal(d.status, (int32_t)d.id);
			assert_in_range(d.id, next_id, next_id + 6);
			reaped++;
		}
		next_id += 7;
	}
	assert_int_equal(reaped, 35);
	assert_int_equal(h->sq.prod, (uint32_t)(UINT32_MAX - 4 + 35));   /* = 30 */
	assert_int_equal(h->cq.cons, 30);
	pair_free(p);
}

/* The client's bytes reach the driver, the driver's come back. */
static void payloads_travel_both_ways(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_desc d = req(42, 100, 5);
	uint8_t *buf;

	(void)state;
	memcpy(atxf_ring_data(&p->client, 100, 5), "hello", 5);
	assert_int_equal(atxf_ring_submit(&p->client, &d), 0);
	atxf_ring_kick(&p->client);
	assert_int_equal(atxf_ring_next(&p->driver, &d), 1);
	buf = atxf_ring_data(&p->driver, d.offset, d.length);
	assert_memory_equal(buf, "hello", 5);
	memcpy(buf, "HELLO", 5);
	assert_int_equal(atxf_ring_complete(&p->driver, d.id, 5, 5), 0);
	atxf_ring_publish(&p->driver);
	assert_int_equal(atxf_ring_reap(&p->client, &d), 1);
	assert_int_equal(d.id, 42);
	assert_int_equal(d.status, 5);
	assert_memory_equal(atxf_ring_data(&p->client, 100, 5), "HELLO", 5);
	pair_free(p);
}

static void completions_out_of_order_find_their_ids(void **state)
{
	struct pair *p = pair_new(16, 4096, 0);
	struct atxf_ring_desc d;
	int seen[17] = { 0 };

	(void)state;
	submit_many(p, 1, 16);
	atxf_ring_kick(&p->client);
	assert_int_equal(serve_all(p, 1), 16);
	atxf_ring_publish(&p->driver);
	for (int i = 0; i < 16; i++) {
		assert_int_equal(atxf_ring_reap(&p->client, &d), 1);
		assert_int_equal(d.id, 16 - i);         /* the driver's order */
		seen[d.id]++;
	}
	for (int id = 1; id <= 16; id++)
		assert_int_equal(seen[id], 1);
	assert_int_equal(atxf_ring_reap(&p->client, &d), 0);
	pair_free(p);
}

/* An armed driver gets one doorbell for 32 requests, and drains them all. */
static void batch_costs_one_doorbell(void **state)
{
	struct pair *p = pair_new(64, 4096, 0);

	(void)state;
	assert_int_equal(atxf_ring_arm(&p->driver), 0);
	assert_int_equal(atxf_ring_arm(&p->client), 0);
	for (uint32_t i = 0; i < 32; i++) {
		submit_many(p, 1 + i, 1);
		if (i % 8 == 7)
			atxf_ring_kick(&p->client);   /* four kicks, one wanted */
	}
	assert_int_equal(signals_to(DOORBELL_PORT), 1);
	assert_int_equal(serve_all(p, 0), 32);
	assert_int_equal(atxf_ring_publish(&p->driver), 1);
	assert_int_equal(signals_to(COMPLETION_PORT), 1);
	assert_int_equal(p->client.signals, 1);
	assert_int_equal(p->driver.signals, 1);
	pair_free(p);
}

/* A peer that did not arm hears nothing; one that armed hears once. */
static void no_signal_unless_asked(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);

	(void)state;
	/* A fresh region's wake is 0: the first publish of index 0 signals.
	 * Past it, a driver busy draining asks for nothing. */
	submit_many(p, 1, 1);
	assert_int_equal(atxf_ring_kick(&p->client), 1);
	submit_many(p, 2, 2);
	assert_int_equal(atxf_ring_kick(&p->client), 0);
	assert_int_equal(serve_all(p, 0), 3);
	assert_int_equal(signals_to(DOORBELL_PORT), 1);
	/* It drained everything and arms: the next kick rings. */
	assert_int_equal(atxf_ring_arm(&p->driver), 0);
	submit_many(p, 4, 1);
	assert_int_equal(atxf_ring_kick(&p->client), 1);
	assert_int_equal(signals_to(DOORBELL_PORT), 2);
	pair_free(p);
}

/* Arming after an entry arrived says so: the side must drain, not sleep. */
static void arm_reports_what_arrived_meanwhile(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_desc d;

	(void)state;
	submit_many(p, 1, 1);
	atxf_ring_kick(&p->client);
	assert_int_equal(atxf_ring_arm(&p->driver), 1);
	assert_int_equal(atxf_ring_next(&p->driver, &d), 1);
	assert_int_equal(atxf_ring_arm(&p->driver), 0);
	pair_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(layout_is_fixed),
		cmocka_unit_test(format_refuses_bad_geometry),
		cmocka_unit_test(empty_rings_give_nothing),
		cmocka_unit_test(submissions_wait_for_the_kick),
		cmocka_unit_test(full_ring_refuses_then_frees),
		cmocka_unit_test(indices_wrap_around),
		cmocka_unit_test(payloads_travel_both_ways),
		cmocka_unit_test(completions_out_of_order_find_their_ids),
		cmocka_unit_test(batch_costs_one_doorbell),
		cmocka_unit_test(no_signal_unless_asked),
		cmocka_unit_test(arm_reports_what_arrived_meanwhile),
	};

	return cmocka_run_group_tests_name("ring protocol", tests, NULL, NULL);
}
