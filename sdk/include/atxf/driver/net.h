/*
 * The net class's part of the driver framework (<atxf/driver.h>): the
 * callbacks of an Ethernet interface and how it hands over received frames.
 * Protocol: <atxf/proto/net.h>, served by sdk/lib/driver/proto_net.c for
 * calls and ring descriptors (net_rx.c: RECV buffers).
 */
#ifndef ATXF_DRIVER_NET_H
#define ATXF_DRIVER_NET_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/proto/net.h>

struct atxf_device;

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

#endif
