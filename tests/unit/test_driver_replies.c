/*
 * Host tests of what the driver framework's replies carry and what
 * dispatch keeps (sdk/lib/driver/dispatch.c, proto_*.c, clients.c): INFO
 * from the probed facts, ATTACH_BUFFER's size and its replacement, the
 * client table, RNG bytes, PING's counters, STOP, bare error replies, and
 * the display's default flush.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/driver.h>
#include <atxf/fake.h>
#include "test_driver_ports.h"
#include "test_driver_record.h"
#include "test_driver_util.h"

/* A len or handle count no message can hold never reaches a decoder. */
static void test_impossible_lengths_are_malformed(void **state)
{
	struct atxf_msg req, reply;
	struct tdev t;

	(void)state;
	tport_reset();
	tdev_init(&t, ATXF_CLASS_CHAR, &full_ops);
	memset(&rec, 0, sizeof(rec));
	memset(&req, 0, sizeof(req));
	req.type = ATXF_CHAR_WRITE;
	req.len = ATXF_MSG_DATA_MAX + 1;
	assert_int_equal(atxf_driver_dispatch(&t.dev, &req, &reply), -ATXF_EPROTO);
	req.len = 0xffffffffu;
	assert_int_equal(atxf_driver_dispatch(&t.dev, &req, &reply), -ATXF_EPROTO);
	req.type = ATXF_REQUEST(0x40, 1);       /* not even .other sees it */
	req.len = 1;
	req.ncaps = ATXF_MSG_CAPS_MAX + 1;
	assert_int_equal(atxf_driver_dispatch(&t.dev, &req, &reply), -ATXF_EPROTO);
	assert_int_equal(rec.calls, 0);
}

static void test_info_replies_carry_the_probed_facts(void **state)
{
	struct atxf_msg reply;
	struct atxf_block_info bi;
	struct atxf_net_info ni;
	struct atxf_display_info di;
	struct tdev t;

	(void)state;
	tport_reset();
	tdev_init(&t, ATXF_CLASS_BLOCK, &full_ops);
	set_info(&t, S_RO);
	assert_int_equal(tdev_request(&t, ATXF_BLOCK_INFO, TDEV_CLIENT, NULL, 0, &reply), 0);
	assert_int_equal(reply.len, sizeof(bi));
	memcpy(&bi, reply.data, sizeof(bi));
	assert_int_equal(bi.sector_size, 512);
	assert_int_equal(bi.sectors, 1000);
	assert_int_equal(bi.max_sectors, 64);
	assert_int_equal(bi.read_only, 1);

	tdev_init(&t, ATXF_CLASS_NET, &full_ops);
	set_info(&t, 0);
	assert_int_equal(tdev_request(&t, ATXF_NET_INFO, TDEV_CLIENT, NULL, 0, &reply), 0);
	assert_int_equal(reply.len, sizeof(ni));
	memcpy(&ni, reply.data, sizeof(ni));
	assert_int_equal(ni.mtu, 1500);
	assert_int_equal(ni.mac[0], 2);
	assert_int_equal(ni.mac[5], 1);
	assert_int_equal(ni.link_up, 1);

	tdev_init(&t, ATXF_CLASS_DISPLAY, &full_ops);
	set_info(&t, 0);
	assert_int_equal(tdev_request(&t, ATXF_DISPLAY_INFO, TDEV_CLIENT, NULL, 0, &reply), 0);
	memcpy(&di, reply.data, sizeof(di));
	assert_int_equal(di.width, 64);
	assert_int_equal(di.pitch, 256);
	assert_int_equal(di.bpp, 32);
}

static void test_attach_reply_and_replacement(void **state)
{
	struct atxf_msg req, reply;
	struct atxf_attach_reply ar;
	atxf_handle_t first;
	unsigned unmaps;
	struct tdev t;
	void *mem;

	(void)state;
	tport_reset();
	tdev_init(&t, ATXF_CLASS_BLOCK, &full_ops);
	memset(&req, 0, sizeof(req));
	req.type = ATXF_BLOCK_ATTACH_BUFFER;
	req.sender = TDEV_CLIENT;
	req.ncaps = 1;
	req.caps[0] = first = tport_shm(12288, &mem);
	assert_int_equal(atxf_driver_dispatch(&t.dev, &req, &reply), 0);
	assert_int_equal(reply.len, sizeof(ar));
	memcpy(&ar, reply.data, sizeof(ar));
	assert_int_equal(ar.size, 12288);
	assert_int_equal(t.core.caps_kept, 1);          /* the handle is the driver's now */

	/* Attaching again replaces the buffer: the old one is unmapped and its handle dropped. */
	unmaps = atxf_fake_shm_unmaps();
	req.caps[0] = tport_shm(4096, &mem);
	assert_int_equal(atxf_driver_dispatch(&t.dev, &req, &reply), 0);
	assert_false(tport_handle_live(first));
	assert_int_equal(atxf_fake_shm_unmaps(), unmaps + 1);
	assert_ptr_equal(atxf__client_find(&t.dev, TDEV_CLIENT)->base, mem);
}

/* One buffer per client; when the table is full the least recently used goes. */
static void test_client_table_evicts_the_least_recently_used(void **state)
{
	struct atxf_msg reply;
	struct atxf_block_rw rw = { .sector = 0, .count = 1, .offset = 0 };
	struct tdev t;

	(void)state;
	tport_reset();
	tdev_init(&t, ATXF_CLASS_BLOCK, &full_ops);
	set_info(&t, 0);
	for (uint32_t pid = 100; pid < 100 + ATXF_DRIVER_MAX_CLIENTS; pid++)
		assert_non_null(tdev_attach(&t, pid, 4096));
	/* pid 100 stays busy; pid 101 is now the least recently used. */
	assert_int_equal(tdev_request(&t, ATXF_BLOCK_READ, 100, &rw, sizeof(rw), &reply), 0);
	assert_non_null(tdev_attach(&t, 200, 4096));
	assert_int_equal(tdev_request(&t, ATXF_BLOCK_READ, 101, &rw, sizeof(rw), &reply),
			 -ATXF_EPROTO);
	assert_int_equal(tdev_request(&t, ATXF_BLOCK_READ, 100, &rw, sizeof(rw), &reply), 0);
	assert_int_equal(tdev_request(&t, ATXF_BLOCK_READ, 200, &rw, sizeof(rw), &reply), 0);
}

static void test_rng_reply_carries_the_bytes(void **state)
{
	struct atxf_rng_read rd = { .len = 10 };
	struct atxf_msg reply;
	struct tdev t;

	(void)state;
	tport_reset();
	tdev_init(&t, ATXF_CLASS_RNG, &full_ops);
	cb_ret = 6;
	assert_int_equal(tdev_request(&t, ATXF_RNG_READ, TDEV_CLIENT, &rd, sizeof(rd), &reply), 6);
	assert_int_equal(reply.len, 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(reply.data[i], i);
}

static void test_ping_reports_state_and_counters(void **state)
{
	struct atxf_driver_status st;
	struct atxf_msg reply;
	struct tdev t;

	(void)state;
	tport_reset();
	tdev_init(&t, ATXF_CLASS_CHAR, &bare_ops);
	t.core.generation = 3;
	t.core.count.irqs = 17;
	assert_int_equal(tdev_request(&t, ATXF_CHAR_WRITE, TDEV_CLIENT, "x", 1, &reply),
			 -ATXF_ENOTSUP);
	assert_int_not_equal(tdev_subscribe(&t, TDEV_CLIENT, ATXF_CHAR_SUBSCRIBE, NULL, 0),
			     ATXF_HANDLE_NONE);
	assert_int_equal(tdev_request(&t, ATXF_DRIVER_PING, 99, NULL, 0, &reply), 0);
	assert_int_equal(reply.len, sizeof(st));
	memcpy(&st, reply.data, sizeof(st));
	assert_int_equal(st.state, ATXF_DRIVER_RUNNING);
	assert_int_equal(st.generation, 3);
	assert_int_equal(st.device_class, ATXF_CLASS_CHAR);
	assert_int_equal(st.subscribers, 1);
	assert_int_equal(st.requests, 2);       /* counted before PING itself */
	assert_int_equal(st.errors, 1);
	assert_int_equal(st.irqs, 17);
	assert_int_equal(t.core.count.requests, 3);
}

static void test_stop_calls_remove_once(void **state)
{
	struct atxf_msg reply;
	struct tdev t;

	(void)state;
	tport_reset();
	tdev_init(&t, ATXF_CLASS_RNG, &full_ops);
	t.core.control_pid = TDEV_DEVMGR;
	memset(&rec, 0, sizeof(rec));
	assert_int_equal(tdev_request(&t, ATXF_DRIVER_STOP, TDEV_DEVMGR, NULL, 0, &reply), 0);
	assert_int_equal(t.core.state, ATXF_DRIVER_STOPPING);
	assert_int_equal(tdev_request(&t, ATXF_DRIVER_STOP, TDEV_DEVMGR, NULL, 0, &reply), 0);
	assert_int_equal(rec.calls, 1);
	assert_int_equal(rec.which, CB_REMOVE);
}

/* An error reply carries the error and nothing else, and keeps no handle. */
static void test_error_replies_are_bare(void **state)
{
	struct atxf_msg req, reply;
	struct tdev t;

	(void)state;
	tport_reset();
	tdev_init(&t, ATXF_CLASS_RNG, &full_ops);
	memset(&req, 0, sizeof(req));
	req.type = ATXF_REQUEST(0x40, 1);
	req.ncaps = 1;
	req.caps[0] = tport_client_port();
	cb_ret = -ATXF_EINVAL;          /* .other fills data, then fails */
	assert_int_equal(atxf_driver_dispatch(&t.dev, &req, &reply), -ATXF_EINVAL);
	assert_int_equal(reply.len, 0);
	assert_int_equal(reply.data[0], 0);
	assert_int_equal(t.core.caps_kept, 0);
	cb_ret = 0;                     /* accepted: a private protocol's handles are the driver's */
	assert_int_equal(atxf_driver_dispatch(&t.dev, &req, &reply), 0);
	assert_int_equal(t.core.caps_kept, 1);
}

/* Without .flush, a mapped screen gets exactly the rectangle's pixels. */
static void test_display_default_flush_copies_the_rectangle(void **state)
{
	struct atxf_display_rect r = { .x = 2, .y = 1, .w = 3, .h = 2 };
	static uint32_t screen[32][64];
	struct atxf_msg reply;
	uint32_t *surface;
	struct tdev t;

	(void)state;
	tport_reset();
	memset(screen, 0, sizeof(screen));
	tdev_init(&t, ATXF_CLASS_DISPLAY, &bare_ops);
	set_info(&t, 0);
	t.dev.surface = screen;
	surface = tdev_attach(&t, TDEV_CLIENT, 8192);
	assert_non_null(surface);
	for (int i = 0; i < 64 * 32; i++)
		surface[i] = 0xff000000u | (uint32_t)i;
	assert_int_equal(tdev_request(&t, ATXF_DISPLAY_FLUSH, TDEV_CLIENT, &r, sizeof(r), &reply), 0);
	for (uint32_t y = 0; y < 32; y++)
		for (uint32_t x = 0; x < 64; x++) {
			int inside = x >= 2 && x < 5 && y >= 1 && y < 3;

			assert_int_equal(screen[y][x], inside ? surface[y * 64 + x] : 0);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_impossible_lengths_are_malformed, fresh),
		cmocka_unit_test_setup(test_info_replies_carry_the_probed_facts, fresh),
		cmocka_unit_test_setup(test_attach_reply_and_replacement, fresh),
		cmocka_unit_test_setup(test_client_table_evicts_the_least_recently_used, fresh),
		cmocka_unit_test_setup(test_rng_reply_carries_the_bytes, fresh),
		cmocka_unit_test_setup(test_ping_reports_state_and_counters, fresh),
		cmocka_unit_test_setup(test_stop_calls_remove_once, fresh),
		cmocka_unit_test_setup(test_error_replies_are_bare, fresh),
		cmocka_unit_test_setup(test_display_default_flush_copies_the_rectangle, fresh),
	};

	return cmocka_run_group_tests_name("driver framework: replies", tests, NULL, NULL);
}
