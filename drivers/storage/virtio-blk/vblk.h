/*
 * virtio-blk's device logic (VIRTIO 1.1 §5.2) on the SDK's virtio library
 * (<atxf/virtio.h>): one request queue, each request one descriptor chain
 * (header, data segments, status byte) in an indirect table, so up to
 * VBLK_SLOTS are in flight at once. A slot is a request's place in the
 * driver's DMA pool (its header and status) and its token in the queue.
 * The framework glue (requests, client memory, flush ordering) is
 * virtio_blk.c; QEMU: -device virtio-blk-pci,disable-legacy=on.
 */
#ifndef VBLK_H
#define VBLK_H

#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/virtio.h>
#include "virtio_blk_reg.h"

#define VBLK_QUEUE       0          /* §5.2.2: requestq, the first queue */
#define VBLK_QUEUE_SIZE  128        /* entries asked for: requests in flight */
#define VBLK_SLOTS       VBLK_QUEUE_SIZE
/* A chain is header + data + status in one indirect table. */
#define VBLK_DATA_SEGS   (ATXF_VIRTQ_INDIRECT_MAX - 2)

/* A slot's bytes in the pool: what the device reads and writes besides the data. */
struct vblk_slot_mem {
	struct virtio_blk_req_hdr hdr;
	uint8_t status;
	uint8_t pad[15];
};

#define VBLK_PAGES(x)    (((x) + 4095u) / 4096u * 4096u)
#define VBLK_DMA_BYTES   (VBLK_PAGES(ATXF_VIRTQ_DMA_BYTES(VBLK_QUEUE_SIZE)) + \
			  VBLK_PAGES(VBLK_SLOTS * sizeof(struct vblk_slot_mem)))

struct vblk {
	struct atxf_virtio vd;      /* found by the caller (atxf_virtio_probe) */
	struct atxf_virtq q;
	struct atxf_dma pool;       /* VBLK_SLOTS struct vblk_slot_mem */
	uint16_t config_vector, queue_vector;
	uint32_t sector_size;       /* the logical block size (BLK_SIZE), else 512 */
	uint32_t units;             /* 512-byte units per sector */
	uint64_t sectors;           /* capacity in sector_size sectors */
	uint32_t data_segs;         /* data segments per request: seg_max, the chain's room */
	uint32_t size_max;          /* bytes per segment; 0: no limit */
	uint8_t read_only;          /* VIRTIO_BLK_F_RO */
	uint8_t has_flush;          /* VIRTIO_BLK_F_FLUSH: a write cache to flush */
	uint16_t nfree;
	uint16_t free[VBLK_SLOTS];  /* free slots, a stack */
};

/* §3.1.1: negotiates, reads the configuration, sets up requestq on
 * queue_vector (configuration changes on config_vector), DRIVER_OK.
 * 0 or -ATXF_E* (vd.error says why). */
int vblk_start(struct vblk *b, uint16_t config_vector, uint16_t queue_vector);

/* A free slot, or -1 when all are in flight; and giving one back. */
int vblk_slot_take(struct vblk *b);
void vblk_slot_give(struct vblk *b, unsigned slot);

/*
 * Makes slot's request available: type VIRTIO_BLK_T_*, at sector (in
 * sector_size sectors), over the data segments (none for FLUSH; read:
 * device-writable, write: device-readable). Not yet kicked. 0,
 * -ATXF_ENOSPC (queue full), -ATXF_EINVAL, -ATXF_EIO (queue broken).
 */
int vblk_submit(struct vblk *b, unsigned slot, uint32_t type, uint64_t sector,
		const struct atxf_dma_seg *seg, unsigned nsegs);
void vblk_kick(struct vblk *b);

/* The next request the device finished: its slot and status (0,
 * -ATXF_EIO, -ATXF_ENOTSUP). 0, -ATXF_EAGAIN (none), -ATXF_EIO (the device
 * broke the ring rules: reset it). */
int vblk_collect(struct vblk *b, unsigned *slot, int *status);

/* Asks for an interrupt at the next used entry: 1 if one is there already. */
int vblk_irq_on(struct vblk *b);

int vblk_needs_reset(const struct vblk *b);

/* Resets the device (it then touches none of our memory or the clients')
 * and frees the queue; every slot is free again. */
int vblk_reset(struct vblk *b);

/* After vblk_reset: negotiates and sets the queue up again (same vectors). */
int vblk_restart(struct vblk *b);

/* Reset, and the pool freed. */
void vblk_stop(struct vblk *b);

#endif
