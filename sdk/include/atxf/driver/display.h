/*
 * The display class's part of the driver framework (<atxf/driver.h>).
 * Protocol: <atxf/proto/display.h>, served by sdk/lib/driver/proto_display.c.
 */
#ifndef ATXF_DRIVER_DISPLAY_H
#define ATXF_DRIVER_DISPLAY_H

#include <stdint.h>
#include <atxf/proto/display.h>

struct atxf_device;

/*
 * Displays (ATXF_CLASS_DISPLAY): copy a rectangle of the client's surface
 * src (laid out as dev->info.display says) to the screen. Left out, and
 * dev->surface set by probe, the framework copies the rows itself.
 */
struct atxf_display_ops {
	int (*flush)(struct atxf_device *dev, const void *src,
		     uint32_t x, uint32_t y, uint32_t w, uint32_t h);
};

#endif
