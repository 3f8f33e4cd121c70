/*
 * drivers/storage/part: the partition driver. devmgr starts it on each
 * disk node (kind=disk, services/devmgr/disks.c); it reads the disk's table
 * (drivers/lib/part) and serves each partition as a block device of its
 * own, DISK + "p" + N, whose requests it forwards to the disk shifted by the
 * partition's start, never outside the partition.
 */
#ifndef PARTDRV_H
#define PARTDRV_H

#include <atxf/client/block.h>
#include <atxf/driver/block.h>
#include "part.h"

#define PARTDRV_BUF_BYTES (64 * 1024)       /* the buffer shared with the disk */
#define PARTDRV_SERVED    (ATXF_DRIVER_MAX_DEVICES - 1)  /* the first device is the disk's */

struct partdrv {
	char disk_name[16];                 /* "vblk0": devmgr gives at most 15 bytes */
	struct atxf_block_client disk;      /* the whole disk, through its driver */
	struct part_table table;
};

extern struct partdrv partdrv;

/* The partitions' block callbacks (part_io.c). */
extern const struct atxf_block_ops partdrv_block_ops;
/* part_disk.read for part_scan: sectors of the whole disk. */
int partdrv_disk_read(void *ctx, uint64_t lba, uint32_t count, void *buf);

#endif
