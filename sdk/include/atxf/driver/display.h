/*
 * The display class's part of the driver framework (<atxf/driver.h>,
 * <atxf/driver/class.h>).
 * Protocol: <atxf/proto/display.h>, served by sdk/lib/driver/proto_display.c.
 */
#ifndef ATXF_DRIVER_DISPLAY_H
#define ATXF_DRIVER_DISPLAY_H

#include <stdint.h>
#include <atxf/driver.h>
#include <atxf/driver/class.h>
#include <atxf/proto/display.h>

/* The class (sdk/lib/driver/proto_display.c); a driver of it says
 * ATXF_DISPLAY_OPS(its struct atxf_display_ops) in its struct atxf_driver. */
extern const struct atxf_driver_class atxf_display_class;
#define ATXF_DISPLAY_OPS(ops) \
	.cls = &atxf_display_class, .class_ops = ATXF_CLASS_OPS(struct atxf_display_ops, ops)

/*
 * Displays (ATXF_CLASS_DISPLAY): flush copies a rectangle of the client's
 * surface src (laid out as dev->info.display says) to the screen. Left
 * out, and dev->surface set by probe, the framework copies the rows itself.
 * set_mode (SET_MODE, width and height > 0) programs the device and, on
 * success, fills in dev->info.display (and dev->surface) anew; a size the
 * device cannot show is -ATXF_ERANGE with nothing changed. Left out,
 * SET_MODE is -ATXF_ENOTSUP.
 * set_cursor and move_cursor, both or neither, make a hardware cursor
 * (INFO says ATXF_DISPLAY_HW_CURSOR): the framework has checked the hot
 * spot (< 64) and the position (on the screen); argb is the client's
 * 64x64 sprite. move_cursor before any set_cursor: -ATXF_EPROTO.
 */
struct atxf_display_ops {
	int (*flush)(struct atxf_device *dev, const void *src,
		     uint32_t x, uint32_t y, uint32_t w, uint32_t h);
	int (*set_mode)(struct atxf_device *dev, uint32_t width, uint32_t height);
	int (*set_cursor)(struct atxf_device *dev, const uint32_t *argb, uint32_t hot_x,
			  uint32_t hot_y, uint32_t x, uint32_t y);
	int (*move_cursor)(struct atxf_device *dev, uint32_t x, uint32_t y);
};

#endif
