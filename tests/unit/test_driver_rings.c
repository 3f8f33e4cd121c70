/*
 * Host tests of request rings THROUGH the driver framework: a block (and a
 * net) device served by sdk/lib/driver, clients using the real ring
 * library on real regions (test_driver_ringfix.h). Covers wrap-around,
 * full and empty rings, batching into one signal, suppression, deferred
 * completion out of order, timeouts, cancellation when the client dies,
 * STOP, the call path deferred, and net RECV buffers. The hostile client
 * is test_driver_rings_hostile.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <cmocka.h>
#include <atxf/driver.h>
#include <atxf/fake.h>
#include <atxf/port.h>
#include <atxf/ring.h>
#include "core.h"
#include "test_driver_ports.h"
#include "test_driver_ringfix.h"
#include "test_driver_util.h"

/* ---- the cases ---- */

static void test_batch_is_one_signal(void **state)
{
	struct client c;

	(void)state;
	one_client(&c, 8, 0);
	for (uint32_t i = 0; i < 5; i++)
		submit_read(&c, i, 100 + i, i);
	assert_int_equal(atxf_ring_kick(&c.ring), 1);   /* the driver asked: wake at 0 */
	ring_doorbell(&c);
	assert_int_equal(drv.reads, 5);
	assert_int_equal(signals(&c), 1);               /* five completions, one signal */
	assert_int_equal(reap_check(&c, 100, 8), 5);
	/* The driver armed before sleeping: the next kick rings again. */
	submit_read(&c, 5, 105, 5);
	assert_int_equal(atxf_ring_kick(&c.ring), 1);
}

static void test_empty_doorbell_changes_nothing(void **state)
{
	struct client c;

	(void)state;
	one_client(&c, 4, 0);
	ring_doorbell(&c);
	ring_doorbell(&c);
	assert_int_equal(drv.reads, 0);
	assert_int_equal(signals(&c), 0);
	assert_int_equal(t.core.count.requests, 1);     /* the ATTACH_RING alone */
}

static void test_wrap_around(void **state)
{
	struct client c;
	uint32_t id = 0;

	(void)state;
	one_client(&c, 4, 0);
	/* 300 requests through 4 slots: the indices wrap 75 times. */
	while (id < 300) {
		for (uint32_t k = 0; k < 3; k++, id++)
			submit_read(&c, id, id, id % 4);
		atxf_ring_kick(&c.ring);
		ring_doorbell(&c);
		assert_int_equal(reap_check(&c, 0, 4), 3);
	}
	assert_int_equal(drv.reads, 300);
	assert_null(c.ring.broken);
}

static void test_full_ring_deferred_out_of_order(void **state)
{
	struct client c;
	struct atxf_ring_desc extra = rd(99, ATXF_BLOCK_OP_READ, 0, 0, SECTOR);
	static const unsigned order[8] = { 5, 2, 7, 0, 3, 6, 1, 4 };

	(void)state;
	one_client(&c, 8, 1);
	for (uint32_t i = 0; i < 8; i++)
		submit_read(&c, i, 200 + i, i);
	assert_int_equal(atxf_ring_submit(&c.ring, &extra), -ATXF_EAGAIN);   /* full */
	atxf_ring_kick(&c.ring);
	ring_doorbell(&c);
	assert_int_equal(drv.nheld, 8);
	assert_int_equal(t.core.pending, 8);
	assert_int_equal(signals(&c), 0);               /* nothing done yet */
	/* "The IRQ" completes them in another order, half per turn. */
	for (unsigned k = 0; k < 8; k++) {
		assert_int_equal(finish_held(order[k]), 0);
		if (k == 3)
			atxf__rings_flush(&t.dev);
	}
	atxf__rings_flush(&t.dev);
	assert_int_equal(t.core.pending, 0);
	assert_int_equal(reap_check(&c, 200, 8), 8);
	assert_int_equal(drv.cancels, 0);
}

static void test_double_complete_refused(void **state)
{
	struct client c;
	struct atxf_request *r;

	(void)state;
	one_client(&c, 4, 1);
	read_now(&c, 1, 0, 0);
	r = drv.held[0];
	assert_int_equal(finish_held(0), 0);
	assert_int_equal(atxf_request_complete(r, 0, 0), -ATXF_ENOENT);
	assert_int_equal(atxf_request_complete(NULL, 0, 0), -ATXF_ENOENT);
	assert_null(atxf_request_current(&t.dev));      /* outside a callback */
}

static void test_timeout_cancels_once(void **state)
{
	struct client c;
	struct atxf_ring_desc d;

	(void)state;
	one_client(&c, 4, 1);
	submit_read(&c, 1, 1, 1);
	submit_read(&c, 2, 2, 2);
	atxf_ring_kick(&c.ring);
	ring_doorbell(&c);
	assert_int_equal(atxf_request_timeout(drv.held[0], 5000000), 0);
	assert_true(atxf__requests_wait_ns(&t.dev) <= 5000000);
	atxf_fake_clock_advance(4000000);
	atxf__requests_expire(&t.dev);
	assert_int_equal(drv.cancels, 0);
	atxf_fake_clock_advance(2000000);
	atxf__requests_expire(&t.dev);
	atxf__requests_expire(&t.dev);
	atxf__rings_flush(&t.dev);
	assert_int_equal(drv.cancels, 1);
	assert_int_equal(drv.last_why, -ATXF_ETIMEDOUT);
	assert_int_equal(atxf_ring_reap(&c.ring, &d), 1);
	assert_int_equal(d.id, 1);
	assert_int_equal(d.status, -ATXF_ETIMEDOUT);
	/* The other one still completes normally. */
	assert_int_equal(finish_held(1), 0);
	atxf__rings_flush(&t.dev);
	assert_int_equal(reap_check(&c, 0, 4), 1);
}

static void test_client_death_cancels_in_flight(void **state)
{
	struct client a, b;

	(void)state;
	two_clients(&a, &b, 8, 1);
	for (uint32_t i = 0; i < 3; i++)
		submit_read(&a, i, i, i);
	atxf_ring_kick(&a.ring);
	ring_doorbell(&a);
	read_now(&b, 0, 0, 0);
	assert_int_equal(t.core.pending, 4);
	/* a's port dies; the kernel's death notice is the watch's bits. */
	assert_int_equal(tport.nwatches, 2);
	tport.dead_port = a.port;
	loop_turn(tport.watches[0].bits);
	loop_turn(tport.watches[0].bits);               /* a second notice: nothing more */
	assert_int_equal(drv.cancels, 3);
	assert_int_equal(drv.last_why, -ATXF_EPEER);
	assert_int_equal(t.core.pending, 1);
	assert_false(tport_handle_live(a.port));        /* its capabilities dropped */
	/* b is served on. */
	assert_int_equal(finish_held(3), 0);
	atxf__rings_flush(&t.dev);
	assert_int_equal(reap_check(&b, 0, 8), 1);
}

static void test_stop_ends_in_flight_with_enodev(void **state)
{
	struct client c;
	struct atxf_ring_desc d;

	(void)state;
	setup_device();
	drv.defer = 1;
	t.core.control_pid = TDEV_DEVMGR;
	assert_int_equal(attach(&c, TDEV_CLIENT, 4, 4 * SECTOR), 0);
	submit_read(&c, 1, 0, 0);
	submit_read(&c, 2, 0, 1);
	atxf_ring_kick(&c.ring);
	ring_doorbell(&c);
	atxf__serve(&t.dev, tport_push_request(ATXF_DRIVER_STOP, TDEV_DEVMGR, NULL, 0, 0));
	assert_int_equal(drv.cancels, 2);
	assert_int_equal(drv.last_why, -ATXF_ENODEV);
	for (int k = 0; k < 2; k++) {
		assert_int_equal(atxf_ring_reap(&c.ring, &d), 1);
		assert_int_equal(d.status, -ATXF_ENODEV);
	}
}

static void test_call_path_deferred(void **state)
{
	struct atxf_block_rw rw = { .sector = 9, .count = 2, .offset = 0 };
	uint8_t *buf, want[2 * SECTOR];

	(void)state;
	setup_device();
	drv.defer = 1;
	buf = tdev_attach(&t, TDEV_CLIENT, 4096);
	assert_non_null(buf);
	atxf__serve(&t.dev, tport_push_request(ATXF_BLOCK_READ, TDEV_CLIENT, &rw, sizeof(rw), 0x77));
	rw.sector = 20;
	rw.count = 1;
	rw.offset = 2 * SECTOR;
	atxf__serve(&t.dev, tport_push_request(ATXF_BLOCK_READ, TDEV_CLIENT, &rw, sizeof(rw), 0x78));
	assert_int_equal(tport.nreplies, 0);            /* both pending */
	assert_int_equal(finish_held(1), 0);            /* the second first */
	assert_int_equal(tport.nreplies, 1);
	assert_int_equal(tport.replies[0].port, 0x78);
	assert_int_equal(tport.replies[0].msg.type, 0);
	assert_int_equal(finish_held(0), 0);
	assert_int_equal(tport.replies[1].port, 0x77);
	fill(9, 2, want);
	assert_memory_equal(buf, want, sizeof(want));
}

static void test_caller_gone_cancels_its_call(void **state)
{
	struct atxf_block_rw rw = { .sector = 3, .count = 1 };

	(void)state;
	setup_device();
	drv.defer = 1;
	assert_non_null(tdev_attach(&t, TDEV_CLIENT, 4096));
	atxf__serve(&t.dev, tport_push_request(ATXF_BLOCK_READ, TDEV_CLIENT, &rw, sizeof(rw), 0x77));
	atxf__serve(&t.dev, tport_push_request(ATXF_BLOCK_READ, TDEV_CLIENT, &rw, sizeof(rw), 0x78));
	assert_int_equal(t.core.pending, 2);
	/* The kernel's notice (SYS_CALL_WATCH): 0x77's caller gave up. */
	tport.gone_tokens[tport.ngone++] = 0x77;
	loop_turn(1ull << ATXF_DRIVER_CALL_GONE_BIT);
	loop_turn(1ull << ATXF_DRIVER_CALL_GONE_BIT);   /* again: nothing more */
	assert_int_equal(drv.cancels, 1);
	assert_int_equal(drv.last_why, -ATXF_EPEER);
	assert_null(drv.held[0]);
	assert_int_equal(t.core.pending, 1);
	assert_int_equal(finish_held(1), 0);             /* the other still answers */
	assert_int_equal(tport.replies[tport.nreplies - 1].port, 0x78);
	assert_int_equal(tport.replies[tport.nreplies - 1].msg.type, 0);
}

static int tread_lazy(struct atxf_device *dev, uint64_t s, uint32_t n, void *buf)
{
	(void)dev, (void)s, (void)n, (void)buf;
	return ATXF_PENDING;    /* a bug: pending without taking the request */
}

static void test_pending_without_request_is_eio(void **state)
{
	static const struct atxf_driver lazy = { .block = { .read = tread_lazy } };
	struct atxf_block_rw rw = { .sector = 0, .count = 1 };

	(void)state;
	tport_reset();
	tdev_init(&t, ATXF_CLASS_BLOCK, &lazy);
	t.dev.info.block = (struct atxf_block_info){ .sector_size = SECTOR, .sectors = SECTORS };
	assert_non_null(tdev_attach(&t, TDEV_CLIENT, 4096));
	atxf__serve(&t.dev, tport_push_request(ATXF_BLOCK_READ, TDEV_CLIENT, &rw, sizeof(rw), 5));
	assert_int_equal(tport.nreplies, 1);
	assert_int_equal((int)tport.replies[0].msg.type, -ATXF_EIO);
	assert_int_equal(t.core.pending, 0);
}

/* ---- net: RECV buffers completed by frames ---- */

static int tsend(struct atxf_device *dev, const void *frame, size_t len)
{
	(void)dev, (void)frame;
	return (int)len;
}

static void test_net_recv_buffers(void **state)
{
	static const struct atxf_driver net = { .net = { .send = tsend } };
	struct atxf_ring_attach a = { .signal_bits = SIGNAL };
	struct atxf_ring_attach_reply ar;
	struct atxf_ring_desc d;
	struct atxf_msg *req;
	struct client c;
	uint8_t frame[100];
	const uint32_t bufsz = 1536;

	(void)state;
	tport_reset();
	tdev_init(&t, ATXF_CLASS_NET, &net);
	memset(&c, 0, sizeof(c));
	c.size = atxf_ring_region_size(4, 4 * bufsz);
	req = tport_push_request(ATXF_NET_ATTACH_RING, TDEV_CLIENT, &a, sizeof(a), 1);
	req->ncaps = 2;
	req->caps[0] = tport_shm(c.size, &c.mem);
	assert_int_equal(atxf_ring_format(c.mem, c.size, 4), 0);
	req->caps[1] = c.port = tport_client_port();
	tport.in_count--;
	atxf__serve(&t.dev, req);
	assert_int_equal(tport.replies[0].msg.type, 0);
	memcpy(&ar, tport.replies[0].msg.data, sizeof(ar));
	c.doorbell = ar.doorbell;
	assert_int_equal(atxf_ring_client_attach(&c.ring, c.mem, c.size, t.core.port, ar.doorbell), 0);
	/* Two buffers posted; three frames arrive: the third is lost and counted. */
	for (uint32_t i = 0; i < 2; i++) {
		d = rd(10 + i, ATXF_NET_OP_RECV, 0, i * bufsz, bufsz);
		assert_int_equal(atxf_ring_submit(&c.ring, &d), 0);
	}
	atxf_ring_kick(&c.ring);
	ring_doorbell(&c);
	for (int f = 0; f < 3; f++) {
		memset(frame, 0xa0 + f, sizeof(frame));
		assert_int_equal(atxf_net_received(&t.dev, frame, sizeof(frame) - (size_t)f), 0);
	}
	atxf__rings_flush(&t.dev);
	assert_int_equal(signals(&c), 1);
	for (uint32_t i = 0; i < 2; i++) {
		const uint8_t *got;

		assert_int_equal(atxf_ring_reap(&c.ring, &d), 1);
		assert_int_equal(d.id, 10 + i);         /* the oldest buffer first */
		assert_int_equal(d.length, 100 - i);
		got = atxf_ring_data(&c.ring, i * bufsz, d.length);
		assert_int_equal(got[0], 0xa0 + i);
		assert_int_equal(got[d.length - 1], 0xa0 + i);
	}
	/* The next buffer hears of the lost frame. */
	d = rd(12, ATXF_NET_OP_RECV, 0, 0, bufsz);
	assert_int_equal(atxf_ring_submit(&c.ring, &d), 0);
	atxf_ring_kick(&c.ring);
	ring_doorbell(&c);
	atxf_net_received(&t.dev, frame, 60);
	atxf__rings_flush(&t.dev);
	assert_int_equal(atxf_ring_reap(&c.ring, &d), 1);
	assert_int_equal(d.flags, 1);
	/* A buffer too small for a frame is refused alone; SEND goes through. */
	d = rd(13, ATXF_NET_OP_RECV, 0, 0, 64);
	assert_int_equal(atxf_ring_submit(&c.ring, &d), 0);
	d = rd(14, ATXF_NET_OP_SEND, 0, bufsz, 60);
	assert_int_equal(atxf_ring_submit(&c.ring, &d), 0);
	atxf_ring_kick(&c.ring);
	ring_doorbell(&c);
	assert_int_equal(atxf_ring_reap(&c.ring, &d), 1);
	assert_int_equal(d.status, -ATXF_ERANGE);
	assert_int_equal(atxf_ring_reap(&c.ring, &d), 1);
	assert_int_equal(d.status, 0);
	assert_int_equal(d.length, 60);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_batch_is_one_signal),
		cmocka_unit_test(test_empty_doorbell_changes_nothing),
		cmocka_unit_test(test_wrap_around),
		cmocka_unit_test(test_full_ring_deferred_out_of_order),
		cmocka_unit_test(test_double_complete_refused),
		cmocka_unit_test(test_timeout_cancels_once),
		cmocka_unit_test(test_client_death_cancels_in_flight),
		cmocka_unit_test(test_stop_ends_in_flight_with_enodev),
		cmocka_unit_test(test_call_path_deferred),
		cmocka_unit_test(test_caller_gone_cancels_its_call),
		cmocka_unit_test(test_pending_without_request_is_eio),
		cmocka_unit_test(test_net_recv_buffers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
