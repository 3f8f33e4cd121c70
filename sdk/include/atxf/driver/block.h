/*
 * The block class's part of the driver framework (<atxf/driver.h>): the
 * callbacks of a disk. Protocol: <atxf/proto/block.h>, served by
 * sdk/lib/driver/proto_block.c for calls and ring descriptors alike.
 */
#ifndef ATXF_DRIVER_BLOCK_H
#define ATXF_DRIVER_BLOCK_H

#include <stdint.h>
#include <atxf/proto/block.h>

struct atxf_device;

/* Block devices (ATXF_CLASS_BLOCK). buf is shared with the client. */
struct atxf_block_ops {
	int (*read)(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf);
	int (*write)(struct atxf_device *dev, uint64_t sector, uint32_t count, const void *buf);
	/* Left out: FLUSH succeeds, for a device without a write cache has nothing to flush. */
	int (*flush)(struct atxf_device *dev);
};

#endif
