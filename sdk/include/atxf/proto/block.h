/*
 * The block protocol (ATXF_PROTO_BLOCK): disks. Exercised in QEMU by
 * virtio-blk and AHCI drivers; docs/protocols.md §3.
 *
 * Data never travels in messages. A client first attaches a buffer
 * (ATTACH_BUFFER, caps[0] = a shared-memory handle); READ and WRITE then name
 * a place in it by offset, and the driver transfers sectors straight to or
 * from it. The framework checks every transfer against the buffer and the
 * device before the driver's callback runs:
 *
 *   count >= 1, count <= max_sectors (when the driver sets one),
 *   sector + count <= sectors                         else -ATXF_ERANGE
 *   offset + count * sector_size <= the buffer's size else -ATXF_ERANGE
 *   a buffer is attached                              else -ATXF_EPROTO
 *   WRITE to a read-only device                       -ATXF_EPERM
 *
 * Queued I/O. ATTACH_RING (proto/common.h) gives the driver a request ring
 * (<atxf/ring.h>): many requests in flight, completed in any order, with no
 * message per request. Each descriptor is one of the ATXF_BLOCK_OP_* below:
 * arg = the first sector, [offset, offset + length) = the bytes in the
 * ring's data area (length a whole number of sectors, checked like count
 * above: a bad one completes alone with -ATXF_ERANGE, -ATXF_EPERM..); FLUSH
 * carries no bytes (offset, length and arg 0). A completion's length is the
 * bytes transferred, its status 0 or -ATXF_E*.
 */
#ifndef ATXF_PROTO_BLOCK_H
#define ATXF_PROTO_BLOCK_H

#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/proto/common.h>

/* INFO's reply; also what a block driver's probe fills in (dev->info.block). */
struct atxf_block_info {
	uint32_t sector_size;       /* bytes, a power of two; 0: no medium */
	uint32_t read_only;         /* 1: WRITE is refused */
	uint64_t sectors;           /* device size in sectors */
	uint32_t max_sectors;       /* largest count per READ/WRITE; 0: no limit */
	uint32_t reserved;
};

/* READ and WRITE. */
struct atxf_block_rw {
	uint64_t sector;            /* first sector */
	uint32_t count;             /* sectors */
	uint32_t reserved;
	uint64_t offset;            /* where in the attached buffer */
};

/* Ring descriptor opcodes (struct atxf_ring_desc.opcode). */
#define ATXF_BLOCK_OP_READ   1
#define ATXF_BLOCK_OP_WRITE  2
#define ATXF_BLOCK_OP_FLUSH  3

/* X(PROTO, NAME, n, dir, req_min, req_max, caps, reply): see proto/common.h. */
#define ATXF_BLOCK_PROTOCOL(X)                                                 \
	X(BLOCK, INFO, 1, ATXF_TO_DRIVER, 0, 0, 0, sizeof(struct atxf_block_info)) \
	X(BLOCK, ATTACH_BUFFER, 2, ATXF_TO_DRIVER, 0, 0, 1,                     \
	  sizeof(struct atxf_attach_reply))                                     \
	X(BLOCK, READ, 3, ATXF_TO_DRIVER, sizeof(struct atxf_block_rw),         \
	  sizeof(struct atxf_block_rw), 0, 0)                                   \
	X(BLOCK, WRITE, 4, ATXF_TO_DRIVER, sizeof(struct atxf_block_rw),        \
	  sizeof(struct atxf_block_rw), 0, 0)                                   \
	X(BLOCK, FLUSH, 5, ATXF_TO_DRIVER, 0, 0, 0, 0)                          \
	X(BLOCK, ATTACH_RING, 6, ATXF_TO_DRIVER, sizeof(struct atxf_ring_attach), \
	  sizeof(struct atxf_ring_attach), 2, sizeof(struct atxf_ring_attach_reply))

enum { ATXF_BLOCK_PROTOCOL(ATXF_PROTO_CODE_) };

_Static_assert(sizeof(struct atxf_block_info) == 24, "block INFO layout");
_Static_assert(sizeof(struct atxf_block_rw) == 24, "block READ/WRITE layout");
_Static_assert(sizeof(struct atxf_block_info) <= ATXF_MSG_DATA_MAX, "INFO fits");

#endif
