/*
 * A device class of its own (<atxf/driver.h>): how a class the framework
 * does not know is added without editing the framework. The class's
 * header declares its ops struct and its protocol table (proto/common.h's
 * X-macro); its library part defines one descriptor, and a driver of the
 * class points at it and at its ops:
 *
 *   static const struct atxf_msg_shape gpio_shapes[] = {
 *           MY_GPIO_PROTOCOL(ATXF_PROTO_SHAPE_) };
 *   const struct atxf_driver_class gpio_class = {
 *           .proto = MY_PROTO_GPIO, .device_class = MY_CLASS_GPIO,
 *           .shape = gpio_shapes, .nshapes = 2, .serve = gpio_serve };
 *
 *   static const struct gpio_ops ops = { .set = my_set };
 *   static const struct atxf_driver drv = { .cls = &gpio_class, .class_ops = &ops };
 *
 * The framework checks each request against the class's shapes (size,
 * capabilities, direction) before serve sees it, exactly as for its own
 * classes (dispatch.c); serve finds the driver's ops in
 * dev->driver->class_ops, and may defer (ATXF_PENDING). A class that takes
 * rings answers its ATTACH_RING request with atxf_ring_attach_serve() and
 * serves each checked descriptor in ring_serve (bytes done, ATXF_PENDING
 * or -ATXF_E*).
 */
#ifndef ATXF_DRIVER_CLASS_H
#define ATXF_DRIVER_CLASS_H

#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/proto/common.h>
#include <atxf/ring.h>

struct atxf_device;

struct atxf_driver_class {
	uint32_t proto;             /* ATXF_PROTO_* or a private one (>= 0x80) */
	unsigned device_class;      /* whose it is; ATXF_CLASS_NONE: every driver's */
	const struct atxf_msg_shape *shape;
	unsigned nshapes;
	int (*serve)(struct atxf_device *dev, const struct atxf_msg *req, struct atxf_msg *reply);
	int (*ring_serve)(struct atxf_device *dev, const struct atxf_ring_desc *d, void *bytes);
};

/* ATTACH_RING for a class of its own: request and reply as proto/common.h says. */
int atxf_ring_attach_serve(struct atxf_device *dev, const struct atxf_msg *req,
			   struct atxf_msg *reply);

#endif
