/*
 * The block class client (docs/protocols.md §3 and §11): reads and writes
 * sectors of a disk through a shared buffer, across the driver's restarts.
 *
 *   struct atxf_block_client disk;
 *   atxf_block_client_open(&disk, "virtio-blk", 64 * 1024, timeout);
 *   atxf_block_client_read(&disk, sector, count, dst);
 *
 * A restart costs the caller at most the connection's restart window
 * (ATXF_CLIENT_RESTART_NS): the request it was in is sent again to the new
 * generation, after the library attached its buffer there and checked
 * (INFO) that the disk is the same size. Writes the old generation
 * acknowledged but had not flushed may be lost with it: the next
 * atxf_block_client_flush says so with -ATXF_ESTALE, once, and the caller
 * writes again what it wrote since its last good flush.
 *
 * For many requests in flight at once, open a request ring on the disk:
 * <atxf/client/block_queue.h>.
 */
#ifndef ATXF_CLIENT_BLOCK_H
#define ATXF_CLIENT_BLOCK_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/client/buffer.h>
#include <atxf/client/conn.h>
#include <atxf/proto/block.h>

struct atxf_block_queue;            /* <atxf/client/block_queue.h> */

struct atxf_block_client {
	struct atxf_conn conn;              /* first: the replay finds the client from it */
	struct atxf_block_info info;        /* the disk, as the first generation said */
	struct atxf_client_buffer buf;      /* where the driver moves sectors */
	uint32_t unflushed;                 /* writes since the last good flush */
	uint32_t lost_writes;               /* 1: a restart came while writes were unflushed */
	struct atxf_block_queue *queue;     /* its request ring, if one is open */
};

/*
 * Opens the disk behind name (an instance or a driver name, as
 * atxf_conn_open) with a buffer of buf_size bytes (at least one sector).
 * 0, or -ATXF_ENODEV (no medium), -ATXF_ERANGE (buffer), the lookup's or a
 * call's error.
 */
int atxf_block_client_open(struct atxf_block_client *b, const char *name, size_t buf_size,
			   uint64_t timeout_ns);

/*
 * count sectors from sector into dst (to it from src), split into transfers
 * that fit the buffer and the driver's max_sectors. 0, or the first
 * failing transfer's error (-ATXF_ESTALE: the driver did not come back).
 * dst (src) may be the shared buffer itself, b->buf.mem, when the count
 * fits it: the driver then moves the sectors straight there (no copy).
 */
int atxf_block_client_read(struct atxf_block_client *b, uint64_t sector, uint32_t count,
			   void *dst);
int atxf_block_client_write(struct atxf_block_client *b, uint64_t sector, uint32_t count,
			    const void *src);

/* FLUSH: 0; -ATXF_ESTALE once when a restart may have lost unflushed writes. */
int atxf_block_client_flush(struct atxf_block_client *b);

void atxf_block_client_close(struct atxf_block_client *b);

#endif
