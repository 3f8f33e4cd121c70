/*
 * The block client's request ring (docs/protocols.md §10.5 and §11): many
 * reads and writes in flight at once on an open <atxf/client/block.h>
 * disk, through the driver's ATTACH_RING, surviving its restarts.
 *
 *   atxf_block_queue_open(&q, &disk, 32, port, SIGNAL, NOTICE);
 *   id = atxf_block_queue_submit(&q, ATXF_BLOCK_OP_READ, sector, count, NULL);
 *   atxf_block_queue_kick(&q);
 *   while (atxf_block_queue_reap(&q, &c) == 0)
 *       atxf_block_queue_wait(&q, timeout);
 *   use atxf_block_queue_data(&q, c.id) before the next submit
 *
 * Each request has its own slot of the ring's data area, and its id is
 * the slot's number. When the driver dies, the death notice (notice_bits
 * on port) reaches atxf_block_queue_wait, and the library, after the
 * disk's own replay: takes the completions the old generation published,
 * formats the ring afresh, attaches it to the new generation and submits
 * again, under the same ids, every request still in flight (a WRITE's
 * bytes are still in its slot). So every request completes once, and the
 * caller sees at most the disk's restart window as a delay, or
 * -ATXF_ESTALE. Writes completed but not flushed may be lost as on the
 * call path (<atxf/client/block.h>).
 */
#ifndef ATXF_CLIENT_BLOCK_QUEUE_H
#define ATXF_CLIENT_BLOCK_QUEUE_H

#include <stdint.h>
#include <atxf/client/block.h>
#include <atxf/client/buffer.h>
#include <atxf/ring.h>

#define ATXF_BLOCK_QUEUE_MAX 64     /* requests in flight, at most */

struct atxf_block_queue_req {
	uint64_t sector;
	uint32_t count;
	uint16_t opcode;            /* ATXF_BLOCK_OP_* */
	uint8_t state;              /* free, in flight, done (not yet reaped) */
	int32_t status;             /* done: the completion's status */
	uint32_t length;            /* done: bytes the driver moved */
};

/* One completion, as atxf_block_queue_reap gives it. */
struct atxf_block_completion {
	uint32_t id;                /* what atxf_block_queue_submit returned */
	int32_t status;             /* 0 or -ATXF_E* */
	uint32_t length;            /* bytes read or written */
};

struct atxf_block_queue {
	struct atxf_block_client *disk;
	struct atxf_client_buffer region;   /* the ring's header, rings, then the slots */
	struct atxf_ring ring;
	atxf_handle_t port;                 /* the client's: completions and death notices */
	uint64_t signal_bits;               /* completion signals */
	uint32_t entries;                   /* ring entries, and slots */
	uint32_t slot_sectors;              /* sectors per slot */
	uint32_t data_offset;               /* of the first slot, in the ring's data area */
	uint32_t resubmits;                 /* requests submitted again after restarts */
	struct atxf_block_queue_req req[ATXF_BLOCK_QUEUE_MAX];
};

/*
 * Opens a ring of entries (a power of two, 2..64) on the open disk, with
 * slots of the disk's max_sectors (at most 16) each; completion signals
 * and death notices come to port as signal_bits and notice_bits. 0, or
 * -ATXF_EINVAL, the driver's ATTACH_RING error (-ATXF_ENOSYS: a driver
 * without rings).
 */
int atxf_block_queue_open(struct atxf_block_queue *q, struct atxf_block_client *disk,
			  uint32_t entries, atxf_handle_t port, uint64_t signal_bits,
			  uint64_t notice_bits);

/*
 * Queues one READ or WRITE of count sectors (at most slot_sectors); for a
 * WRITE, src's bytes are copied into the slot first. The id (>= 0), or
 * -ATXF_EAGAIN (every slot in flight or not reaped), -ATXF_ERANGE.
 */
long atxf_block_queue_submit(struct atxf_block_queue *q, uint16_t opcode, uint64_t sector,
			     uint32_t count, const void *src);

/* Shows the queued requests to the driver (one doorbell at most). */
int atxf_block_queue_kick(struct atxf_block_queue *q);

/* One completion: 1 (in *c, its slot free again), 0 none yet, or -ATXF_E*. */
int atxf_block_queue_reap(struct atxf_block_queue *q, struct atxf_block_completion *c);

/*
 * Sleeps until a completion may be there or timeout_ns passed; handles a
 * death notice (reconnects, resubmits). 0, -ATXF_ETIMEDOUT, -ATXF_ESTALE.
 */
int atxf_block_queue_wait(struct atxf_block_queue *q, uint64_t timeout_ns);

/* Request id's bytes: a READ's data after its completion, until the next submit. */
void *atxf_block_queue_data(struct atxf_block_queue *q, uint32_t id);

void atxf_block_queue_close(struct atxf_block_queue *q);

#endif
