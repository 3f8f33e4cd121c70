/*
 * The input class's part of the driver framework (<atxf/driver.h>): the
 * callbacks of a keyboard or pointer and how it reports events. Protocol:
 * <atxf/proto/input.h>, served by sdk/lib/driver/proto_input.c.
 */
#ifndef ATXF_DRIVER_INPUT_H
#define ATXF_DRIVER_INPUT_H

#include <stdint.h>
#include <atxf/proto/input.h>

struct atxf_device;

/* Input devices (ATXF_CLASS_INPUT) mostly report; they may take LED state. */
struct atxf_input_ops {
	int (*set_leds)(struct atxf_device *dev, uint32_t leds);   /* ATXF_LED_* */
};

/*
 * One event to every subscriber, never blocking. Batched: events go out
 * when a SYN is reported, when a message is full, and when the callback
 * that reported them returns. A time_ns of 0 is stamped with the current
 * time. Held for a subscriber whose queue is full (the backlog, 64
 * messages); when the backlog is full the event is lost and the subscriber
 * learns how many from the next event's `dropped`.
 */
int atxf_input_report(struct atxf_device *dev, const struct atxf_input_event *ev);

#endif
