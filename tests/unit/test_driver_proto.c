/*
 * Host tests of the device-class protocols (sdk/include/atxf/proto): the
 * tables are consistent (codes unique and in their protocol, requests and
 * events numbered apart, every message fits), the wire layouts stay where
 * docs/protocols.md says, key codes are scancode set 1, and input events
 * are encoded into EVENT messages as documented.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/driver.h>
#include <atxf/driver/block.h>
#include <atxf/driver/char.h>
#include <atxf/driver/input.h>
#include <atxf/driver/net.h>
#include <atxf/driver/display.h>
#include <atxf/driver/rng.h>
#include <atxf/proto/name.h>
#include "core.h"
#include "test_driver_util.h"

struct table {
	uint32_t proto;
	const struct atxf_msg_shape *rows;
	unsigned n;
};

#define SHAPES(x) ((const struct atxf_msg_shape[]){ x(ATXF_PROTO_SHAPE_) })
#define TABLE(p, x) { p, SHAPES(x), (unsigned)(sizeof(SHAPES(x)) / sizeof(struct atxf_msg_shape)) }

static const struct table tables[] = {
	TABLE(ATXF_PROTO_DRIVER, ATXF_DRIVER_PROTOCOL),
	TABLE(ATXF_PROTO_NAME, ATXF_NAME_PROTOCOL),
	TABLE(ATXF_PROTO_BLOCK, ATXF_BLOCK_PROTOCOL),
	TABLE(ATXF_PROTO_CHAR, ATXF_CHAR_PROTOCOL),
	TABLE(ATXF_PROTO_INPUT, ATXF_INPUT_PROTOCOL),
	TABLE(ATXF_PROTO_NET, ATXF_NET_PROTOCOL),
	TABLE(ATXF_PROTO_DISPLAY, ATXF_DISPLAY_PROTOCOL),
	TABLE(ATXF_PROTO_RNG, ATXF_RNG_PROTOCOL),
};
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

/* One row's promises: prints OK or FAIL with the first one broken. */
static void check_row(const struct table *t, const struct atxf_msg_shape *s, unsigned *failed)
{
	unsigned n = s->code & 0xffffffu;
	const char *why = NULL;
	char name[80];

	if (ATXF_PROTO_OF(s->code) != t->proto)
		why = "its code is not in its protocol";
	else if (n == 0)
		why = "request 0 is reserved (a zeroed message means nothing)";
	else if (s->req_min > s->req_max)
		why = "req_min > req_max";
	else if (s->req_max > ATXF_MSG_DATA_MAX || s->reply > ATXF_MSG_DATA_MAX)
		why = "does not fit a message";
	else if (s->caps > ATXF_MSG_CAPS_MAX)
		why = "more capabilities than a message carries";
	else if (s->dir != ATXF_TO_DRIVER && s->dir != ATXF_FROM_DRIVER)
		why = "no direction";
	else if (s->dir == ATXF_TO_DRIVER && n >= ATXF_EVENT_FIRST)
		why = "a request numbered as an event";
	/* The driver protocol's FROM_DRIVER messages (HELLO, ALIVE) go to
	 * devmgr, numbered as requests; every other one is an event. */
	else if (s->dir == ATXF_FROM_DRIVER && n < ATXF_EVENT_FIRST &&
		 t->proto != ATXF_PROTO_DRIVER)
		why = "an event numbered as a request";
	snprintf(name, sizeof(name), "%s (0x%08x) is well formed", s->name, s->code);
	tcase_report(name, why == NULL, why, failed);
}

static void test_every_row_is_well_formed(void **state)
{
	unsigned failed = 0;

	(void)state;
	for (unsigned t = 0; t < NTABLES; t++)
		for (unsigned r = 0; r < tables[t].n; r++)
			check_row(&tables[t], &tables[t].rows[r], &failed);
	assert_int_equal(failed, 0);
}

static void test_codes_are_unique(void **state)
{
	(void)state;
	for (unsigned a = 0; a < NTABLES; a++)
		for (unsigned i = 0; i < tables[a].n; i++)
			for (unsigned b = 0; b < NTABLES; b++)
				for (unsigned j = 0; j < tables[b].n; j++)
					if (a != b || i != j)
						assert_int_not_equal(tables[a].rows[i].code,
								     tables[b].rows[j].code);
}

/* A built-in class's descriptor, found by its protocol (NULL: not a class's). */
static const struct atxf_driver_class *class_of(uint32_t proto)
{
	static const struct atxf_driver_class *const all[] = {
		&atxf_block_class, &atxf_char_class, &atxf_input_class,
		&atxf_net_class, &atxf_display_class, &atxf_rng_class,
	};

	for (unsigned i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (all[i]->proto == proto)
			return all[i];
	return NULL;
}

/* What a device whose driver has class cls decodes for proto. */
static const struct atxf_driver_class *decoder(const struct atxf_driver_class *cls,
					       uint32_t proto)
{
	const struct atxf_driver drv = { .cls = cls };
	const struct atxf_device dev = { .driver = &drv };

	return atxf__protocol_of(&dev, proto);
}

/*
 * The decoder the framework uses is the table: same rows, same order; the
 * driver protocol for any driver, a class's for a driver of that class.
 */
static void test_the_framework_decodes_the_tables(void **state)
{
	(void)state;
	for (unsigned t = 0; t < NTABLES; t++) {
		uint32_t proto = tables[t].proto;
		const struct atxf_driver_class *cls = class_of(proto);
		const struct atxf_driver_class *p = decoder(cls, proto);

		if (proto == ATXF_PROTO_NAME) {
			assert_null(p);         /* a driver does not serve names */
			continue;
		}
		assert_non_null(p);
		assert_true(proto == ATXF_PROTO_DRIVER || p == cls);
		assert_int_equal(p->nshapes, tables[t].n);
		for (unsigned r = 0; r < tables[t].n; r++)
			assert_ptr_equal(atxf__shape(p, tables[t].rows[r].code), &p->shape[r]);
		/* A driver of another class (or none) does not decode it. */
		if (cls)
			assert_null(decoder(proto == ATXF_PROTO_RNG ? &atxf_block_class
								  : &atxf_rng_class, proto));
	}
	assert_null(decoder(NULL, 0x40));
	assert_null(decoder(&atxf_block_class, 0x40));
}

/* Codes as docs/protocols.md lists them: a change here breaks every client. */
static void test_codes_are_stable(void **state)
{
	(void)state;
	assert_int_equal(ATXF_DRIVER_HELLO, 0x01000001);
	assert_int_equal(ATXF_DRIVER_PING, 0x01000002);
	assert_int_equal(ATXF_DRIVER_STOP, 0x01000003);
	assert_int_equal(ATXF_BLOCK_INFO, 0x10000001);
	assert_int_equal(ATXF_BLOCK_READ, 0x10000003);
	assert_int_equal(ATXF_BLOCK_FLUSH, 0x10000005);
	assert_int_equal(ATXF_CHAR_WRITE, 0x11000001);
	assert_int_equal(ATXF_CHAR_DATA, 0x11000040);
	assert_int_equal(ATXF_INPUT_SUBSCRIBE, 0x12000001);
	assert_int_equal(ATXF_INPUT_EVENT, 0x12000040);
	assert_int_equal(ATXF_NET_SEND, 0x13000003);
	assert_int_equal(ATXF_NET_RECEIVED, 0x13000040);
	assert_int_equal(ATXF_DISPLAY_FLUSH, 0x14000003);
	assert_int_equal(ATXF_RNG_READ, 0x15000001);
}

/* Field offsets as docs/protocols.md gives them. */
static void test_wire_layouts(void **state)
{
	(void)state;
	assert_int_equal(offsetof(struct atxf_driver_hello, instance), 0);
	assert_int_equal(offsetof(struct atxf_driver_hello, device_class), 64);
	assert_int_equal(offsetof(struct atxf_driver_hello, status), 68);
	assert_int_equal(offsetof(struct atxf_driver_hello, generation), 72);
	assert_int_equal(offsetof(struct atxf_driver_status, requests), 16);
	assert_int_equal(offsetof(struct atxf_driver_status, dropped), 48);
	assert_int_equal(offsetof(struct atxf_block_info, sectors), 8);
	assert_int_equal(offsetof(struct atxf_block_info, max_sectors), 16);
	assert_int_equal(offsetof(struct atxf_block_rw, count), 8);
	assert_int_equal(offsetof(struct atxf_block_rw, offset), 16);
	assert_int_equal(offsetof(struct atxf_input_event, type), 8);
	assert_int_equal(offsetof(struct atxf_input_event, code), 10);
	assert_int_equal(offsetof(struct atxf_input_event, value), 12);
	assert_int_equal(offsetof(struct atxf_input_events, ev), 8);
	assert_int_equal(offsetof(struct atxf_net_info, mtu), 6);
	assert_int_equal(offsetof(struct atxf_net_send, len), 8);
	assert_int_equal(offsetof(struct atxf_net_subscribe, slots), 12);
	assert_int_equal(offsetof(struct atxf_net_received, data), 16);
	assert_int_equal(offsetof(struct atxf_display_info, format), 16);
	assert_int_equal(offsetof(struct atxf_char_data, data), 4);
	/* Every event starts with how much its subscriber lost. */
	assert_int_equal(offsetof(struct atxf_char_data, dropped), 0);
	assert_int_equal(offsetof(struct atxf_input_events, dropped), 0);
	assert_int_equal(offsetof(struct atxf_net_received, dropped), 0);
}

/* Key codes are scancode set 1 make codes, plus 0x80 after an E0 prefix. */
static void test_key_codes_are_scancode_set_1(void **state)
{
	static const struct { int code; uint8_t make; int e0; } keys[] = {
		{ ATXF_KEY_ESC, 0x01, 0 }, { ATXF_KEY_1, 0x02, 0 }, { ATXF_KEY_0, 0x0b, 0 },
		{ ATXF_KEY_BACKSPACE, 0x0e, 0 }, { ATXF_KEY_Q, 0x10, 0 }, { ATXF_KEY_P, 0x19, 0 },
		{ ATXF_KEY_ENTER, 0x1c, 0 }, { ATXF_KEY_A, 0x1e, 0 }, { ATXF_KEY_L, 0x26, 0 },
		{ ATXF_KEY_LEFTSHIFT, 0x2a, 0 }, { ATXF_KEY_Z, 0x2c, 0 }, { ATXF_KEY_M, 0x32, 0 },
		{ ATXF_KEY_SLASH, 0x35, 0 }, { ATXF_KEY_SPACE, 0x39, 0 },
		{ ATXF_KEY_CAPSLOCK, 0x3a, 0 }, { ATXF_KEY_F1, 0x3b, 0 }, { ATXF_KEY_F10, 0x44, 0 },
		{ ATXF_KEY_KP7, 0x47, 0 }, { ATXF_KEY_KPDOT, 0x53, 0 }, { ATXF_KEY_F11, 0x57, 0 },
		{ ATXF_KEY_F12, 0x58, 0 }, { ATXF_KEY_KPENTER, 0x1c, 1 },
		{ ATXF_KEY_RIGHTCTRL, 0x1d, 1 }, { ATXF_KEY_RIGHTALT, 0x38, 1 },
		{ ATXF_KEY_UP, 0x48, 1 }, { ATXF_KEY_LEFT, 0x4b, 1 }, { ATXF_KEY_RIGHT, 0x4d, 1 },
		{ ATXF_KEY_DOWN, 0x50, 1 }, { ATXF_KEY_HOME, 0x47, 1 }, { ATXF_KEY_END, 0x4f, 1 },
		{ ATXF_KEY_DELETE, 0x53, 1 }, { ATXF_KEY_LEFTMETA, 0x5b, 1 },
	};

	(void)state;
	for (unsigned i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		assert_int_equal(keys[i].code, keys[i].make | (keys[i].e0 ? 0x80 : 0));
		assert_true(keys[i].code > 0 && keys[i].code <= ATXF_KEY_MAX);
	}
	/* Letters are not in alphabetical order in set 1: spot-check the rows. */
	assert_int_equal(ATXF_KEY_W - ATXF_KEY_Q, 1);
	assert_int_equal(ATXF_KEY_S - ATXF_KEY_A, 1);
	assert_int_equal(ATXF_KEY_X - ATXF_KEY_Z, 1);
}

/* A batch of events becomes one EVENT message: header, then the events. */
static void test_input_events_encode(void **state)
{
	struct atxf_input_events batch = { .count = 3 };
	struct atxf_input_events got;
	struct atxf_msg msg;

	(void)state;
	batch.ev[0] = (struct atxf_input_event){ 1000, ATXF_EV_REL, ATXF_REL_X, -5 };
	batch.ev[1] = (struct atxf_input_event){ 1000, ATXF_EV_BUTTON, ATXF_BTN_LEFT, 1 };
	batch.ev[2] = (struct atxf_input_event){ 1000, ATXF_EV_SYN, ATXF_SYN_REPORT, 0 };
	atxf__input_encode(&batch, &msg);
	assert_int_equal(msg.type, ATXF_INPUT_EVENT);
	assert_int_equal(msg.len, 8 + 3 * 16);
	assert_int_equal(msg.ncaps, 0);
	memcpy(&got, msg.data, msg.len);
	assert_int_equal(got.count, 3);
	assert_int_equal(got.dropped, 0);
	assert_int_equal(got.ev[0].value, -5);
	assert_int_equal(got.ev[1].code, ATXF_BTN_LEFT);
	assert_int_equal(got.ev[2].type, ATXF_EV_SYN);
	/* Bytes 8..24 are the first event, little-endian: time, type, code, value. */
	assert_int_equal(msg.data[8], 1000 & 0xff);
	assert_int_equal(msg.data[16], ATXF_EV_REL);
	assert_int_equal(msg.data[18], ATXF_REL_X);
	assert_int_equal(msg.data[20], 0xfb);   /* -5 */
	assert_int_equal(msg.data[23], 0xff);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_row_is_well_formed),
		cmocka_unit_test(test_codes_are_unique),
		cmocka_unit_test(test_the_framework_decodes_the_tables),
		cmocka_unit_test(test_codes_are_stable),
		cmocka_unit_test(test_wire_layouts),
		cmocka_unit_test(test_key_codes_are_scancode_set_1),
		cmocka_unit_test(test_input_events_encode),
	};

	return cmocka_run_group_tests_name("driver framework: protocol tables", tests, NULL, NULL);
}
