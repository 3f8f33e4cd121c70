/*
 * The rng class's part of the driver framework (<atxf/driver.h>,
 * <atxf/driver/class.h>).
 * Protocol: <atxf/proto/rng.h>, served by sdk/lib/driver/proto_rng.c.
 */
#ifndef ATXF_DRIVER_RNG_H
#define ATXF_DRIVER_RNG_H

#include <stddef.h>
#include <atxf/driver.h>
#include <atxf/driver/class.h>
#include <atxf/proto/rng.h>

/* The class (sdk/lib/driver/proto_rng.c); a driver of it says
 * ATXF_RNG_OPS(its struct atxf_rng_ops) in its struct atxf_driver. */
extern const struct atxf_driver_class atxf_rng_class;
#define ATXF_RNG_OPS(ops) \
	.cls = &atxf_rng_class, .class_ops = ATXF_CLASS_OPS(struct atxf_rng_ops, ops)

/* Random number generators (ATXF_CLASS_RNG): read returns bytes produced (0..len). */
struct atxf_rng_ops {
	int (*read)(struct atxf_device *dev, void *buf, size_t len);
};

#endif
