/*
 * The display protocol's requests (<atxf/proto/display.h>): INFO,
 * ATTACH_BUFFER for the client's surface, FLUSH a rectangle of it to the
 * screen, by the driver's callback or, for a plain linear framebuffer, by
 * the copy below; SET_CURSOR and MOVE_CURSOR for a driver with a hardware
 * cursor. Exercised in QEMU by the bochs driver on -vga std and virtio-gpu.
 */
#include <stdbool.h>
#include <atxf/driver/display.h>
#include <atxf/hw.h>
#include "core.h"

static const struct atxf_display_ops none;    /* a driver without ops */

static bool has_cursor(const struct atxf_display_ops *ops)
{
	return ops->set_cursor && ops->move_cursor;
}

/* The flags say what the callbacks offer, so no driver can claim more. */
static int info(struct atxf_device *dev, struct atxf_msg *reply)
{
	struct atxf_display_info di = dev->info.display;

	di.flags = has_cursor(atxf__ops(dev, &none)) ? ATXF_DISPLAY_HW_CURSOR : 0;
	atxf__reply_put(reply, &di, sizeof(di));
	return 0;
}

/* The rectangle lies on the screen: 0 or -ATXF_ERANGE. */
static int check_rect(const struct atxf_display_info *di, const struct atxf_display_rect *r)
{
	if (r->w == 0 || r->h == 0)
		return -ATXF_ERANGE;
	/* In 64 bits, so x + w cannot wrap. */
	if ((uint64_t)r->x + r->w > di->width || (uint64_t)r->y + r->h > di->height)
		return -ATXF_ERANGE;
	return 0;
}

/* The default flush: copy the rectangle's rows from src to dev->surface. */
static void copy_rect(struct atxf_device *dev, const uint8_t *src,
		      const struct atxf_display_rect *r)
{
	const struct atxf_display_info *di = &dev->info.display;
	uint64_t bytes_pp = di->bpp / 8, start = r->x * bytes_pp, len = r->w * bytes_pp;

	for (uint32_t row = r->y; row < r->y + r->h; row++) {
		uint64_t at = (uint64_t)row * di->pitch + start;

		memcpy((uint8_t *)dev->surface + at, src + at, len);
	}
	/* A screen mapped write-combining holds writes back: out before the reply. */
	atxf_wc_flush();
}

static int flush(struct atxf_device *dev, const struct atxf_msg *req)
{
	const struct atxf_display_ops *ops = atxf__ops(dev, &none);
	const struct atxf_display_info *di = &dev->info.display;
	struct atxf_display_rect r;
	const void *src;
	int err;

	ATXF_REQ(req, r);
	if (!ops->flush && !dev->surface)
		return -ATXF_ENOTSUP;
	if (!atxf__client_find(dev, req->sender))
		return -ATXF_EPROTO;    /* FLUSH before ATTACH_BUFFER */
	err = check_rect(di, &r);
	if (err)
		return err;
	/* The client's surface has the screen's layout: the whole of it must fit. */
	src = atxf__client_range(dev, req->sender, 0, (uint64_t)di->pitch * di->height, &err);
	if (!src)
		return err;
	if (!ops->flush) {
		/* Whole bytes per pixel, rows no wider than the pitch, or no copy. */
		if (di->bpp % 8 || (uint64_t)di->width * (di->bpp / 8) > di->pitch)
			return -ATXF_EIO;
		copy_rect(dev, src, &r);
		return 0;
	}
	err = ops->flush(dev, src, r.x, r.y, r.w, r.h);
	return err < 0 ? err : 0;
}

/* SET_MODE: the driver's callback, then the new INFO as the reply. */
static int set_mode(struct atxf_device *dev, const struct atxf_msg *req, struct atxf_msg *reply)
{
	const struct atxf_display_ops *ops = atxf__ops(dev, &none);
	struct atxf_display_mode m;
	int err;

	ATXF_REQ(req, m);
	if (!ops->set_mode)
		return -ATXF_ENOTSUP;
	if (m.width == 0 || m.height == 0)
		return -ATXF_ERANGE;
	err = ops->set_mode(dev, m.width, m.height);
	if (err < 0)
		return err;
	return info(dev, reply);
}

static bool on_screen(const struct atxf_display_info *di, uint32_t x, uint32_t y)
{
	return x < di->width && y < di->height;
}

static int set_cursor(struct atxf_device *dev, const struct atxf_msg *req)
{
	const struct atxf_display_ops *ops = atxf__ops(dev, &none);
	struct atxf_display_cursor c;
	const void *sprite;
	int err;

	ATXF_REQ(req, c);
	if (!has_cursor(ops))
		return -ATXF_ENOTSUP;
	if (!atxf__client_find(dev, req->sender))
		return -ATXF_EPROTO;    /* no buffer to take the sprite from */
	if (c.hot_x >= ATXF_DISPLAY_CURSOR_W || c.hot_y >= ATXF_DISPLAY_CURSOR_H ||
	    !on_screen(&dev->info.display, c.x, c.y) || c.offset % 4)
		return -ATXF_ERANGE;
	sprite = atxf__client_range(dev, req->sender, c.offset, ATXF_DISPLAY_CURSOR_BYTES, &err);
	if (!sprite)
		return err;
	err = ops->set_cursor(dev, sprite, c.hot_x, c.hot_y, c.x, c.y);
	return err < 0 ? err : 0;
}

static int move_cursor(struct atxf_device *dev, const struct atxf_msg *req)
{
	const struct atxf_display_ops *ops = atxf__ops(dev, &none);
	struct atxf_display_point p;
	int err;

	ATXF_REQ(req, p);
	if (!has_cursor(ops))
		return -ATXF_ENOTSUP;
	if (!on_screen(&dev->info.display, p.x, p.y))
		return -ATXF_ERANGE;
	err = ops->move_cursor(dev, p.x, p.y);
	return err < 0 ? err : 0;
}

static int serve(struct atxf_device *dev, const struct atxf_msg *req,
			struct atxf_msg *reply)
{
	switch (req->type) {
	case ATXF_DISPLAY_INFO:
		return info(dev, reply);
	case ATXF_DISPLAY_ATTACH_BUFFER:
		return atxf__client_attach(dev, req, reply);
	case ATXF_DISPLAY_FLUSH:
		return flush(dev, req);
	case ATXF_DISPLAY_SET_MODE:
		return set_mode(dev, req, reply);
	case ATXF_DISPLAY_SET_CURSOR:
		return set_cursor(dev, req);
	case ATXF_DISPLAY_MOVE_CURSOR:
		return move_cursor(dev, req);
	}
	return -ATXF_ENOSYS;
}

static const struct atxf_msg_shape shapes[] = { ATXF_DISPLAY_PROTOCOL(ATXF_PROTO_SHAPE_) };

const struct atxf_driver_class atxf_display_class = {
	.proto = ATXF_PROTO_DISPLAY,
	.device_class = ATXF_CLASS_DISPLAY,
	.shape = shapes,
	.nshapes = sizeof(shapes) / sizeof(shapes[0]),
	.serve = serve,
};
