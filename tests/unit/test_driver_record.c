/*
 * Recording callbacks for the dispatch tests: see test_driver_record.h.
 */
#include <string.h>
#include <atxf/driver/block.h>
#include <atxf/driver/char.h>
#include <atxf/driver/display.h>
#include <atxf/driver/input.h>
#include <atxf/driver/net.h>
#include <atxf/driver/rng.h>
#include "test_driver_ports.h"
#include "test_driver_record.h"

const char *const cb_name[] = {
	"none", "block.read", "block.write", "block.flush", "chr.write",
	"chr.configure", "input.set_leds", "net.send", "net.set_promiscuous",
	"display.flush", "display.set_mode", "rng.read", "remove", "other",
	"display.set_cursor", "display.move_cursor",
};

struct record rec;
int cb_ret;

static int record(int which, uint64_t a, uint64_t b, const void *ptr)
{
	rec.which = which;
	rec.calls++;
	rec.a = a;
	rec.b = b;
	rec.ptr = ptr;
	return cb_ret;
}

static int blk_read(struct atxf_device *d, uint64_t s, uint32_t n, void *buf)
{
	(void)d;
	return record(CB_BLOCK_READ, s, n, buf);
}
static int blk_write(struct atxf_device *d, uint64_t s, uint32_t n, const void *buf)
{
	(void)d;
	return record(CB_BLOCK_WRITE, s, n, buf);
}
static int blk_flush(struct atxf_device *d)
{
	(void)d;
	return record(CB_BLOCK_FLUSH, 0, 0, NULL);
}
static int chr_write(struct atxf_device *d, const void *buf, size_t len)
{
	(void)d;
	return record(CB_CHAR_WRITE, len, ((const uint8_t *)buf)[0], buf);
}
static int chr_configure(struct atxf_device *d, uint32_t baud)
{
	(void)d;
	return record(CB_CHAR_CONFIGURE, baud, 0, NULL);
}
static int in_leds(struct atxf_device *d, uint32_t leds)
{
	(void)d;
	return record(CB_INPUT_LEDS, leds, 0, NULL);
}
static int net_send(struct atxf_device *d, const void *frame, size_t len)
{
	(void)d;
	return record(CB_NET_SEND, len, 0, frame);
}
static int net_promisc(struct atxf_device *d, int on)
{
	(void)d;
	return record(CB_NET_PROMISC, (uint64_t)on, 0, NULL);
}
static int disp_flush(struct atxf_device *d, const void *src, uint32_t x, uint32_t y,
		      uint32_t w, uint32_t h)
{
	(void)d;
	rec.c = w;
	rec.d = h;
	return record(CB_DISPLAY_FLUSH, x, y, src);
}
static int disp_mode(struct atxf_device *d, uint32_t w, uint32_t h)
{
	(void)d;
	return record(CB_DISPLAY_MODE, w, h, NULL);
}
static int disp_cursor(struct atxf_device *d, const uint32_t *argb, uint32_t hot_x,
		       uint32_t hot_y, uint32_t x, uint32_t y)
{
	(void)d;
	rec.c = hot_x;
	rec.d = hot_y;
	return record(CB_DISPLAY_CURSOR, x, y, argb);
}
static int disp_move(struct atxf_device *d, uint32_t x, uint32_t y)
{
	(void)d;
	return record(CB_DISPLAY_MOVE, x, y, NULL);
}
/* Produces cb_ret bytes 0, 1, 2.. (when cb_ret > 0). */
static int rng_read(struct atxf_device *d, void *buf, size_t len)
{
	(void)d;
	for (int i = 0; i < cb_ret && (size_t)i < len; i++)
		((uint8_t *)buf)[i] = (uint8_t)i;
	return record(CB_RNG_READ, len, 0, buf);
}
static void on_remove(struct atxf_device *d)
{
	(void)d;
	record(CB_REMOVE, 0, 0, NULL);
}
static int on_other(struct atxf_device *d, const struct atxf_msg *req, struct atxf_msg *reply)
{
	(void)d;
	reply->len = 1;
	reply->data[0] = 0x5a;
	return record(CB_OTHER, req->type, req->len, NULL);
}

static const struct atxf_block_ops block_ops = {
	.read = blk_read,
	.write = blk_write,
	.flush = blk_flush,
};
static const struct atxf_char_ops char_ops = {
	.write = chr_write,
	.configure = chr_configure,
};
static const struct atxf_input_ops input_ops = { .set_leds = in_leds };
static const struct atxf_net_ops net_ops = {
	.send = net_send,
	.set_promiscuous = net_promisc,
};
static const struct atxf_display_ops display_ops = {
	.flush = disp_flush,
	.set_mode = disp_mode,
	.set_cursor = disp_cursor,
	.move_cursor = disp_move,
};
static const struct atxf_rng_ops rng_ops = { .read = rng_read };
/* A driver of each class with every callback of it; NONE and BUS: no class. */
#define FULL(...) { .name = "full", .remove = on_remove, .other = on_other, __VA_ARGS__ }
const struct atxf_driver full_ops[ATXF_CLASS_COUNT] = {
	[ATXF_CLASS_NONE] = FULL(.cls = NULL),
	[ATXF_CLASS_BLOCK] = FULL(ATXF_BLOCK_OPS(block_ops)),
	[ATXF_CLASS_CHAR] = FULL(ATXF_CHAR_OPS(char_ops)),
	[ATXF_CLASS_INPUT] = FULL(ATXF_INPUT_OPS(input_ops)),
	[ATXF_CLASS_NET] = FULL(ATXF_NET_OPS(net_ops)),
	[ATXF_CLASS_DISPLAY] = FULL(ATXF_DISPLAY_OPS(display_ops)),
	[ATXF_CLASS_RNG] = FULL(ATXF_RNG_OPS(rng_ops)),
	[ATXF_CLASS_BUS] = FULL(.cls = NULL),
};

/* Its class and nothing else: every default the framework supplies. */
const struct atxf_driver bare_ops[ATXF_CLASS_COUNT] = {
	[ATXF_CLASS_NONE] = { .name = "bare" },
	[ATXF_CLASS_BLOCK] = { .name = "bare", .cls = &atxf_block_class },
	[ATXF_CLASS_CHAR] = { .name = "bare", .cls = &atxf_char_class },
	[ATXF_CLASS_INPUT] = { .name = "bare", .cls = &atxf_input_class },
	[ATXF_CLASS_NET] = { .name = "bare", .cls = &atxf_net_class },
	[ATXF_CLASS_DISPLAY] = { .name = "bare", .cls = &atxf_display_class },
	[ATXF_CLASS_RNG] = { .name = "bare", .cls = &atxf_rng_class },
	[ATXF_CLASS_BUS] = { .name = "bare" },
};

void set_info(struct tdev *t, unsigned flags)
{
	static uint8_t screen[256 * 32];

	switch (atxf_device_class(&t->dev)) {
	case ATXF_CLASS_BLOCK:
		t->dev.info.block = (struct atxf_block_info){
			.sector_size = flags & S_NOMEDIUM ? 0 : 512, .sectors = 1000,
			.max_sectors = 64, .read_only = !!(flags & S_RO) };
		break;
	case ATXF_CLASS_NET:
		t->dev.info.net = (struct atxf_net_info){ .mac = { 2, 0, 0, 0, 0, 1 },
			.mtu = 1500, .link_up = 1 };
		break;
	case ATXF_CLASS_DISPLAY:
		t->dev.info.display = (struct atxf_display_info){ .width = 64, .height = 32,
			.pitch = 256, .bpp = 32 };
		t->dev.surface = flags & S_SURFACE ? screen : NULL;
		break;
	}
}

int fresh(void **state)
{
	(void)state;
	memset(&rec, 0, sizeof(rec));
	cb_ret = 0;
	tport_reset();
	return 0;
}
