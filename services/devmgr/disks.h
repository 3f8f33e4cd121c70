/*
 * Disk names (disks.c): each disk a known block driver serves gets a short
 * name, its driver's prefix and a number ("vblk0", "nvme1", "ahci0",
 * "ata0"), kept by its instance across restarts, published with the name
 * service for the disk's service port, and shown as a node under the
 * driver's device (kind=disk disk=NAME driver=DRIVER), which the partition
 * driver (drivers/storage/part) matches.
 */
#ifndef DEVMGR_DISKS_H
#define DEVMGR_DISKS_H

#include <stdint.h>
#include "devmgr.h"

/* pid said HELLO and serves: if it is a disk driver, its disk is named and
 * its node added (and announced, so drivers that match it start). */
void dm_disk_publish(struct devmgr *dm, uint32_t pid);
/* The prefix of a disk served by the driver named driver, or NULL: no disk driver. */
const char *dm_disk_prefix(const char *driver);

#endif
