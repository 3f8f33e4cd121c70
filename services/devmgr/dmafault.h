/*
 * DMA faults (docs/devmgr.md): the kernel tells devmgr of every DMA the
 * IOMMU blocked (SYS_DMA_FAULT_WATCH, a notification bit on devmgr's
 * port). A fault of a device whose driver runs ends that driver as a
 * crash would: devmgr then restarts it, or keeps it stopped when its
 * manifest says ATXF_MANIFEST_F_NO_RESTART, by the usual rules.
 */
#ifndef DEVMGR_DMAFAULT_H
#define DEVMGR_DMAFAULT_H

#include <stdint.h>
#include <atxf/cap.h>
#include "supervise.h"

#define DM_DMA_FAULT_BIT 63     /* devmgr's port's notification bit for it */

/* Asks the kernel for fault notifications on port (logs if it cannot). */
void dm_dma_faults_watch(atxf_handle_t port);
/* Handles every queued fault (call when the bit arrives). */
void dm_dma_faults(struct dm_supervisor *s);

#endif
