/*
 * The net class's part of the driver framework (<atxf/driver.h>, <atxf/driver/class.h>): the
 * callbacks of an Ethernet interface and how it hands over received frames.
 * Protocol: <atxf/proto/net.h>, served by sdk/lib/driver/proto_net.c for
 * calls and ring descriptors (net_rx.c: RECV buffers).
 */
#ifndef ATXF_DRIVER_NET_H
#define ATXF_DRIVER_NET_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/driver.h>
#include <atxf/driver/class.h>
#include <atxf/proto/net.h>

/* The class (sdk/lib/driver/proto_net.c); a driver of it says
 * ATXF_NET_OPS(its struct atxf_net_ops) in its struct atxf_driver. */
extern const struct atxf_driver_class atxf_net_class;
#define ATXF_NET_OPS(ops) \
	.cls = &atxf_net_class, .class_ops = ATXF_CLASS_OPS(struct atxf_net_ops, ops)

/* Network devices (ATXF_CLASS_NET). frame is shared with the client. */
struct atxf_net_ops {
	int (*send)(struct atxf_device *dev, const void *frame, size_t len);
	int (*set_promiscuous)(struct atxf_device *dev, int on);
};

/*
 * A received frame, to every subscriber (RECEIVED events; a subscriber
 * whose queue is full loses it and is told how many it lost) and into the
 * oldest RECV buffer each ring client posted (a client with none posted
 * loses it, counted in its next completion's flags). Never blocks.
 */
int atxf_net_received(struct atxf_device *dev, const void *frame, size_t len);

/*
 * The device's carrier is now up (1) or down (0): sets dev->info.net.link_up
 * (what INFO answers) and, if that changed, sends every subscriber a LINK
 * event (held in the backlog for a busy one). Call it from probe with the
 * state the device reports, and whenever its link status changes.
 */
int atxf_net_link(struct atxf_device *dev, int up);

#endif
