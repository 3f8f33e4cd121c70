/*
 * Frame pins: a frame a device may reach (a client's page mapped for DMA,
 * SYS_DMA_MAP) is pinned. pmm_free() of a pinned frame only marks it
 * orphaned; the last unpin frees it. So whoever gave the frame away first
 * (the granter dying, unmapping its memory), the device never sees it
 * reused until its driver unmaps it.
 */
#ifndef MM_PIN_H
#define MM_PIN_H

#include <stdbool.h>
#include <stdint.h>

/* 0, or -ATXF_ENOMEM when the pin table is full. */
int pin_frame(uint64_t pa);
/* Drops one pin; the last one of an orphaned frame frees it (true). */
bool pin_release(uint64_t pa);
/* pmm_free()'s question: true (and the frame is now orphaned) if pinned. */
bool pin_keeps(uint64_t pa);
/* Frames freed by their owner but kept for a device: the accounting. */
uint64_t pin_orphans(void);
/* Frames ever orphaned (only grows): its difference across one process's
 * teardown is what that teardown left pinned, whatever other processes'
 * unmaps freed meanwhile. */
uint64_t pin_orphaned_total(void);

#endif
