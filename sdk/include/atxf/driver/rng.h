/*
 * The rng class's part of the driver framework (<atxf/driver.h>).
 * Protocol: <atxf/proto/rng.h>, served by sdk/lib/driver/proto_rng.c.
 */
#ifndef ATXF_DRIVER_RNG_H
#define ATXF_DRIVER_RNG_H

#include <stddef.h>
#include <atxf/proto/rng.h>

struct atxf_device;

/* Random number generators (ATXF_CLASS_RNG): read returns bytes produced (0..len). */
struct atxf_rng_ops {
	int (*read)(struct atxf_device *dev, void *buf, size_t len);
};

#endif
