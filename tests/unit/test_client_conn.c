/*
 * The reconnect core of the class client libraries (sdk/lib/client/conn.c)
 * and the block and input clients on it, against the scripted driver of
 * test_client_world.c: a death inside a call and between calls, a driver
 * that never comes back, one that dies again during the replay, one that
 * comes back as another device, death notices (true, spurious and late),
 * the block client's lost-writes report, the block request ring carried
 * over a restart, and no handle leaked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/client/block.h>
#include <atxf/client/block_queue.h>
#include <atxf/client/input.h>
#include <atxf/proto/input.h>
#include "test_client_world.h"

#define MS      1000000ull
#define DELAY   (200 * MS)          /* devmgr's restart, in the fake clock */
#define NOTICE  0x10ull
#define MINE    40                  /* the client's own port */

static uint8_t data[WORLD_SECTOR * 8];

static void open_disk(struct atxf_block_client *b, int gens)
{
	world_reset(gens, DELAY);
	assert_int_equal(atxf_block_client_open(b, "drv", 8192, 0), 0);
	assert_string_equal(b->conn.name, "drv.dev");
	assert_int_equal(W.handles, 1);
}

static void death_inside_a_call_is_resubmitted(void **state)
{
	struct atxf_block_client b;

	(void)state;
	open_disk(&b, 1);
	W.gen[0].die_at_call = 3;       /* INFO, ATTACH, then this READ */
	assert_int_equal(atxf_block_client_read(&b, 2, 3, data), 0);
	assert_int_equal(b.conn.reconnects, 1);
	assert_int_equal(b.conn.resubmits, 1);
	assert_int_equal(world_count(0, ATXF_BLOCK_READ), 1);   /* received, never answered */
	/* The new generation got the buffer before the request came again. */
	assert_int_equal(world_count(1, ATXF_BLOCK_INFO), 1);
	assert_int_equal(world_count(1, ATXF_BLOCK_ATTACH_BUFFER), 1);
	assert_int_equal(world_count(1, ATXF_BLOCK_READ), 1);
	assert_int_equal(W.log[W.nlog - 1].type, ATXF_BLOCK_READ);
	assert_true(W.now >= DELAY);
	atxf_block_client_close(&b);
	assert_int_equal(W.handles, 0);
}

static void death_between_calls(void **state)
{
	struct atxf_block_client b;

	(void)state;
	open_disk(&b, 2);
	for (int k = 0; k < 2; k++) {
		world_kill();
		assert_int_equal(atxf_block_client_read(&b, 0, 8, data), 0);   /* 2 transfers */
	}
	assert_int_equal(b.conn.reconnects, 2);
	assert_int_equal(world_count(-1, ATXF_BLOCK_READ), 2);  /* each found a dead port */
	assert_int_equal(world_count(2, ATXF_BLOCK_READ), 2);
	assert_int_equal(W.handles, 1);
	atxf_block_client_close(&b);
	assert_int_equal(W.handles, 0);
}

/* Each sector read is its number's low byte (test_client_world.c). */
static int holds_sectors(const uint8_t *p, uint64_t sector, uint32_t count)
{
	for (uint32_t i = 0; i < count * WORLD_SECTOR; i++)
		if (p[i] != (uint8_t)(sector + i / WORLD_SECTOR))
			return 0;
	return 1;
}

static void reads_into_the_shared_buffer_land_in_place(void **state)
{
	struct atxf_block_client b;
	uint8_t *shared;

	(void)state;
	open_disk(&b, 0);
	shared = b.buf.mem;
	/* 16 sectors in 4 transfers of 4, each at its own offset: no copy. */
	assert_int_equal(atxf_block_client_read(&b, 8, 16, shared), 0);
	assert_int_equal(world_count(0, ATXF_BLOCK_READ), 4);
	assert_true(holds_sectors(shared, 8, 16));
	/* Into the caller's own memory: through the buffer's start, copied. */
	memset(data, 0, sizeof(data));
	assert_int_equal(atxf_block_client_read(&b, 30, 8, data), 0);
	assert_true(holds_sectors(data, 30, 8));
	assert_true(holds_sectors(shared, 34, 4));      /* the last transfer's bytes */
	assert_true(holds_sectors(shared + 4 * WORLD_SECTOR, 12, 12));  /* untouched */
	atxf_block_client_close(&b);
}

static void a_live_driver_answering_epeer_is_no_restart(void **state)
{
	struct atxf_block_client b;

	(void)state;
	open_disk(&b, 1);
	W.gen[0].reads_answer_epeer = 1;
	assert_int_equal(atxf_block_client_read(&b, 0, 1, data), -ATXF_EPEER);
	assert_int_equal(b.conn.reconnects, 0);
	assert_int_equal(b.conn.resubmits, 0);
	assert_int_equal(world_count(0, ATXF_BLOCK_READ), 1);   /* asked once, not again */
	assert_int_equal(W.handles, 1);
	atxf_block_client_close(&b);
}

static void never_back_is_stale_after_the_window(void **state)
{
	struct atxf_block_client b;
	uint64_t start;
	unsigned lookups;

	(void)state;
	open_disk(&b, 0);
	b.conn.restart_ns = 1000 * MS;
	world_kill();
	start = W.now;
	assert_int_equal(atxf_block_client_read(&b, 0, 1, data), -ATXF_ESTALE);
	assert_true(W.now - start >= 1000 * MS);
	assert_true(W.now - start < 1100 * MS);
	/* Stale for good: no more waiting, no more lookups. */
	lookups = W.lookups;
	start = W.now;
	assert_int_equal(atxf_block_client_read(&b, 0, 1, data), -ATXF_ESTALE);
	assert_int_equal(atxf_block_client_flush(&b), -ATXF_ESTALE);
	assert_int_equal(W.lookups, lookups);
	assert_int_equal(W.now, start);
	assert_int_equal(W.handles, 0);
	atxf_block_client_close(&b);
}

static void dies_again_during_the_replay(void **state)
{
	struct atxf_block_client b;

	(void)state;
	open_disk(&b, 2);
	W.gen[1].die_at_call = 1;       /* its INFO: the replay's first call */
	world_kill();
	assert_int_equal(atxf_block_client_read(&b, 1, 1, data), 0);
	assert_int_equal(b.conn.reconnects, 1);         /* generation 2 is the one reached */
	assert_int_equal(world_count(2, ATXF_BLOCK_ATTACH_BUFFER), 1);
	assert_int_equal(world_count(2, ATXF_BLOCK_READ), 1);
	assert_int_equal(W.handles, 1);
	atxf_block_client_close(&b);
}

static void another_device_is_stale(void **state)
{
	struct atxf_block_client b;

	(void)state;
	open_disk(&b, 1);
	W.gen[1].sectors = WORLD_SECTORS * 2;
	world_kill();
	assert_int_equal(atxf_block_client_read(&b, 0, 1, data), -ATXF_ESTALE);
	assert_int_equal(world_count(1, ATXF_BLOCK_READ), 0);
	assert_int_equal(W.handles, 0);
	atxf_block_client_close(&b);
}

static void unflushed_writes_are_reported_once(void **state)
{
	struct atxf_block_client b;

	(void)state;
	open_disk(&b, 1);
	assert_int_equal(atxf_block_client_write(&b, 0, 2, data), 0);
	assert_int_equal(atxf_block_client_flush(&b), 0);
	assert_int_equal(atxf_block_client_write(&b, 4, 1, data), 0);
	world_kill();
	assert_int_equal(atxf_block_client_flush(&b), -ATXF_ESTALE);
	assert_int_equal(atxf_block_client_flush(&b), 0);
	atxf_block_client_close(&b);
}

static void flushed_writes_are_not_reported(void **state)
{
	struct atxf_block_client b;

	(void)state;
	open_disk(&b, 1);
	assert_int_equal(atxf_block_client_write(&b, 0, 2, data), 0);
	assert_int_equal(atxf_block_client_flush(&b), 0);
	world_kill();
	assert_int_equal(atxf_block_client_flush(&b), 0);
	assert_int_equal(b.conn.reconnects, 1);
	atxf_block_client_close(&b);
}

#define RING_SIGNAL 0x2ull

/* True when id's slot holds count sectors of sector's low byte. */
static int slot_holds(struct atxf_block_queue *q, uint32_t id, uint64_t sector, uint32_t count)
{
	const uint8_t *p = atxf_block_queue_data(q, id);

	for (uint32_t i = 0; i < count * WORLD_SECTOR; i++)
		if (p[i] != (uint8_t)sector)
			return 0;
	return 1;
}

static void the_ring_carries_requests_over_a_restart(void **state)
{
	static struct atxf_block_queue q;
	struct atxf_block_client b;
	struct atxf_block_completion c;
	unsigned seen[8] = { 0 }, n = 0;

	(void)state;
	open_disk(&b, 1);
	assert_int_equal(atxf_block_queue_open(&q, &b, 8, MINE, RING_SIGNAL, NOTICE), 0);
	assert_int_equal(q.slot_sectors, 4);            /* the disk's max_sectors */
	for (uint32_t i = 0; i < 8; i++)
		assert_int_equal(atxf_block_queue_submit(&q, ATXF_BLOCK_OP_READ, 10 + i, 1 + i % 4,
							 NULL), i);
	assert_int_equal(atxf_block_queue_submit(&q, ATXF_BLOCK_OP_READ, 0, 1, NULL),
			 -ATXF_EAGAIN);
	assert_int_equal(atxf_block_queue_kick(&q), 0);
	assert_int_equal(world_serve_ring(3), 3);       /* then it dies with 5 in flight */
	world_kill();
	assert_int_equal(W.notified & NOTICE, NOTICE);
	assert_int_equal(atxf_conn_noticed(&b.conn, NOTICE), 1);
	assert_int_equal(q.resubmits, 5);
	assert_int_equal(world_serve_ring(8), 5);       /* the same 5, to the new ring */
	while (atxf_block_queue_reap(&q, &c) == 1) {
		assert_true(c.id < 8);
		assert_int_equal(c.status, 0);
		assert_int_equal(c.length, (1 + c.id % 4) * WORLD_SECTOR);
		assert_true(slot_holds(&q, c.id, 10 + c.id, 1 + c.id % 4));
		seen[c.id]++;
		n++;
	}
	assert_int_equal(n, 8);
	for (unsigned i = 0; i < 8; i++)
		assert_int_equal(seen[i], 1);                /* each id answered once */
	assert_int_equal(W.ring_served[0] + W.ring_served[1], 8);
	atxf_block_client_close(&b);
	assert_null(b.queue);
	assert_int_equal(W.handles, 0);
}

static void open_input(struct atxf_input_client *in, int gens)
{
	world_reset(gens, DELAY);
	assert_int_equal(atxf_input_client_open(in, "drv.dev", 0), 0);
	assert_int_equal(atxf_input_client_set_leds(in, ATXF_LED_CAPS_LOCK), 0);
	assert_int_equal(atxf_input_client_subscribe(in, MINE, NOTICE), 0);
	assert_int_equal(world_count(0, ATXF_INPUT_SUBSCRIBE), 1);
}

static void a_death_notice_replays_the_subscription(void **state)
{
	struct atxf_input_client in;

	(void)state;
	open_input(&in, 1);
	assert_int_equal(atxf_input_client_noticed(&in, 0x1), 0);      /* not ours */
	world_kill();
	assert_int_equal(W.notified, NOTICE);
	W.notified = 0;
	assert_int_equal(atxf_input_client_noticed(&in, NOTICE), 1);
	assert_int_equal(world_count(1, ATXF_INPUT_SET_LEDS), 1);
	assert_int_equal(world_count(1, ATXF_INPUT_SUBSCRIBE), 1);
	/* ... and the new generation is watched in turn. */
	assert_int_equal(W.gen[1].watch_bits, NOTICE);
	atxf_input_client_close(&in);
	assert_int_equal(W.handles, 0);
}

static void a_late_notice_changes_nothing(void **state)
{
	struct atxf_input_client in;
	unsigned calls;

	(void)state;
	open_input(&in, 1);
	world_kill();
	/* A call finds the death first and reconnects ... */
	assert_int_equal(atxf_input_client_set_leds(&in, 0), 0);
	assert_int_equal(in.conn.reconnects, 1);
	calls = W.nlog;
	/* ... so the notice that the old generation left is one too many. */
	assert_int_equal(atxf_input_client_noticed(&in, W.notified), 0);
	assert_int_equal(W.nlog, calls);
	assert_int_equal(in.conn.reconnects, 1);
	assert_int_equal(W.handles, 1);
	atxf_input_client_close(&in);
}

static void a_notice_with_no_driver_back_is_stale(void **state)
{
	struct atxf_input_client in;

	(void)state;
	open_input(&in, 0);
	in.conn.restart_ns = 500 * MS;
	world_kill();
	assert_int_equal(atxf_input_client_noticed(&in, NOTICE), -ATXF_ESTALE);
	assert_int_equal(atxf_input_client_set_leds(&in, 0), -ATXF_ESTALE);
	assert_int_equal(W.handles, 0);
	atxf_input_client_close(&in);
}

static void bad_names_are_refused(void **state)
{
	struct atxf_conn c;
	char longname[ATXF_NAME_MAX + 8];

	(void)state;
	world_reset(0, DELAY);
	assert_int_equal(atxf_conn_open(&c, "", 0), -ATXF_EINVAL);
	assert_int_equal(atxf_conn_call(&c, NULL, NULL, 0), -ATXF_ESTALE);  /* not open */
	assert_int_equal(atxf_conn_open(&c, NULL, 0), -ATXF_EINVAL);
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	longname[3] = '.';
	assert_int_equal(atxf_conn_open(&c, longname, 0), -ATXF_EINVAL);
	assert_int_equal(atxf_conn_open(&c, "nosuch", 0), -ATXF_ENOENT);
	assert_int_equal(atxf_conn_open(&c, "other.dev", 0), -ATXF_ENOENT);
	assert_int_equal(W.handles, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(death_inside_a_call_is_resubmitted),
		cmocka_unit_test(death_between_calls),
		cmocka_unit_test(reads_into_the_shared_buffer_land_in_place),
		cmocka_unit_test(a_live_driver_answering_epeer_is_no_restart),
		cmocka_unit_test(never_back_is_stale_after_the_window),
		cmocka_unit_test(dies_again_during_the_replay),
		cmocka_unit_test(another_device_is_stale),
		cmocka_unit_test(unflushed_writes_are_reported_once),
		cmocka_unit_test(flushed_writes_are_not_reported),
		cmocka_unit_test(the_ring_carries_requests_over_a_restart),
		cmocka_unit_test(a_death_notice_replays_the_subscription),
		cmocka_unit_test(a_late_notice_changes_nothing),
		cmocka_unit_test(a_notice_with_no_driver_back_is_stale),
		cmocka_unit_test(bad_names_are_refused),
	};

	return cmocka_run_group_tests_name("client_conn", tests, NULL, NULL);
}
