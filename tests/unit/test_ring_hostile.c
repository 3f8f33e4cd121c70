/*
 * A hostile client against the driver's side of a ring (<atxf/ring.h>).
 * The client here writes the region directly, as a malicious program
 * would: descriptors with bytes outside the data area, ids already in
 * flight, indices moved backwards or far ahead, a forged header, and a
 * region revoked under the driver. Each is refused with its own error,
 * and the driver stays up: it serves the next good request, or (for an
 * impossible index) reports the ring broken with a reason while it goes on
 * serving another client's ring.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include "test_ring_util.h"

/* Writes d straight into the submission ring and publishes it. */
static void raw_submit(struct pair *p, struct atxf_ring_desc d)
{
	struct atxf_ring_header *h = p->mem;
	struct atxf_ring_desc *sq = (void *)((uint8_t *)p->mem + ATXF_RING_SQ_OFFSET);

	sq[h->sq.prod & (h->entries - 1)] = d;
	h->sq.prod++;
}

/* The driver still serves a good request, start to end. */
static void still_serves(struct pair *p, uint32_t id)
{
	struct atxf_ring_desc d = req(id, 0, 8);

	raw_submit(p, d);
	assert_int_equal(atxf_ring_next(&p->driver, &d), 1);
	assert_int_equal(d.id, id);
	assert_int_equal(atxf_ring_complete(&p->driver, id, 0, 8), 0);
	assert_int_equal(atxf_ring_publish(&p->driver) >= 0, 1);
}

/* What the client finds in its completion ring for the next one. */
static struct atxf_ring_desc completion(struct pair *p)
{
	struct atxf_ring_header *h = p->mem;
	struct atxf_ring_desc *cq = (void *)((uint8_t *)p->mem + ATXF_RING_SQ_OFFSET);
	struct atxf_ring_desc d = cq[h->entries + (h->cq.cons & (h->entries - 1))];

	h->cq.cons++;
	return d;
}

static void bytes_outside_the_data_area_are_refused(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	const struct atxf_ring_desc bad[] = {
		req(1, 4096, 1),                /* just past the end */
		req(2, 4000, 97),               /* runs past it */
		req(3, 0xffffffffu, 2),         /* offset + length wraps in 32 bits */
		req(4, 1, 0xffffffffu),
	};
	struct atxf_ring_desc d;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		raw_submit(p, bad[i]);
		assert_int_equal(atxf_ring_next(&p->driver, &d), -ATXF_ERANGE);
		/* The client hears why, under the id it chose. */
		atxf_ring_publish(&p->driver);
		d = completion(p);
		assert_int_equal(d.id, bad[i].id);
		assert_int_equal(d.status, -ATXF_ERANGE);
	}
	assert_null(p->driver.broken);
	still_serves(p, 10);
	pair_free(p);
}

static void an_id_already_in_flight_is_refused(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_desc d;

	(void)state;
	raw_submit(p, req(5, 0, 8));
	assert_int_equal(atxf_ring_next(&p->driver, &d), 1);
	raw_submit(p, req(5, 64, 8));
	assert_int_equal(atxf_ring_next(&p->driver, &d), -ATXF_EEXIST);
	/* The first 5 is still the one in flight, and completes once. */
	assert_int_equal(atxf_ring_complete(&p->driver, 5, 0, 8), 0);
	assert_int_equal(atxf_ring_complete(&p->driver, 5, 0, 8), -ATXF_ENOENT);
	still_serves(p, 6);
	pair_free(p);
}

static void unknown_ids_on_completion_are_refused(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_header *h = p->mem;
	struct atxf_ring_desc *cq = (void *)((uint8_t *)p->mem + ATXF_RING_SQ_OFFSET + 8 * 32);
	struct atxf_ring_desc d = req(1, 0, 8);

	(void)state;
	/* The driver completes only what it holds. */
	assert_int_equal(atxf_ring_complete(&p->driver, 77, 0, 0), -ATXF_ENOENT);
	/* The client reaps only what it submitted. Here the completions are
	 * forged (a driver gone wrong): 77 is skipped with ENOENT, 1 comes,
	 * and a second 1 is unknown again. */
	assert_int_equal(atxf_ring_submit(&p->client, &d), 0);
	cq[0] = (struct atxf_ring_desc){ .id = 77 };
	cq[1] = (struct atxf_ring_desc){ .id = 1, .length = 8 };
	cq[2] = (struct atxf_ring_desc){ .id = 1, .length = 8 };
	h->cq.prod = 3;
	assert_int_equal(atxf_ring_reap(&p->client, &d), -ATXF_ENOENT);
	assert_int_equal(atxf_ring_reap(&p->client, &d), 1);
	assert_int_equal(d.id, 1);
	assert_int_equal(atxf_ring_reap(&p->client, &d), -ATXF_ENOENT);
	assert_int_equal(atxf_ring_reap(&p->client, &d), 0);
	pair_free(p);
}

/* A descriptor is copied once; rewriting its slot later changes nothing. */
static void descriptors_are_copied_before_use(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_desc *sq = (void *)((uint8_t *)p->mem + ATXF_RING_SQ_OFFSET);
	struct atxf_ring_desc d;

	(void)state;
	raw_submit(p, req(1, 0, 16));
	assert_int_equal(atxf_ring_next(&p->driver, &d), 1);
	sq[0] = req(1, 0xfffff000u, 0xfff);
	assert_int_equal(d.offset, 0);
	assert_int_equal(d.length, 16);
	pair_free(p);
}

static void a_producer_index_moved_backwards_breaks_the_ring(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct pair *other = pair_new(8, 4096, 0);
	struct atxf_ring_header *h = p->mem;
	struct atxf_ring_desc d;

	(void)state;
	for (uint32_t id = 1; id <= 3; id++)
		raw_submit(p, req(id, 0, 8));
	assert_int_equal(atxf_ring_next(&p->driver, &d), 1);
	h->sq.prod = 2;                         /* 3 was seen: a step back */
	assert_int_equal(atxf_ring_next(&p->driver, &d), -ATXF_EPROTO);
	assert_string_equal(p->driver.broken, "producer index moved backwards");
	/* Broken for good: the driver drops this client... */
	h->sq.prod = 3;
	assert_int_equal(atxf_ring_next(&p->driver, &d), -ATXF_EPROTO);
	assert_int_equal(atxf_ring_publish(&p->driver), -ATXF_EPROTO);
	/* ...and serves another. */
	still_serves(other, 1);
	pair_free(other);
	pair_free(p);
}

static void a_producer_index_too_far_ahead_breaks_the_ring(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_header *h = p->mem;
	struct atxf_ring_desc d;

	(void)state;
	h->sq.prod = 9;                         /* 9 waiting in 8 slots */
	assert_int_equal(atxf_ring_next(&p->driver, &d), -ATXF_EPROTO);
	assert_string_equal(p->driver.broken, "producer index more than the ring size ahead");
	pair_free(p);
}

static void a_consumer_index_ahead_of_completions_breaks_the_ring(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_header *h = p->mem;
	struct atxf_ring_desc d;

	(void)state;
	raw_submit(p, req(1, 0, 8));
	h->cq.cons = 4;                         /* reaps what was never sent */
	assert_int_equal(atxf_ring_next(&p->driver, &d), -ATXF_EPROTO);
	assert_string_equal(p->driver.broken, "consumer index ahead of what was produced");
	pair_free(p);
}

/* A client that never reaps cannot make the driver hold more than the
 * completion ring takes back: it simply stops taking. */
static void unreaped_completions_hold_back_new_requests(void **state)
{
	struct pair *p = pair_new(4, 4096, 0);
	struct atxf_ring_header *h = p->mem;
	struct atxf_ring_desc d;

	(void)state;
	for (uint32_t id = 1; id <= 4; id++)
		raw_submit(p, req(id, 0, 8));
	assert_int_equal(serve_all(p, 0), 4);
	atxf_ring_publish(&p->driver);
	for (uint32_t id = 5; id <= 8; id++)
		raw_submit(p, req(id, 0, 8));
	assert_int_equal(atxf_ring_next(&p->driver, &d), 0);
	h->cq.cons = 4;                         /* the client reaps at last */
	assert_int_equal(serve_all(p, 0), 4);
	assert_null(p->driver.broken);
	pair_free(p);
}

/* The driver checks the header it is given, and keeps nothing of a bad one. */
static void a_forged_header_is_refused_at_attach(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct atxf_ring_header *h = p->mem;
	const struct atxf_ring_header good = *h;
	struct atxf_ring r;

	(void)state;
	h->magic ^= 1;
	assert_int_equal(atxf_ring_driver_attach(&r, p->mem, p->size, 0, 0), -ATXF_EPROTO);
	assert_string_equal(r.broken, "not a ring region (bad magic)");
	*h = good;
	h->entries = 12;
	assert_int_equal(atxf_ring_driver_attach(&r, p->mem, p->size, 0, 0), -ATXF_EPROTO);
	assert_string_equal(r.broken, "ring entries not a power of two in 2..256");
	*h = good;
	h->data_size += 4096;                   /* more data than the grant holds */
	assert_int_equal(atxf_ring_driver_attach(&r, p->mem, p->size, 0, 0), -ATXF_EPROTO);
	assert_string_equal(r.broken, "data area does not match the region's size");
	*h = good;
	h->sq.prod = 100;                       /* 100 waiting in 8 slots */
	assert_int_equal(atxf_ring_driver_attach(&r, p->mem, p->size, 0, 0), -ATXF_EPROTO);
	assert_string_equal(r.broken, "ring indices more than the ring size apart");
	*h = good;
	assert_int_equal(atxf_ring_driver_attach(&r, p->mem, p->size - 4096, 0, 0),
			 -ATXF_EPROTO);         /* the grant is smaller than the header says */
	pair_free(p);
}

/* The client takes its pages back (SYS_SHM_REVOKE): the driver finds out
 * without touching them, refuses, and serves another client. The request
 * it took before the revoke reads zeros, not the client's bytes. */
static void a_revoked_region_is_detected(void **state)
{
	struct pair *p = pair_new(8, 4096, 0);
	struct pair *other = pair_new(8, 4096, 0);
	struct atxf_ring_desc d;
	const uint8_t zeros[8] = { 0 };
	uint8_t *bytes;

	(void)state;
	bytes = atxf_ring_data(&p->client, 0, 8);
	memset(bytes, 0x5a, 8);
	raw_submit(p, req(1, 0, 8));
	assert_int_equal(atxf_ring_next(&p->driver, &d), 1);
	assert_int_equal(atxf_ring_check(&p->driver), 0);
	pair_revoke(p);
	assert_memory_equal(atxf_ring_data(&p->driver, d.offset, d.length), zeros, 8);
	assert_int_equal(atxf_ring_check(&p->driver), -ATXF_ESTALE);
	assert_int_equal(atxf_ring_next(&p->driver, &d), -ATXF_ESTALE);
	assert_int_equal(atxf_ring_complete(&p->driver, 1, 0, 8), -ATXF_ESTALE);
	assert_int_equal(atxf_ring_publish(&p->driver), -ATXF_ESTALE);
	assert_int_equal(atxf_ring_arm(&p->driver), -ATXF_ESTALE);
	still_serves(other, 1);
	pair_free(other);
	pair_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bytes_outside_the_data_area_are_refused),
		cmocka_unit_test(an_id_already_in_flight_is_refused),
		cmocka_unit_test(unknown_ids_on_completion_are_refused),
		cmocka_unit_test(descriptors_are_copied_before_use),
		cmocka_unit_test(a_producer_index_moved_backwards_breaks_the_ring),
		cmocka_unit_test(a_producer_index_too_far_ahead_breaks_the_ring),
		cmocka_unit_test(a_consumer_index_ahead_of_completions_breaks_the_ring),
		cmocka_unit_test(unreaped_completions_hold_back_new_requests),
		cmocka_unit_test(a_forged_header_is_refused_at_attach),
		cmocka_unit_test(a_revoked_region_is_detected),
	};

	return cmocka_run_group_tests_name("ring: a hostile client", tests, NULL, NULL);
}
