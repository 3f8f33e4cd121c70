/*
 * Host tests of the driver framework's reports to subscribers
 * (sdk/lib/driver/report.c, subscribers.c): input events batched up to a
 * SYN, received bytes in DATA chunks, received frames inline or through the
 * subscriber's ring; a full subscriber gets input and char events later
 * from the backlog, only a full backlog loses input (char applies
 * back-pressure instead), a dead one is forgotten, and the driver never
 * blocks on either.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/driver/char.h>
#include <atxf/driver/input.h>
#include <atxf/driver/net.h>
#include <atxf/fake.h>
#include <atxf/port.h>
#include "test_driver_ports.h"
#include "test_driver_util.h"

/* Drivers of a class with none of its callbacks. */
static const struct atxf_driver plain_input = { .name = "plain", .cls = &atxf_input_class };
static const struct atxf_driver plain_char = { .name = "plain", .cls = &atxf_char_class };
static const struct atxf_driver plain_net = { .name = "plain", .cls = &atxf_net_class };

static int fresh(void **state)
{
	(void)state;
	tport_reset();
	return 0;
}

/* The i-th message sent, checked to be a non-blocking send to port of type. */
static const struct atxf_msg *sent(unsigned i, atxf_handle_t port, uint32_t type)
{
	assert_true(i < tport.nsent);
	assert_int_equal(tport.sent[i].port, port);
	assert_int_equal(tport.sent[i].flags & ATXF_IPC_NONBLOCK, ATXF_IPC_NONBLOCK);
	assert_int_equal(tport.sent[i].msg.type, type);
	return &tport.sent[i].msg;
}

static struct atxf_input_event key(uint16_t code, int32_t value)
{
	return (struct atxf_input_event){ .type = ATXF_EV_KEY, .code = code, .value = value };
}

static const struct atxf_input_event syn = { .type = ATXF_EV_SYN };

/* ---- input ---- */

static void test_input_events_go_out_at_syn(void **state)
{
	struct atxf_input_event a = key(ATXF_KEY_A, ATXF_KEY_PRESS);
	struct atxf_input_events got;
	atxf_handle_t p1, p2;
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_INPUT, &plain_input);
	p1 = tdev_subscribe(&t, 10, ATXF_INPUT_SUBSCRIBE, NULL, 0);
	p2 = tdev_subscribe(&t, 11, ATXF_INPUT_SUBSCRIBE, NULL, 0);
	atxf_fake_clock_advance(5000);
	assert_int_equal(atxf_input_report(&t.dev, &a), 0);
	assert_int_equal(tport.nsent, 0);       /* held until the group ends */
	assert_int_equal(atxf_input_report(&t.dev, &syn), 0);
	assert_int_equal(tport.nsent, 2);       /* one EVENT per subscriber */
	memcpy(&got, sent(0, p1, ATXF_INPUT_EVENT)->data, sizeof(got));
	assert_int_equal(tport.sent[0].msg.len, 8 + 2 * 16);
	assert_int_equal(got.count, 2);
	assert_int_equal(got.dropped, 0);
	assert_int_equal(got.ev[0].code, ATXF_KEY_A);
	assert_int_equal(got.ev[0].value, ATXF_KEY_PRESS);
	assert_int_equal(got.ev[0].time_ns, 5000);      /* stamped when 0 */
	assert_int_equal(got.ev[1].type, ATXF_EV_SYN);
	sent(1, p2, ATXF_INPUT_EVENT);
	assert_int_equal(t.core.count.events, 2);
}

static void test_input_batches_split_when_full(void **state)
{
	struct atxf_input_event e = key(ATXF_KEY_B, ATXF_KEY_REPEAT);
	struct atxf_input_events got;
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_INPUT, &plain_input);
	tdev_subscribe(&t, 10, ATXF_INPUT_SUBSCRIBE, NULL, 0);
	e.time_ns = 77;                         /* a driver's own time is kept */
	for (int i = 0; i < ATXF_INPUT_EVENTS_MAX + 1; i++)
		atxf_input_report(&t.dev, &e);
	assert_int_equal(tport.nsent, 1);
	memcpy(&got, tport.sent[0].msg.data, sizeof(got));
	assert_int_equal(got.count, ATXF_INPUT_EVENTS_MAX);
	assert_int_equal(got.ev[4].time_ns, 77);
	/* The rest goes when the callback that reported it returns. */
	atxf__input_flush(&t.dev);
	assert_int_equal(tport.nsent, 2);
	memcpy(&got, tport.sent[1].msg.data, sizeof(got));
	assert_int_equal(got.count, 1);
}

static void test_reports_of_another_class_are_refused(void **state)
{
	struct atxf_input_event a = key(ATXF_KEY_A, 1);
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_CHAR, &plain_char);
	assert_int_equal(atxf_input_report(&t.dev, &a), -ATXF_EINVAL);
	assert_int_equal(atxf_net_received(&t.dev, "x", 1), -ATXF_EINVAL);
	tdev_init(&t, ATXF_CLASS_INPUT, &plain_input);
	assert_int_equal(atxf_char_received(&t.dev, "x", 1), -ATXF_EINVAL);
}

/* A subscriber whose queue is full gets its events later, in order; the other is not held up. */
static void test_a_full_subscriber_gets_its_events_later(void **state)
{
	struct atxf_input_event a = key(ATXF_KEY_C, 1);
	struct atxf_input_events got;
	atxf_handle_t slow, fast;
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_INPUT, &plain_input);
	slow = tdev_subscribe(&t, 10, ATXF_INPUT_SUBSCRIBE, NULL, 0);
	fast = tdev_subscribe(&t, 11, ATXF_INPUT_SUBSCRIBE, NULL, 0);
	tport.bad_port = slow;
	tport.port_err = -ATXF_EAGAIN;
	atxf_input_report(&t.dev, &a);
	atxf_input_report(&t.dev, &syn);        /* an EVENT of 2 */
	atxf_input_report(&t.dev, &syn);        /* an EVENT of 1 */
	assert_int_equal(tport.nsent, 2);       /* only fast took them */
	assert_true(atxf__backlog_pending(&t.dev));
	assert_true(atxf__timer_wait_ns(&t.dev) <= ATXF_DRIVER_RETRY_NS);
	tport.bad_port = ATXF_HANDLE_NONE;
	atxf__backlog_poll(&t.dev);
	assert_int_equal(tport.nsent, 4);
	memcpy(&got, sent(2, slow, ATXF_INPUT_EVENT)->data, sizeof(got));
	assert_int_equal(got.count, 2);
	assert_int_equal(got.ev[0].code, ATXF_KEY_C);
	assert_int_equal(got.dropped, 0);
	memcpy(&got, sent(3, slow, ATXF_INPUT_EVENT)->data, sizeof(got));
	assert_int_equal(got.count, 1);
	assert_false(atxf__backlog_pending(&t.dev));
	assert_int_equal(t.core.count.dropped, 0);
	(void)fast;
}

/* Only a full backlog loses input events; the subscriber hears how many. */
static void test_a_full_backlog_loses_events_and_says_so(void **state)
{
	struct atxf_input_events got;
	atxf_handle_t slow;
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_INPUT, &plain_input);
	slow = tdev_subscribe(&t, 10, ATXF_INPUT_SUBSCRIBE, NULL, 0);
	tport.bad_port = slow;
	tport.port_err = -ATXF_EAGAIN;
	for (int i = 0; i < ATXF_DRIVER_BACKLOG + 3; i++)
		atxf_input_report(&t.dev, &syn);
	assert_int_equal(t.core.count.dropped, 3);
	tport.bad_port = ATXF_HANDLE_NONE;
	atxf__backlog_poll(&t.dev);
	assert_int_equal(tport.nsent, ATXF_DRIVER_BACKLOG);
	memcpy(&got, sent(0, slow, ATXF_INPUT_EVENT)->data, sizeof(got));
	assert_int_equal(got.dropped, 3);
	memcpy(&got, sent(1, slow, ATXF_INPUT_EVENT)->data, sizeof(got));
	assert_int_equal(got.dropped, 0);
}

static void test_a_dead_subscriber_is_forgotten(void **state)
{
	atxf_handle_t dead;
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_INPUT, &plain_input);
	dead = tdev_subscribe(&t, 10, ATXF_INPUT_SUBSCRIBE, NULL, 0);
	tdev_subscribe(&t, 11, ATXF_INPUT_SUBSCRIBE, NULL, 0);
	tport.bad_port = dead;
	tport.port_err = -ATXF_EPEER;
	atxf_input_report(&t.dev, &syn);
	assert_int_equal(atxf__subscriber_count(&t.dev), 1);
	assert_false(tport_handle_live(dead));  /* its handle was dropped */
	atxf_input_report(&t.dev, &syn);
	assert_int_equal(tport.nsent, 2);       /* the live one got both */
}

/* One subscription per client: subscribing again replaces the port. */
static void test_subscribing_again_replaces(void **state)
{
	atxf_handle_t old, new;
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_INPUT, &plain_input);
	old = tdev_subscribe(&t, 10, ATXF_INPUT_SUBSCRIBE, NULL, 0);
	new = tdev_subscribe(&t, 10, ATXF_INPUT_SUBSCRIBE, NULL, 0);
	assert_int_equal(atxf__subscriber_count(&t.dev), 1);
	assert_false(tport_handle_live(old));
	atxf_input_report(&t.dev, &syn);
	sent(0, new, ATXF_INPUT_EVENT);
}

/* A full table first forgets subscribers that died; then refuses. */
static void test_a_full_table_sweeps_the_dead(void **state)
{
	struct atxf_msg reply, req;
	atxf_handle_t first = ATXF_HANDLE_NONE;
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_CHAR, &plain_char);
	for (uint32_t pid = 100; pid < 100 + ATXF_DRIVER_MAX_SUBSCRIBERS; pid++) {
		atxf_handle_t p = tdev_subscribe(&t, pid, ATXF_CHAR_SUBSCRIBE, NULL, 0);

		assert_int_not_equal(p, ATXF_HANDLE_NONE);
		if (first == ATXF_HANDLE_NONE)
			first = p;
	}
	memset(&req, 0, sizeof(req));
	req.type = ATXF_CHAR_SUBSCRIBE;
	req.sender = 200;
	req.ncaps = 1;
	req.caps[0] = tport_client_port();
	assert_int_equal(atxf_driver_dispatch(&t.dev, &req, &reply), -ATXF_ENOSPC);
	tport.bad_port = first;
	tport.port_err = -ATXF_EPEER;           /* the first subscriber has died */
	assert_int_equal(atxf_driver_dispatch(&t.dev, &req, &reply), 0);
	assert_int_equal(atxf__subscriber_count(&t.dev), ATXF_DRIVER_MAX_SUBSCRIBERS);
}

/* ---- char ---- */

static void test_received_bytes_go_out_in_chunks(void **state)
{
	uint8_t bytes[200];
	atxf_handle_t p;
	struct tdev t;

	(void)state;
	for (unsigned i = 0; i < sizeof(bytes); i++)
		bytes[i] = (uint8_t)i;
	tdev_init(&t, ATXF_CLASS_CHAR, &plain_char);
	p = tdev_subscribe(&t, 10, ATXF_CHAR_SUBSCRIBE, NULL, 0);
	assert_int_equal(atxf_char_received(&t.dev, bytes, sizeof(bytes)), sizeof(bytes));
	assert_int_equal(tport.nsent, 3);
	assert_int_equal(sent(0, p, ATXF_CHAR_DATA)->len, 4 + ATXF_CHAR_DATA_MAX);
	assert_int_equal(sent(1, p, ATXF_CHAR_DATA)->len, 4 + ATXF_CHAR_DATA_MAX);
	assert_int_equal(sent(2, p, ATXF_CHAR_DATA)->len, 4 + 200 - 2 * ATXF_CHAR_DATA_MAX);
	assert_memory_equal(tport.sent[0].msg.data + 4, bytes, ATXF_CHAR_DATA_MAX);
	assert_memory_equal(tport.sent[2].msg.data + 4, bytes + 2 * ATXF_CHAR_DATA_MAX, 32);
}

static int resumed;

static void count_resume(struct atxf_device *dev)
{
	(void)dev;
	resumed++;
}

static const struct atxf_char_ops char_ops = { .resume = count_resume };
static const struct atxf_driver resume_ops = { .name = "resume", ATXF_CHAR_OPS(char_ops) };

/* Bytes wait for a full subscriber and arrive whole, in order. */
static void test_char_bytes_wait_for_a_full_subscriber(void **state)
{
	struct atxf_char_data got;
	atxf_handle_t p;
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_CHAR, &plain_char);
	p = tdev_subscribe(&t, 10, ATXF_CHAR_SUBSCRIBE, NULL, 0);
	tport.bad_port = p;
	tport.port_err = -ATXF_EAGAIN;
	assert_int_equal(atxf_char_received(&t.dev, "hello", 5), 5);
	assert_int_equal(atxf_char_received(&t.dev, "!", 1), 1);
	assert_int_equal(tport.nsent, 0);
	tport.bad_port = ATXF_HANDLE_NONE;
	atxf__backlog_poll(&t.dev);
	assert_int_equal(tport.nsent, 2);
	memcpy(&got, sent(0, p, ATXF_CHAR_DATA)->data, sizeof(got));
	assert_int_equal(got.dropped, 0);
	assert_memory_equal(got.data, "hello", 5);
	memcpy(&got, sent(1, p, ATXF_CHAR_DATA)->data, sizeof(got));
	assert_int_equal(got.data[0], '!');
	assert_int_equal(t.core.count.rx_bytes, 6);
}

/*
 * A full backlog takes only what fits: the rest stays with the driver,
 * which hears .resume once there is room, and nothing is ever lost.
 */
static void test_char_backpressure_then_resume(void **state)
{
	static uint8_t big[ATXF_DRIVER_BACKLOG * ATXF_CHAR_DATA_MAX + 10];
	atxf_handle_t p;
	struct tdev t;

	(void)state;
	resumed = 0;
	tdev_init(&t, ATXF_CLASS_CHAR, &resume_ops);
	assert_int_equal(atxf_char_received(&t.dev, "x", 1), 0);   /* nobody to hold it for */
	p = tdev_subscribe(&t, 10, ATXF_CHAR_SUBSCRIBE, NULL, 0);
	atxf__backlog_poll(&t.dev);
	assert_int_equal(resumed, 1);           /* a subscriber came: offer it again */
	tport.bad_port = p;
	tport.port_err = -ATXF_EAGAIN;
	assert_int_equal(atxf_char_received(&t.dev, big, sizeof(big)),
			 ATXF_DRIVER_BACKLOG * ATXF_CHAR_DATA_MAX);
	assert_int_equal(t.core.count.dropped, 0);
	atxf__backlog_poll(&t.dev);
	assert_int_equal(resumed, 1);           /* still full: no resume */
	tport.bad_port = ATXF_HANDLE_NONE;
	atxf__backlog_poll(&t.dev);
	assert_int_equal(tport.nsent, ATXF_DRIVER_BACKLOG);
	assert_int_equal(resumed, 2);
	assert_int_equal(t.core.count.rx_held, 2);
}

/* ---- net ---- */

struct ring_client {
	struct tdev t;
	uint8_t *buf;               /* the client's attached buffer */
	atxf_handle_t port;
};

#define SLOT 1536
#define RING_AT 8192

/* A net device with one client: a 64 KiB buffer with a 4-slot ring at 8 KiB. */
static void ring_client(struct ring_client *c, uint32_t slots)
{
	struct atxf_net_subscribe sub = { .ring_offset = slots ? RING_AT : 0,
					  .slot_size = slots ? SLOT : 0, .slots = slots };

	tdev_init(&c->t, ATXF_CLASS_NET, &plain_net);
	c->t.dev.info.net.mtu = 1500;
	c->buf = tdev_attach(&c->t, TDEV_CLIENT, 65536);
	assert_non_null(c->buf);
	c->port = tdev_subscribe(&c->t, TDEV_CLIENT, ATXF_NET_SUBSCRIBE, &sub, sizeof(sub));
	assert_int_not_equal(c->port, ATXF_HANDLE_NONE);
}

static struct atxf_net_slot *slot(struct ring_client *c, unsigned i)
{
	return (struct atxf_net_slot *)(c->buf + RING_AT + i * SLOT);
}

static struct atxf_net_received received(unsigned i, atxf_handle_t port)
{
	struct atxf_net_received r;

	memcpy(&r, sent(i, port, ATXF_NET_RECEIVED)->data, sizeof(r));
	return r;
}

static void test_small_frames_travel_inline(void **state)
{
	uint8_t frame[60];
	struct atxf_net_received r;
	struct ring_client c;

	(void)state;
	memset(frame, 0xab, sizeof(frame));
	ring_client(&c, 0);
	assert_int_equal(atxf_net_received(&c.t.dev, frame, sizeof(frame)), 0);
	r = received(0, c.port);
	assert_int_equal(tport.sent[0].msg.len, 16 + 60);
	assert_int_equal(r.slot, ATXF_NET_SLOT_INLINE);
	assert_int_equal(r.len, 60);
	assert_memory_equal(r.data, frame, 60);
}

static void test_large_frames_go_through_the_ring(void **state)
{
	static uint8_t frame[1000];
	struct atxf_net_received r;
	struct ring_client c;

	(void)state;
	for (unsigned i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(i * 7);
	ring_client(&c, 4);
	atxf_net_received(&c.t.dev, frame, sizeof(frame));
	atxf_net_received(&c.t.dev, frame, 500);
	r = received(0, c.port);
	assert_int_equal(tport.sent[0].msg.len, 16);
	assert_int_equal(r.slot, 0);
	assert_int_equal(r.len, 1000);
	assert_int_equal(slot(&c, 0)->state, ATXF_NET_SLOT_FULL);
	assert_int_equal(slot(&c, 0)->len, 1000);
	assert_memory_equal(slot(&c, 0) + 1, frame, 1000);
	assert_int_equal(received(1, c.port).slot, 1);
	assert_int_equal(slot(&c, 1)->len, 500);
}

/* A ring the client has not emptied: frames are dropped, then it catches up. */
static void test_a_full_ring_drops_frames(void **state)
{
	static uint8_t frame[800];
	struct ring_client c;

	(void)state;
	ring_client(&c, 2);
	for (int i = 0; i < 4; i++)
		atxf_net_received(&c.t.dev, frame, sizeof(frame));
	assert_int_equal(tport.nsent, 2);       /* slots 0 and 1; two frames lost */
	slot(&c, 0)->state = ATXF_NET_SLOT_FREE;        /* the client read slot 0 */
	atxf_net_received(&c.t.dev, frame, sizeof(frame));
	assert_int_equal(received(2, c.port).slot, 0);
	assert_int_equal(received(2, c.port).dropped, 2);
	atxf_net_received(&c.t.dev, frame, sizeof(frame));      /* slot 1 still FULL */
	assert_int_equal(tport.nsent, 3);
}

/* A subscriber without a ring gets small frames only; large ones count as lost. */
static void test_no_ring_means_inline_only(void **state)
{
	static uint8_t frame[1000];
	struct ring_client c;

	(void)state;
	ring_client(&c, 0);
	atxf_net_received(&c.t.dev, frame, sizeof(frame));
	atxf_net_received(&c.t.dev, frame, 42);
	assert_int_equal(tport.nsent, 1);
	assert_int_equal(received(0, c.port).dropped, 1);
	assert_int_equal(received(0, c.port).len, 42);
}

/* When the event cannot be sent, the slot goes back to the driver. */
static void test_an_unsent_event_frees_its_slot(void **state)
{
	static uint8_t frame[900];
	struct ring_client c;

	(void)state;
	ring_client(&c, 4);
	tport.bad_port = c.port;
	tport.port_err = -ATXF_EAGAIN;
	atxf_net_received(&c.t.dev, frame, sizeof(frame));
	assert_int_equal(slot(&c, 0)->state, ATXF_NET_SLOT_FREE);
	tport.bad_port = ATXF_HANDLE_NONE;
	atxf_net_received(&c.t.dev, frame, sizeof(frame));
	assert_int_equal(received(0, c.port).slot, 0);
	assert_int_equal(received(0, c.port).dropped, 1);
}

/* Re-attaching a smaller buffer must not let the ring run past it. */
static void test_a_ring_outside_a_new_buffer_is_not_written(void **state)
{
	static uint8_t frame[900];
	struct ring_client c;

	(void)state;
	ring_client(&c, 4);
	assert_non_null(tdev_attach(&c.t, TDEV_CLIENT, 4096));
	atxf_net_received(&c.t.dev, frame, sizeof(frame));
	assert_int_equal(tport.nsent, 0);
	assert_int_equal(c.t.core.count.dropped, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_input_events_go_out_at_syn, fresh),
		cmocka_unit_test_setup(test_input_batches_split_when_full, fresh),
		cmocka_unit_test_setup(test_reports_of_another_class_are_refused, fresh),
		cmocka_unit_test_setup(test_a_full_subscriber_gets_its_events_later, fresh),
		cmocka_unit_test_setup(test_a_full_backlog_loses_events_and_says_so, fresh),
		cmocka_unit_test_setup(test_a_dead_subscriber_is_forgotten, fresh),
		cmocka_unit_test_setup(test_subscribing_again_replaces, fresh),
		cmocka_unit_test_setup(test_a_full_table_sweeps_the_dead, fresh),
		cmocka_unit_test_setup(test_received_bytes_go_out_in_chunks, fresh),
		cmocka_unit_test_setup(test_char_bytes_wait_for_a_full_subscriber, fresh),
		cmocka_unit_test_setup(test_char_backpressure_then_resume, fresh),
		cmocka_unit_test_setup(test_small_frames_travel_inline, fresh),
		cmocka_unit_test_setup(test_large_frames_go_through_the_ring, fresh),
		cmocka_unit_test_setup(test_a_full_ring_drops_frames, fresh),
		cmocka_unit_test_setup(test_no_ring_means_inline_only, fresh),
		cmocka_unit_test_setup(test_an_unsent_event_frees_its_slot, fresh),
		cmocka_unit_test_setup(test_a_ring_outside_a_new_buffer_is_not_written, fresh),
	};

	return cmocka_run_group_tests_name("driver framework: events to subscribers", tests,
					   NULL, NULL);
}
