/*
 * What every device-class protocol shares: how its one table is written,
 * the shape rows the driver framework decodes with, the event header and the
 * buffer attachment reply.
 *
 * Each protocol header (driver.h, block.h, char.h, input.h, net.h,
 * display.h, rng.h) lists its messages once, as an X-macro table:
 *
 *   X(PROTO, NAME, n, dir, req_min, req_max, caps, reply)
 *
 *   PROTO, NAME, n  the code: ATXF_<PROTO>_<NAME> = ATXF_REQUEST(ATXF_PROTO_<PROTO>, n).
 *                   Requests are numbered from 1, events from ATXF_EVENT_FIRST.
 *   dir             ATXF_TO_DRIVER: a request the driver framework decodes and
 *                   answers; ATXF_FROM_DRIVER: sent by a driver (an event to a
 *                   subscriber, the HELLO to devmgr). A driver refuses those.
 *   req_min/max     bytes of data[] the message carries: equal for a fixed
 *                   layout; a range for inline bytes, whose count is msg.len.
 *   caps            capabilities the message must carry, exactly.
 *   reply           bytes of data[] in a successful reply (at most).
 *
 * From each table come the codes (the enum after it), the framework's
 * decoder (sdk/lib/driver/protocols.c: every request is checked against its row
 * before any callback sees it), docs/protocols.md and the protocol tests.
 *
 * Every layout is little-endian x86-64 with natural alignment, fixed by a
 * _Static_assert. Fields named reserved must be zero: a request with a
 * nonzero reserved field is malformed (-ATXF_EPROTO), which keeps them free
 * for later use.
 */
#ifndef ATXF_PROTO_COMMON_H
#define ATXF_PROTO_COMMON_H

#include <stdint.h>
#include <atxf/ipc.h>

/* Who sends a message (the dir column). */
#define ATXF_TO_DRIVER   1
#define ATXF_FROM_DRIVER 2

/* Events are numbered from here within their protocol; requests below it. */
#define ATXF_EVENT_FIRST 0x40

/* Turns a table row into its code: ATXF_BLOCK_READ = ATXF_REQUEST(0x10, 3). */
#define ATXF_PROTO_CODE_(proto, name, n, dir, req_min, req_max, caps, reply) \
	ATXF_##proto##_##name = ATXF_REQUEST(ATXF_PROTO_##proto, n),

/* One decoded table row, as the framework and the tests use it. */
struct atxf_msg_shape {
	uint32_t code;              /* ATXF_<PROTO>_<NAME> */
	uint8_t dir;                /* ATXF_TO_DRIVER or ATXF_FROM_DRIVER */
	uint8_t caps;               /* capabilities carried, exactly */
	uint8_t req_min, req_max;   /* bytes of data[] carried */
	uint8_t reply;              /* bytes of data[] in a successful reply, at most */
	uint8_t reserved[3];
	const char *name;           /* "BLOCK_READ", for logs and test names */
};

/* Turns a table row into a struct atxf_msg_shape initializer. */
#define ATXF_PROTO_SHAPE_(proto, name, n, dir, req_min, req_max, caps, reply) \
	{ ATXF_REQUEST(ATXF_PROTO_##proto, n), (dir), (caps), (req_min), (req_max), \
	  (reply), { 0, 0, 0 }, #proto "_" #name },

/*
 * Every event starts with this: how many events (or bytes, or frames) the
 * subscriber lost before this one because its port's queue was full. A
 * driver never blocks on a slow subscriber; it counts instead.
 */
struct atxf_event_header {
	uint32_t dropped;
};

/*
 * ATTACH_BUFFER (block, net, display): caps[0] is a shared-memory handle
 * (atxf_shm_grant on the client's side). The driver maps it read-write and
 * uses it for every transfer of that client, which names places in it by
 * offset. One buffer per client process; attaching again replaces it.
 * The reply says how many bytes were mapped.
 */
struct atxf_attach_reply {
	uint64_t size;
};

/*
 * ATTACH_RING (block, net): a request ring (<atxf/ring.h>, docs/protocols.md
 * §10) in a region the client formatted and granted. caps[0] is the
 * region's shared-memory handle, caps[1] a send right to the client's own
 * port, where completions are signalled with signal_bits. The driver maps
 * the region, checks its header and answers with the doorbell: the bits the
 * client notifies on the driver's port after atxf_ring_kick (give them to
 * atxf_ring_client_attach as the peer bits). Each client has its own ring;
 * attaching again from the same process replaces the old one, whose requests
 * in flight are cancelled. The ring ends when the client's port dies or the
 * region is revoked: what was in flight is cancelled, the driver stays up.
 */
struct atxf_ring_attach {
	uint64_t signal_bits;       /* nonzero: bits for the completion signal */
};

struct atxf_ring_attach_reply {
	uint64_t doorbell;          /* bits to notify on the driver's port */
	uint32_t entries;           /* per ring, as the header says */
	uint32_t ring;              /* the driver's number for it, for logs */
};

_Static_assert(sizeof(struct atxf_event_header) == 4, "event header layout");
_Static_assert(sizeof(struct atxf_ring_attach) == 8, "ring attach layout");
_Static_assert(sizeof(struct atxf_ring_attach_reply) == 16, "ring attach reply layout");
_Static_assert(sizeof(struct atxf_attach_reply) == 8, "attach reply layout");

#endif
