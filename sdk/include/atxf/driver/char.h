/*
 * The char class's part of the driver framework (<atxf/driver.h>): the
 * callbacks of a serial-like device and how it reports received bytes.
 * Protocol: <atxf/proto/char.h>, served by sdk/lib/driver/proto_char.c.
 */
#ifndef ATXF_DRIVER_CHAR_H
#define ATXF_DRIVER_CHAR_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/proto/char.h>

struct atxf_device;

/*
 * Character devices (ATXF_CLASS_CHAR): write returns bytes accepted (0..len).
 * Received bytes go to atxf_char_received(), which may take fewer than
 * offered while subscribers are behind: leave the rest in the device (stop
 * reading it; a UART drops RTS) until resume is called, then offer them
 * again. stats fills the device's own figures (overruns, bytes sent); the
 * framework adds what it counted itself.
 */
struct atxf_char_ops {
	int (*write)(struct atxf_device *dev, const void *buf, size_t len);
	int (*configure)(struct atxf_device *dev, uint32_t baud);
	void (*resume)(struct atxf_device *dev);
	void (*stats)(struct atxf_device *dev, struct atxf_char_stats *st);
};

/*
 * Received bytes, to every subscriber (DATA events), never blocking: held
 * for a subscriber whose queue is full (the backlog, docs/driver-guide.md)
 * and offered again in order. Returns how many bytes it took (0..len): the
 * rest stay with the driver until .chr.resume.
 */
int atxf_char_received(struct atxf_device *dev, const void *buf, size_t len);

#endif
