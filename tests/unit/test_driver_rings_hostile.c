/*
 * Host tests of a malicious ring client against the driver framework (the
 * fixture: test_driver_ringfix.h): bad offsets, sectors, lengths, opcodes
 * and ids, an index moved backwards, a region revoked while requests are in
 * flight, a bad ATTACH_RING. Each is refused, and the driver stays up and
 * serves its other client.
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

/* ---- a malicious client ---- */

static void test_bad_descriptors_refused_alone(void **state)
{
	struct client c;
	struct atxf_ring_desc d;
	struct atxf_ring_desc *sq;
	int seen[8] = { 0 };

	(void)state;
	setup_device();
	drv.defer = 1;          /* id 1 stays in flight while its twin arrives */
	assert_int_equal(attach(&c, TDEV_CLIENT, 8, 8 * SECTOR), 0);
	submit_read(&c, 1, 0, 0);
	/* Written straight into the ring, past the client library's checks. */
	sq = (struct atxf_ring_desc *)((uint8_t *)c.mem + ATXF_RING_SQ_OFFSET);
	sq[1] = rd(2, ATXF_BLOCK_OP_READ, 0, 8 * SECTOR - 16, SECTOR);     /* past the data */
	sq[2] = rd(3, ATXF_BLOCK_OP_READ, SECTORS, 0, SECTOR);             /* past the disk */
	sq[3] = rd(4, ATXF_BLOCK_OP_READ, 0, 0, 100);                      /* not a sector */
	sq[4] = rd(5, 77, 0, 0, SECTOR);                                   /* no such opcode */
	sq[5] = rd(1, ATXF_BLOCK_OP_READ, 0, 0, SECTOR);                   /* id in flight */
	sq[6] = rd(6, ATXF_BLOCK_OP_WRITE, 0, 0, SECTOR);                  /* no .write */
	sq[7] = rd(7, ATXF_BLOCK_OP_READ, 3, SECTOR, SECTOR);              /* good */
	for (uint32_t i = 1; i < 8; i++)
		c.ring.pending.ids[c.ring.pending.n++] = i + 1;            /* let it reap them */
	__atomic_store_n(&((struct atxf_ring_header *)c.mem)->sq.prod, 8, __ATOMIC_RELEASE);
	ring_doorbell(&c);
	assert_null(t.core.ring[0].ring.broken);
	assert_int_equal(drv.reads, 2);
	assert_int_equal(finish_held(0), 0);
	assert_int_equal(finish_held(1), 0);
	atxf__rings_flush(&t.dev);
	while (atxf_ring_reap(&c.ring, &d) != 0) {
		if (d.id < 8)
			seen[d.id] = d.status ? d.status : 1;
	}
	assert_int_equal(seen[1], 1);
	assert_int_equal(seen[2], -ATXF_ERANGE);
	assert_int_equal(seen[3], -ATXF_ERANGE);
	assert_int_equal(seen[4], -ATXF_ERANGE);
	assert_int_equal(seen[5], -ATXF_ENOSYS);
	assert_int_equal(seen[6], -ATXF_ENOTSUP);
	assert_int_equal(seen[7], 1);
}

static void test_index_backwards_drops_that_client(void **state)
{
	struct client bad, good;
	struct atxf_ring_header *h;

	(void)state;
	two_clients(&bad, &good, 4, 0);
	submit_read(&bad, 1, 0, 0);
	submit_read(&bad, 2, 0, 1);
	atxf_ring_kick(&bad.ring);
	ring_doorbell(&bad);
	h = bad.mem;
	__atomic_store_n(&h->sq.prod, 1, __ATOMIC_RELEASE);    /* 2 -> 1: backwards */
	ring_doorbell(&bad);
	assert_int_equal(t.core.ring[0].pid, 0);               /* dropped */
	assert_false(tport_handle_live(bad.port));
	/* The driver is up and serves the other client. */
	read_now(&good, 1, 5, 1);
	assert_int_equal(reap_check(&good, 4, 4), 1);
}

static void test_revoked_region_drops_that_client(void **state)
{
	struct client c, other;

	(void)state;
	two_clients(&c, &other, 4, 1);
	read_now(&c, 1, 0, 0);
	assert_int_equal(drv.nheld, 1);
	/* The client takes its region back while a request is in flight. */
	munmap(c.mem, c.size);
	ring_doorbell(&c);
	assert_int_equal(t.core.ring[0].pid, 0);
	assert_int_equal(drv.cancels, 1);
	assert_int_equal(drv.last_why, -ATXF_EPEER);
	/* Completing it now is refused, and nothing touches the region. */
	assert_null(drv.held[0]);                       /* .cancel made it forget */
	drv.defer = 0;
	read_now(&other, 1, 1, 1);
	assert_int_equal(reap_check(&other, 0, 4), 1);
}

/* Revoked while two wait: completing one finds it out and ends the ring. */
static void test_revoke_found_by_a_completion(void **state)
{
	struct client c;

	(void)state;
	one_client(&c, 4, 1);
	submit_read(&c, 1, 0, 0);
	read_now(&c, 2, 1, 1);
	assert_int_equal(drv.nheld, 2);
	munmap(c.mem, c.size);
	/* The device wrote nothing (the region is gone); the driver completes. */
	assert_int_equal(atxf_request_complete(drv.held[0], -ATXF_EIO, 0), 0);
	atxf__rings_flush(&t.dev);
	assert_int_equal(t.core.ring[0].pid, 0);
	assert_int_equal(drv.cancels, 1);       /* the other one */
	assert_int_equal(t.core.pending, 0);
}

static void test_bad_attach_refused(void **state)
{
	struct client c;
	struct atxf_ring_attach a = { .signal_bits = 0 };
	struct atxf_msg *req;

	(void)state;
	setup_device();
	req = tport_push_request(ATXF_BLOCK_ATTACH_RING, TDEV_CLIENT, &a, sizeof(a), 3);
	req->ncaps = 2;
	req->caps[0] = tport_client_port();     /* not shared memory */
	req->caps[1] = tport_client_port();
	tport.in_count--;
	atxf__serve(&t.dev, req);
	assert_int_equal((int)tport.replies[0].msg.type, -ATXF_EPROTO);  /* bits 0 first */
	/* A region that is not a formatted ring. */
	memset(&c, 0, sizeof(c));
	a.signal_bits = SIGNAL;
	req = tport_push_request(ATXF_BLOCK_ATTACH_RING, TDEV_CLIENT, &a, sizeof(a), 4);
	req->ncaps = 2;
	req->caps[0] = tport_shm(8192, &c.mem);
	req->caps[1] = tport_client_port();
	tport.in_count--;
	atxf__serve(&t.dev, req);
	assert_int_equal((int)tport.replies[1].msg.type, -ATXF_EPROTO);
	assert_false(tport_handle_live(req->caps[0]));  /* nothing kept */
	assert_int_equal(t.core.ring[0].pid, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_descriptors_refused_alone),
		cmocka_unit_test(test_index_backwards_drops_that_client),
		cmocka_unit_test(test_revoked_region_drops_that_client),
		cmocka_unit_test(test_revoke_found_by_a_completion),
		cmocka_unit_test(test_bad_attach_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
