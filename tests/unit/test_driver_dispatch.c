/*
 * Host tests of the driver framework's dispatch (sdk/lib/driver/dispatch.c
 * and proto_*.c): each request of each device class reaches exactly its
 * callback with its arguments decoded; the reply carries the callback's
 * status; a missing callback is -ATXF_ENOTSUP, an unknown code
 * -ATXF_ENOSYS; a malformed, out-of-range or misdirected request is refused
 * and no callback runs. Every case is a named row; each prints OK or FAIL.
 * What the replies carry is checked in test_driver_replies.c.
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
#include <atxf/fake.h>
#include "test_driver_ports.h"
#include "test_driver_record.h"
#include "test_driver_util.h"

/* ---- a case: one request to a device set up just so ---- */

struct dcase {
	const char *name;
	uint32_t type;
	const void *data;
	uint32_t len;
	unsigned flags;
	int ret;                /* what the callback returns */
	int status;             /* the reply's status */
	int cb;                 /* the callback that must run (once), or CB_NONE */
	uint64_t a, b, c, d;    /* its arguments, as rec records them */
	uint64_t off;           /* its buffer: this far into the attached buffer */
};

static const uint8_t zeros[ATXF_MSG_DATA_MAX];

#define DATA(type, ...) .data = &(const type){ __VA_ARGS__ }, .len = sizeof(type)
#define RW(s, n, o) DATA(struct atxf_block_rw, .sector = (s), .count = (n), .offset = (o))

static int uses_buffer(int cb)
{
	return cb == CB_BLOCK_READ || cb == CB_BLOCK_WRITE || cb == CB_NET_SEND ||
	       cb == CB_DISPLAY_FLUSH || cb == CB_DISPLAY_CURSOR;
}

/* Checks what ran against the case; fills why on a mismatch. */
static int verdict(const struct dcase *c, int st, const struct atxf_msg *reply,
		   const uint8_t *buf, char *why, size_t n)
{
	if (st != c->status || (int32_t)reply->type != c->status)
		snprintf(why, n, "status %d (reply %d), want %d", st, (int32_t)reply->type, c->status);
	else if (rec.calls != (c->cb != CB_NONE) || (c->cb && rec.which != c->cb))
		snprintf(why, n, "%u call(s) of %s, want %s", rec.calls, cb_name[rec.which],
			 cb_name[c->cb]);
	else if (c->cb && (rec.a != c->a || rec.b != c->b || rec.c != c->c || rec.d != c->d))
		snprintf(why, n, "arguments %llu %llu %llu %llu, want %llu %llu %llu %llu",
			 (unsigned long long)rec.a, (unsigned long long)rec.b,
			 (unsigned long long)rec.c, (unsigned long long)rec.d,
			 (unsigned long long)c->a, (unsigned long long)c->b,
			 (unsigned long long)c->c, (unsigned long long)c->d);
	else if (uses_buffer(c->cb) && (!buf || rec.ptr != buf + c->off))
		snprintf(why, n, "buffer %p, want attached buffer + %llu", rec.ptr,
			 (unsigned long long)c->off);
	else
		return 1;
	return 0;
}

static int run_case(unsigned cls, const struct dcase *c, char *why, size_t n)
{
	struct tdev t;
	struct atxf_msg req, reply;
	uint8_t *buf = NULL;
	void *mem;
	int st;

	tport_reset();
	tdev_init(&t, cls, c->flags & S_BARE ? &bare_ops[cls] : &full_ops[cls]);
	set_info(&t, c->flags);
	if (c->flags & S_DEVMGR)
		t.core.control_pid = TDEV_DEVMGR;
	if (c->flags & (S_ATTACH | S_SMALLBUF))
		buf = tdev_attach(&t, TDEV_CLIENT, c->flags & S_SMALLBUF ? 4096 : 65536);
	memset(&rec, 0, sizeof(rec));
	cb_ret = c->ret;
	memset(&req, 0, sizeof(req));
	req.type = c->type;
	req.sender = c->flags & S_FROM_DEVMGR ? TDEV_DEVMGR : TDEV_CLIENT;
	req.len = c->len;
	if (c->data)
		memcpy(req.data, c->data, c->len);
	if (c->flags & S_CAP_SHM)
		req.caps[req.ncaps++] = tport_shm(8192, &mem);
	if (c->flags & S_CAP_PORT)
		req.caps[req.ncaps++] = tport_client_port();
	st = atxf_driver_dispatch(&t.dev, &req, &reply);
	return verdict(c, st, &reply, buf, why, n);
}

static void run_table(unsigned cls, const struct dcase *cases, size_t count)
{
	unsigned failed = 0;
	char why[200];

	for (size_t i = 0; i < count; i++) {
		int ok = run_case(cls, &cases[i], why, sizeof(why));

		tcase_report(cases[i].name, ok, why, &failed);
	}
	assert_int_equal(failed, 0);
}

#define RUN(cls, table) run_table(cls, table, sizeof(table) / sizeof(table[0]))

/* ---- the tables, one per protocol ---- */

static const struct dcase driver_cases[] = {
	{ "PING is answered by anyone", ATXF_DRIVER_PING, .status = 0 },
	{ "STOP from devmgr calls .remove", ATXF_DRIVER_STOP, .flags = S_DEVMGR | S_FROM_DEVMGR,
	  .cb = CB_REMOVE },
	{ "STOP from a client is refused", ATXF_DRIVER_STOP, .flags = S_DEVMGR,
	  .status = -ATXF_EPERM },
	{ "STOP before devmgr is known is refused", ATXF_DRIVER_STOP, .flags = S_FROM_DEVMGR,
	  .status = -ATXF_EPERM },
	{ "STOP without .remove still stops", ATXF_DRIVER_STOP,
	  .flags = S_DEVMGR | S_FROM_DEVMGR | S_BARE },
	{ "HELLO goes to devmgr, never to a driver", ATXF_DRIVER_HELLO,
	  DATA(struct atxf_driver_hello, .generation = 0), .flags = S_CAP_PORT,
	  .status = -ATXF_ENOSYS },
	{ "an unknown driver code is ENOSYS", ATXF_REQUEST(ATXF_PROTO_DRIVER, 9),
	  .status = -ATXF_ENOSYS },
	{ "PING with a payload is malformed", ATXF_DRIVER_PING, DATA(uint32_t, 1),
	  .status = -ATXF_EPROTO },
	{ "a private protocol goes to .other", ATXF_REQUEST(0x40, 1), DATA(uint8_t, 9),
	  .cb = CB_OTHER, .a = ATXF_REQUEST(0x40, 1), .b = 1 },
	{ "a private protocol without .other is ENOSYS", ATXF_REQUEST(0x40, 1), .flags = S_BARE,
	  .status = -ATXF_ENOSYS },
	{ "the name protocol is not a driver's", ATXF_REQUEST(ATXF_PROTO_NAME, 2),
	  DATA(uint8_t, 'x'), .cb = CB_OTHER, .a = ATXF_REQUEST(ATXF_PROTO_NAME, 2), .b = 1 },
	{ "a notification posing as a request is malformed", ATXF_MSG_NOTIFY,
	  DATA(uint64_t, 1), .status = -ATXF_EPROTO },
};

static const struct dcase block_cases[] = {
	{ "INFO answers from the probed facts", ATXF_BLOCK_INFO, .status = 0 },
	{ "ATTACH_BUFFER maps the client's buffer", ATXF_BLOCK_ATTACH_BUFFER, .flags = S_CAP_SHM },
	{ "ATTACH_BUFFER of a port is a bad handle", ATXF_BLOCK_ATTACH_BUFFER,
	  .flags = S_CAP_PORT, .status = -ATXF_EBADH },
	{ "ATTACH_BUFFER without a handle is malformed", ATXF_BLOCK_ATTACH_BUFFER,
	  .status = -ATXF_EPROTO },
	{ "READ reaches .read: sector, count, buffer + offset", ATXF_BLOCK_READ, RW(5, 2, 1024),
	  .flags = S_ATTACH, .cb = CB_BLOCK_READ, .a = 5, .b = 2, .off = 1024 },
	{ "WRITE reaches .write: sector, count, buffer + offset", ATXF_BLOCK_WRITE, RW(998, 2, 0),
	  .flags = S_ATTACH, .cb = CB_BLOCK_WRITE, .a = 998, .b = 2, .off = 0 },
	{ "READ of the last sector into the end of the buffer", ATXF_BLOCK_READ,
	  RW(999, 1, 65536 - 512), .flags = S_ATTACH, .cb = CB_BLOCK_READ, .a = 999, .b = 1,
	  .off = 65536 - 512 },
	{ "READ's error is the reply's", ATXF_BLOCK_READ, RW(0, 1, 0), .flags = S_ATTACH,
	  .ret = -ATXF_EIO, .status = -ATXF_EIO, .cb = CB_BLOCK_READ, .a = 0, .b = 1 },
	{ "FLUSH reaches .flush", ATXF_BLOCK_FLUSH, .cb = CB_BLOCK_FLUSH },
	{ "FLUSH without .flush succeeds: no cache", ATXF_BLOCK_FLUSH, .flags = S_BARE },
	{ "READ without .read is ENOTSUP", ATXF_BLOCK_READ, RW(0, 1, 0),
	  .flags = S_ATTACH | S_BARE, .status = -ATXF_ENOTSUP },
	{ "WRITE without .write is ENOTSUP", ATXF_BLOCK_WRITE, RW(0, 1, 0),
	  .flags = S_ATTACH | S_BARE, .status = -ATXF_ENOTSUP },
	{ "READ before ATTACH_BUFFER is a protocol error", ATXF_BLOCK_READ, RW(0, 1, 0),
	  .status = -ATXF_EPROTO },
	{ "READ of 0 sectors is out of range", ATXF_BLOCK_READ, RW(0, 0, 0), .flags = S_ATTACH,
	  .status = -ATXF_ERANGE },
	{ "READ of more than max_sectors is out of range", ATXF_BLOCK_READ, RW(0, 65, 0),
	  .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "READ past the last sector is out of range", ATXF_BLOCK_READ, RW(999, 2, 0),
	  .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "READ at sector 2^64-1 does not wrap", ATXF_BLOCK_READ, RW(UINT64_MAX, 2, 0),
	  .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "READ past the end of the buffer is out of range", ATXF_BLOCK_READ,
	  RW(0, 2, 65536 - 512), .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "READ at buffer offset 2^64-1 does not wrap", ATXF_BLOCK_READ, RW(0, 1, UINT64_MAX),
	  .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "READ larger than a small buffer is out of range", ATXF_BLOCK_READ, RW(0, 9, 0),
	  .flags = S_SMALLBUF, .status = -ATXF_ERANGE },
	{ "READ with a reserved field set is malformed", ATXF_BLOCK_READ,
	  DATA(struct atxf_block_rw, .count = 1, .reserved = 1), .flags = S_ATTACH,
	  .status = -ATXF_EPROTO },
	{ "READ one byte short is malformed", ATXF_BLOCK_READ, .data = zeros, .len = 23,
	  .flags = S_ATTACH, .status = -ATXF_EPROTO },
	{ "READ carrying a handle is malformed", ATXF_BLOCK_READ, RW(0, 1, 0),
	  .flags = S_ATTACH | S_CAP_PORT, .status = -ATXF_EPROTO },
	{ "WRITE to a read-only disk is refused", ATXF_BLOCK_WRITE, RW(0, 1, 0),
	  .flags = S_ATTACH | S_RO, .status = -ATXF_EPERM },
	{ "READ with no medium is ENODEV", ATXF_BLOCK_READ, RW(0, 1, 0),
	  .flags = S_ATTACH | S_NOMEDIUM, .status = -ATXF_ENODEV },
	{ "an unknown block code is ENOSYS", ATXF_REQUEST(ATXF_PROTO_BLOCK, 9),
	  .status = -ATXF_ENOSYS },
};

static const struct dcase char_cases[] = {
	{ "WRITE reaches .write with the bytes", ATXF_CHAR_WRITE, .data = "hello", .len = 5,
	  .ret = 5, .status = 5, .cb = CB_CHAR_WRITE, .a = 5, .b = 'h' },
	{ "WRITE replies with the bytes accepted", ATXF_CHAR_WRITE, .data = "hello", .len = 5,
	  .ret = 2, .status = 2, .cb = CB_CHAR_WRITE, .a = 5, .b = 'h' },
	{ "WRITE of a whole message's worth", ATXF_CHAR_WRITE,
	  .data = "0123456789012345678901234567890123456789012345678901234567890123456789"
		  "012345678901234567", .len = 88, .ret = 88, .status = 88,
	  .cb = CB_CHAR_WRITE, .a = 88, .b = '0' },
	{ "WRITE of nothing is malformed", ATXF_CHAR_WRITE, .status = -ATXF_EPROTO },
	{ "WRITE acknowledging more than sent is an I/O error", ATXF_CHAR_WRITE, .data = "hi",
	  .len = 2, .ret = 3, .status = -ATXF_EIO, .cb = CB_CHAR_WRITE, .a = 2, .b = 'h' },
	{ "WRITE without .write is ENOTSUP", ATXF_CHAR_WRITE, .data = "hi", .len = 2,
	  .flags = S_BARE, .status = -ATXF_ENOTSUP },
	{ "CONFIGURE reaches .configure with the baud rate", ATXF_CHAR_CONFIGURE,
	  DATA(struct atxf_char_config, .baud = 115200), .cb = CB_CHAR_CONFIGURE, .a = 115200 },
	{ "CONFIGURE at 0 baud is out of range", ATXF_CHAR_CONFIGURE,
	  DATA(struct atxf_char_config, .baud = 0), .status = -ATXF_ERANGE },
	{ "CONFIGURE with a reserved field set is malformed", ATXF_CHAR_CONFIGURE,
	  DATA(struct atxf_char_config, .baud = 9600, .reserved = 7), .status = -ATXF_EPROTO },
	{ "CONFIGURE without .configure is ENOTSUP", ATXF_CHAR_CONFIGURE,
	  DATA(struct atxf_char_config, .baud = 9600), .flags = S_BARE, .status = -ATXF_ENOTSUP },
	{ "SUBSCRIBE with a port", ATXF_CHAR_SUBSCRIBE, .flags = S_CAP_PORT },
	{ "SUBSCRIBE works without any callback", ATXF_CHAR_SUBSCRIBE, .flags = S_CAP_PORT | S_BARE },
	{ "SUBSCRIBE with memory instead of a port is a bad handle", ATXF_CHAR_SUBSCRIBE,
	  .flags = S_CAP_SHM, .status = -ATXF_EBADH },
	{ "SUBSCRIBE without a port is malformed", ATXF_CHAR_SUBSCRIBE, .status = -ATXF_EPROTO },
	{ "a DATA event sent to the driver is ENOSYS", ATXF_CHAR_DATA, .data = "\0\0\0\0x",
	  .len = 5, .status = -ATXF_ENOSYS },
};

static const struct dcase input_cases[] = {
	{ "SET_LEDS reaches .set_leds", ATXF_INPUT_SET_LEDS,
	  DATA(struct atxf_input_leds, .leds = ATXF_LED_CAPS_LOCK), .cb = CB_INPUT_LEDS,
	  .a = ATXF_LED_CAPS_LOCK },
	{ "SET_LEDS with an unknown light is malformed", ATXF_INPUT_SET_LEDS,
	  DATA(struct atxf_input_leds, .leds = 0x8), .status = -ATXF_EPROTO },
	{ "SET_LEDS without .set_leds is ENOTSUP", ATXF_INPUT_SET_LEDS,
	  DATA(struct atxf_input_leds, .leds = 1), .flags = S_BARE, .status = -ATXF_ENOTSUP },
	{ "SUBSCRIBE with a port", ATXF_INPUT_SUBSCRIBE, .flags = S_CAP_PORT },
	{ "an EVENT sent to the driver is ENOSYS", ATXF_INPUT_EVENT,
	  DATA(struct atxf_input_events, .count = 1), .status = -ATXF_ENOSYS },
};

#define SEND(o, l) DATA(struct atxf_net_send, .offset = (o), .len = (l))
#define RING(o, s, n) DATA(struct atxf_net_subscribe, .ring_offset = (o), .slot_size = (s), \
			   .slots = (n))

static const struct dcase net_cases[] = {
	{ "INFO answers from the probed facts", ATXF_NET_INFO, .status = 0 },
	{ "SEND reaches .send with the frame in the buffer", ATXF_NET_SEND, SEND(100, 60),
	  .flags = S_ATTACH, .cb = CB_NET_SEND, .a = 60, .off = 100 },
	{ "SEND of a full-size frame (mtu + 18)", ATXF_NET_SEND, SEND(0, 1518),
	  .flags = S_ATTACH, .cb = CB_NET_SEND, .a = 1518, .off = 0 },
	{ "SEND one byte over mtu + 18 is too large", ATXF_NET_SEND, SEND(0, 1519),
	  .flags = S_ATTACH, .status = -ATXF_EMSGSIZE },
	{ "SEND shorter than a header is out of range", ATXF_NET_SEND, SEND(0, 13),
	  .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "SEND past the end of the buffer is out of range", ATXF_NET_SEND, SEND(65536 - 59, 60),
	  .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "SEND before ATTACH_BUFFER is a protocol error", ATXF_NET_SEND, SEND(0, 60),
	  .status = -ATXF_EPROTO },
	{ "SEND without .send is ENOTSUP", ATXF_NET_SEND, SEND(0, 60), .flags = S_ATTACH | S_BARE,
	  .status = -ATXF_ENOTSUP },
	{ "SUBSCRIBE for inline frames needs no buffer", ATXF_NET_SUBSCRIBE, RING(0, 0, 0),
	  .flags = S_CAP_PORT },
	{ "SUBSCRIBE with a ring in the buffer", ATXF_NET_SUBSCRIBE, RING(4096, 1536, 8),
	  .flags = S_ATTACH | S_CAP_PORT },
	{ "SUBSCRIBE with a ring but no buffer is a protocol error", ATXF_NET_SUBSCRIBE,
	  RING(0, 1536, 8), .flags = S_CAP_PORT, .status = -ATXF_EPROTO },
	{ "SUBSCRIBE with slots too small for a frame", ATXF_NET_SUBSCRIBE, RING(0, 1024, 8),
	  .flags = S_ATTACH | S_CAP_PORT, .status = -ATXF_ERANGE },
	{ "SUBSCRIBE with a misaligned ring is malformed", ATXF_NET_SUBSCRIBE, RING(4, 1536, 8),
	  .flags = S_ATTACH | S_CAP_PORT, .status = -ATXF_EPROTO },
	{ "SUBSCRIBE with a ring past the buffer", ATXF_NET_SUBSCRIBE, RING(0, 1536, 43),
	  .flags = S_ATTACH | S_CAP_PORT, .status = -ATXF_ERANGE },
	{ "SUBSCRIBE with no slots but an offset is malformed", ATXF_NET_SUBSCRIBE,
	  RING(8, 0, 0), .flags = S_CAP_PORT, .status = -ATXF_EPROTO },
	{ "SET_PROMISC reaches .set_promiscuous", ATXF_NET_SET_PROMISC,
	  DATA(struct atxf_net_promisc, .on = 1), .cb = CB_NET_PROMISC, .a = 1 },
	{ "SET_PROMISC other than 0 or 1 is malformed", ATXF_NET_SET_PROMISC,
	  DATA(struct atxf_net_promisc, .on = 2), .status = -ATXF_EPROTO },
	{ "a RECEIVED event sent to the driver is ENOSYS", ATXF_NET_RECEIVED,
	  DATA(struct atxf_net_received, .len = 1), .status = -ATXF_ENOSYS },
};

#define RECT(x_, y_, w_, h_) DATA(struct atxf_display_rect, .x = (x_), .y = (y_), .w = (w_), \
				  .h = (h_))

#define CURSOR(o, hx, hy, x_, y_) DATA(struct atxf_display_cursor, .offset = (o), \
					  .hot_x = (hx), .hot_y = (hy), .x = (x_), .y = (y_))

static const struct dcase display_cases[] = {
	{ "INFO answers from the probed facts", ATXF_DISPLAY_INFO, .status = 0 },
	{ "FLUSH reaches .flush with the rectangle and the surface", ATXF_DISPLAY_FLUSH,
	  RECT(1, 2, 3, 4), .flags = S_ATTACH, .cb = CB_DISPLAY_FLUSH, .a = 1, .b = 2, .c = 3,
	  .d = 4, .off = 0 },
	{ "FLUSH of the whole screen", ATXF_DISPLAY_FLUSH, RECT(0, 0, 64, 32), .flags = S_ATTACH,
	  .cb = CB_DISPLAY_FLUSH, .a = 0, .b = 0, .c = 64, .d = 32, .off = 0 },
	{ "FLUSH of an empty rectangle is out of range", ATXF_DISPLAY_FLUSH, RECT(0, 0, 0, 4),
	  .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "FLUSH past the right edge is out of range", ATXF_DISPLAY_FLUSH, RECT(60, 0, 5, 1),
	  .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "FLUSH at x = 2^32-1 does not wrap", ATXF_DISPLAY_FLUSH, RECT(UINT32_MAX, 0, 2, 1),
	  .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "FLUSH before ATTACH_BUFFER is a protocol error", ATXF_DISPLAY_FLUSH, RECT(0, 0, 1, 1),
	  .status = -ATXF_EPROTO },
	{ "FLUSH with a surface smaller than the screen", ATXF_DISPLAY_FLUSH, RECT(0, 0, 1, 1),
	  .flags = S_SMALLBUF, .status = -ATXF_ERANGE },
	{ "FLUSH without .flush or a mapped screen is ENOTSUP", ATXF_DISPLAY_FLUSH,
	  RECT(0, 0, 1, 1), .flags = S_ATTACH | S_BARE, .status = -ATXF_ENOTSUP },
	{ "FLUSH without .flush copies to the mapped screen", ATXF_DISPLAY_FLUSH,
	  RECT(0, 0, 1, 1), .flags = S_ATTACH | S_BARE | S_SURFACE },
	{ "SET_MODE reaches .set_mode with the size", ATXF_DISPLAY_SET_MODE,
	  DATA(struct atxf_display_mode, .width = 640, .height = 480), .cb = CB_DISPLAY_MODE,
	  .a = 640, .b = 480 },
	{ "SET_MODE refused by the driver answers its error", ATXF_DISPLAY_SET_MODE,
	  DATA(struct atxf_display_mode, .width = 9999, .height = 9999), .ret = -ATXF_ERANGE,
	  .status = -ATXF_ERANGE, .cb = CB_DISPLAY_MODE, .a = 9999, .b = 9999 },
	{ "SET_MODE to a zero height is out of range", ATXF_DISPLAY_SET_MODE,
	  DATA(struct atxf_display_mode, .width = 640, .height = 0), .status = -ATXF_ERANGE },
	{ "SET_MODE without .set_mode is ENOTSUP", ATXF_DISPLAY_SET_MODE,
	  DATA(struct atxf_display_mode, .width = 640, .height = 480), .flags = S_BARE,
	  .status = -ATXF_ENOTSUP },
	{ "SET_CURSOR reaches .set_cursor with the sprite, its hot spot and place",
	  ATXF_DISPLAY_SET_CURSOR, CURSOR(8192, 3, 4, 63, 31), .flags = S_ATTACH,
	  .cb = CB_DISPLAY_CURSOR, .a = 63, .b = 31, .c = 3, .d = 4, .off = 8192 },
	{ "SET_CURSOR with the hot spot outside the sprite is out of range",
	  ATXF_DISPLAY_SET_CURSOR, CURSOR(8192, 64, 0, 0, 0), .flags = S_ATTACH,
	  .status = -ATXF_ERANGE },
	{ "SET_CURSOR off the screen is out of range", ATXF_DISPLAY_SET_CURSOR,
	  CURSOR(8192, 0, 0, 64, 0), .flags = S_ATTACH, .status = -ATXF_ERANGE },
	{ "SET_CURSOR with the sprite past the buffer's end is out of range",
	  ATXF_DISPLAY_SET_CURSOR, CURSOR(65536 - 4096, 0, 0, 0, 0), .flags = S_ATTACH,
	  .status = -ATXF_ERANGE },
	{ "SET_CURSOR before ATTACH_BUFFER is a protocol error", ATXF_DISPLAY_SET_CURSOR,
	  CURSOR(0, 0, 0, 0, 0), .status = -ATXF_EPROTO },
	{ "SET_CURSOR without a hardware cursor is ENOTSUP", ATXF_DISPLAY_SET_CURSOR,
	  CURSOR(8192, 0, 0, 0, 0), .flags = S_ATTACH | S_BARE, .status = -ATXF_ENOTSUP },
	{ "MOVE_CURSOR reaches .move_cursor", ATXF_DISPLAY_MOVE_CURSOR,
	  DATA(struct atxf_display_point, .x = 5, .y = 6), .cb = CB_DISPLAY_MOVE, .a = 5,
	  .b = 6 },
	{ "MOVE_CURSOR off the screen is out of range", ATXF_DISPLAY_MOVE_CURSOR,
	  DATA(struct atxf_display_point, .x = 0, .y = 32), .status = -ATXF_ERANGE },
	{ "MOVE_CURSOR without a hardware cursor is ENOTSUP", ATXF_DISPLAY_MOVE_CURSOR,
	  DATA(struct atxf_display_point, .x = 0, .y = 0), .flags = S_BARE,
	  .status = -ATXF_ENOTSUP },
};

static const struct dcase rng_cases[] = {
	{ "READ reaches .read; the reply carries what it made", ATXF_RNG_READ,
	  DATA(struct atxf_rng_read, .len = 16), .ret = 16, .status = 16, .cb = CB_RNG_READ,
	  .a = 16 },
	{ "READ of the most a reply holds", ATXF_RNG_READ, DATA(struct atxf_rng_read, .len = 88),
	  .ret = 88, .status = 88, .cb = CB_RNG_READ, .a = 88 },
	{ "READ may give fewer bytes", ATXF_RNG_READ, DATA(struct atxf_rng_read, .len = 16),
	  .ret = 8, .status = 8, .cb = CB_RNG_READ, .a = 16 },
	{ "READ of 0 bytes is out of range", ATXF_RNG_READ, DATA(struct atxf_rng_read, .len = 0),
	  .status = -ATXF_ERANGE },
	{ "READ of more than a reply holds is out of range", ATXF_RNG_READ,
	  DATA(struct atxf_rng_read, .len = 89), .status = -ATXF_ERANGE },
	{ "READ producing more than asked is an I/O error", ATXF_RNG_READ,
	  DATA(struct atxf_rng_read, .len = 4), .ret = 5, .status = -ATXF_EIO, .cb = CB_RNG_READ,
	  .a = 4 },
	{ "READ without .read is ENOTSUP", ATXF_RNG_READ, DATA(struct atxf_rng_read, .len = 4),
	  .flags = S_BARE, .status = -ATXF_ENOTSUP },
	{ "READ's error is the reply's", ATXF_RNG_READ, DATA(struct atxf_rng_read, .len = 4),
	  .ret = -ATXF_ETIMEDOUT, .status = -ATXF_ETIMEDOUT, .cb = CB_RNG_READ, .a = 4 },
};

static void test_driver_protocol(void **state)
{
	(void)state;
	RUN(ATXF_CLASS_RNG, driver_cases);
}

static void test_block_requests(void **state)
{
	(void)state;
	RUN(ATXF_CLASS_BLOCK, block_cases);
}

static void test_char_requests(void **state)
{
	(void)state;
	RUN(ATXF_CLASS_CHAR, char_cases);
}

static void test_input_requests(void **state)
{
	(void)state;
	RUN(ATXF_CLASS_INPUT, input_cases);
}

static void test_net_requests(void **state)
{
	(void)state;
	RUN(ATXF_CLASS_NET, net_cases);
}

static void test_display_requests(void **state)
{
	(void)state;
	RUN(ATXF_CLASS_DISPLAY, display_cases);
}

static void test_rng_requests(void **state)
{
	(void)state;
	RUN(ATXF_CLASS_RNG, rng_cases);
}

/* ---- cases generated from the protocol tables themselves ---- */

struct proto_rows {
	unsigned cls;
	const struct atxf_msg_shape *rows;
	unsigned n;
};

#define SHAPES(x) ((const struct atxf_msg_shape[]){ x(ATXF_PROTO_SHAPE_) })
#define NSHAPES(x) (unsigned)(sizeof(SHAPES(x)) / sizeof(struct atxf_msg_shape))

static const struct proto_rows all_protocols[] = {
	{ ATXF_CLASS_BLOCK, SHAPES(ATXF_BLOCK_PROTOCOL), NSHAPES(ATXF_BLOCK_PROTOCOL) },
	{ ATXF_CLASS_CHAR, SHAPES(ATXF_CHAR_PROTOCOL), NSHAPES(ATXF_CHAR_PROTOCOL) },
	{ ATXF_CLASS_INPUT, SHAPES(ATXF_INPUT_PROTOCOL), NSHAPES(ATXF_INPUT_PROTOCOL) },
	{ ATXF_CLASS_NET, SHAPES(ATXF_NET_PROTOCOL), NSHAPES(ATXF_NET_PROTOCOL) },
	{ ATXF_CLASS_DISPLAY, SHAPES(ATXF_DISPLAY_PROTOCOL), NSHAPES(ATXF_DISPLAY_PROTOCOL) },
	{ ATXF_CLASS_RNG, SHAPES(ATXF_RNG_PROTOCOL), NSHAPES(ATXF_RNG_PROTOCOL) },
	{ ATXF_CLASS_NONE, SHAPES(ATXF_DRIVER_PROTOCOL), NSHAPES(ATXF_DRIVER_PROTOCOL) },
};

/* One generated request: a row's code with a given length and handle count. */
static void generated(unsigned cls, const struct atxf_msg_shape *s, uint32_t len,
		      uint32_t ncaps, int want, const char *what, unsigned *failed)
{
	struct atxf_msg req, reply;
	char name[160], why[120] = "";
	struct tdev t;
	int st, ok;

	tport_reset();
	tdev_init(&t, cls, &full_ops[cls]);
	set_info(&t, 0);
	tdev_attach(&t, TDEV_CLIENT, 65536);
	memset(&rec, 0, sizeof(rec));
	memset(&req, 0, sizeof(req));
	req.type = s->code;
	req.sender = TDEV_CLIENT;
	req.len = len;
	memset(req.data, 0x01, sizeof(req.data));
	req.ncaps = ncaps;
	for (uint32_t i = 0; i < ncaps && i < ATXF_MSG_CAPS_MAX; i++)
		req.caps[i] = tport_client_port();
	st = atxf_driver_dispatch(&t.dev, &req, &reply);
	ok = st == want && rec.calls == 0;
	if (!ok)
		snprintf(why, sizeof(why), "status %d, want %d; %u callback(s) ran", st, want,
			 rec.calls);
	snprintf(name, sizeof(name), "%s to a %s driver: %s", s->name,
		 atxf_device_class_name(cls), what);
	tcase_report(name, ok, why, failed);
}

/* Every request, sent to a driver of every other class: refused, no callback. */
static void test_every_request_to_the_wrong_class(void **state)
{
	unsigned failed = 0;

	(void)state;
	for (unsigned p = 0; p < 6; p++) {
		const struct proto_rows *pr = &all_protocols[p];

		for (unsigned r = 0; r < pr->n; r++) {
			if (pr->rows[r].dir != ATXF_TO_DRIVER)
				continue;
			for (unsigned cls = ATXF_CLASS_NONE; cls < ATXF_CLASS_COUNT; cls++)
				if (cls != pr->cls)
					generated(cls, &pr->rows[r], pr->rows[r].req_min,
						  pr->rows[r].caps, -ATXF_EPROTO, "wrong class",
						  &failed);
		}
	}
	assert_int_equal(failed, 0);
}

/* Every request with one byte too many or too few, one handle too many or too few. */
static void test_every_request_with_a_wrong_shape(void **state)
{
	unsigned failed = 0;

	(void)state;
	for (unsigned p = 0; p < 7; p++) {
		const struct proto_rows *pr = &all_protocols[p];
		unsigned cls = pr->cls ? pr->cls : ATXF_CLASS_RNG;

		for (unsigned r = 0; r < pr->n; r++) {
			const struct atxf_msg_shape *s = &pr->rows[r];

			if (s->dir != ATXF_TO_DRIVER)
				continue;
			generated(cls, s, s->req_max + 1u, s->caps, -ATXF_EPROTO, "a byte too long",
				  &failed);
			if (s->req_min > 0)
				generated(cls, s, s->req_min - 1u, s->caps, -ATXF_EPROTO,
					  "a byte too short", &failed);
			generated(cls, s, s->req_min, s->caps + 1u, -ATXF_EPROTO,
				  "a handle too many", &failed);
			if (s->caps > 0)
				generated(cls, s, s->req_min, s->caps - 1u, -ATXF_EPROTO,
					  "a handle missing", &failed);
		}
	}
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_driver_protocol, fresh),
		cmocka_unit_test_setup(test_block_requests, fresh),
		cmocka_unit_test_setup(test_char_requests, fresh),
		cmocka_unit_test_setup(test_input_requests, fresh),
		cmocka_unit_test_setup(test_net_requests, fresh),
		cmocka_unit_test_setup(test_display_requests, fresh),
		cmocka_unit_test_setup(test_rng_requests, fresh),
		cmocka_unit_test_setup(test_every_request_to_the_wrong_class, fresh),
		cmocka_unit_test_setup(test_every_request_with_a_wrong_shape, fresh),
	};

	return cmocka_run_group_tests_name("driver framework: dispatch", tests, NULL, NULL);
}
