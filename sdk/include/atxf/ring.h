/*
 * Request rings in shared memory: one client, one driver, many requests in
 * flight (docs/protocols.md §10). Learned from seL4 sDDF's queues and
 * virtio's event index; written for ATXF.
 *
 * One region (a SYS_SHM_GRANT of the client's memory, mapped by the
 * driver) holds, at fixed offsets:
 *
 *   0                      struct atxf_ring_header: geometry and indices
 *   ATXF_RING_SQ_OFFSET    the submission ring: entries descriptors
 *   sq + entries * 32      the completion ring: entries descriptors
 *   next page boundary     the data area, to the end of the region
 *
 * The client produces submissions and consumes completions; the driver
 * does the opposite. Indices are free-running u32s: slot = index &
 * (entries - 1), fill = prod - cons, both by unsigned arithmetic, so they
 * wrap. Each index is written by one side only, in its own cache line.
 *
 * Signals are notification bits (SYS_IPC_NOTIFY): the doorbell on the
 * driver's port, the completion signal on the client's. A consumer that
 * wants a signal stores in its ring's `wake` the index from which on it
 * wants one; a producer that publishes [old, new) signals only if wake is
 * among them. A consumer that is busy draining asks for nothing, so a
 * batch costs one wake-up, or none.
 *
 * The driver trusts nothing in the region: it checks the header once at
 * attach and keeps its own copy of the geometry, copies each descriptor
 * out before it checks it, refuses bad offsets and ids one by one, and
 * declares the ring broken (with a reason) when an index is impossible.
 */
#ifndef ATXF_RING_H
#define ATXF_RING_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>

#define ATXF_RING_MAGIC        0x474e4952u   /* "RING" little-endian */
#define ATXF_RING_VERSION      1u
#define ATXF_RING_MIN_ENTRIES  2u
#define ATXF_RING_MAX_ENTRIES  256u          /* a power of two in between */
#define ATXF_RING_LINE         64u           /* one writer per cache line */
#define ATXF_RING_SQ_OFFSET    512u          /* the header's room */
#define ATXF_RING_PAGE         4096u

/* One request or its completion: 32 bytes, the same in both rings. */
struct atxf_ring_desc {
	uint32_t id;        /* the client's request id: unique while in flight */
	uint16_t opcode;    /* class-defined (block: read, write, flush) */
	uint16_t flags;     /* class-defined; 0 */
	uint32_t offset;    /* the request's bytes: [offset, offset + length) */
	uint32_t length;    /*   of the data area; a completion: bytes done */
	uint64_t arg;       /* class-defined (block: the first sector) */
	int32_t status;     /* a completion: 0 or more, or -ATXF_E*; else 0 */
	uint32_t reserved;  /* 0 */
};

/* Indices of one ring as the region holds them. prod is the producer's;
 * cons and wake are the consumer's (wake: signal me once prod passes it).
 * Only ever read and written whole, with the C11 memory model's atomic
 * accesses (GCC's __atomic builtins: the SDK's libc has no <stdatomic.h>). */
struct atxf_ring_indices {
	_Alignas(ATXF_RING_LINE) uint32_t prod;
	_Alignas(ATXF_RING_LINE) uint32_t cons;
	uint32_t wake;
};

/* At offset 0 of the region; written by the client before it grants it. */
struct atxf_ring_header {
	uint32_t magic;         /* ATXF_RING_MAGIC */
	uint16_t version;       /* ATXF_RING_VERSION */
	uint16_t desc_size;     /* sizeof(struct atxf_ring_desc) */
	uint32_t entries;       /* per ring, a power of two */
	uint32_t data_offset;   /* where the data area starts */
	uint32_t data_size;     /* its bytes: to the end of the region */
	struct atxf_ring_indices sq;  /* submissions: client -> driver */
	struct atxf_ring_indices cq;  /* completions: driver -> client */
};

_Static_assert(sizeof(struct atxf_ring_desc) == 32, "descriptor layout");
_Static_assert(sizeof(struct atxf_ring_header) <= ATXF_RING_SQ_OFFSET, "header room");
/* The offsets docs/protocols.md §10.1 promises, each index its own line. */
_Static_assert(offsetof(struct atxf_ring_header, sq.prod) == 64, "sq.prod");
_Static_assert(offsetof(struct atxf_ring_header, sq.cons) == 128, "sq.cons");
_Static_assert(offsetof(struct atxf_ring_header, sq.wake) == 132, "sq.wake");
_Static_assert(offsetof(struct atxf_ring_header, cq.prod) == 192, "cq.prod");
_Static_assert(offsetof(struct atxf_ring_header, cq.cons) == 256, "cq.cons");

/* The smallest region for entries descriptors per ring and data_size bytes. */
size_t atxf_ring_region_size(uint32_t entries, uint32_t data_size);

/*
 * Writes an empty ring's header into mem (size bytes, page-aligned: what
 * the client will grant). -ATXF_EINVAL for entries not a power of two in
 * [MIN, MAX], -ATXF_ERANGE for a region without room for the rings and a
 * page of data. Nothing is written on failure.
 */
int atxf_ring_format(void *mem, size_t size, uint32_t entries);

/* One side's private view: never in shared memory. */
struct atxf_ring_idset {        /* request ids in flight */
	uint32_t n;
	uint32_t ids[ATXF_RING_MAX_ENTRIES];
};

struct atxf_ring_end {          /* one ring, as one side sees it */
	struct atxf_ring_desc *slots;
	struct atxf_ring_indices *idx;
	uint32_t next;              /* producer: next slot to fill; consumer: to read */
	uint32_t seen;              /* the last index of the peer found sound */
	uint32_t published;         /* producer: what the peer has been shown */
};

struct atxf_ring {
	struct atxf_ring_header *hdr;   /* the mapping */
	size_t size;                    /* its bytes (the grant's size, not the header's) */
	uint32_t entries;               /* geometry checked once, kept here */
	uint32_t mask;
	uint8_t *data;
	uint32_t data_size;
	struct atxf_ring_end in;        /* what this side consumes */
	struct atxf_ring_end out;       /* what this side produces */
	struct atxf_ring_idset pending; /* ids submitted (client) or taken (driver) */
	atxf_handle_t peer;             /* the port to signal */
	uint64_t peer_bits;             /* the bits to signal there */
	uint32_t signals;               /* signals sent so far */
	const char *broken;             /* why the ring is unusable; NULL: sound */
};

/*
 * Attaching. mem/size is the mapping (the client's memory, or what the
 * driver's atxf_shm_map gave, with the grant's size from atxf_cap_query).
 * peer and bits name where to signal the other side. The driver's attach
 * checks the header against size and refuses a bad one with -ATXF_EPROTO,
 * the reason in r->broken.
 */
int atxf_ring_client_attach(struct atxf_ring *r, void *mem, size_t size,
			    atxf_handle_t peer, uint64_t bits);
int atxf_ring_driver_attach(struct atxf_ring *r, void *mem, size_t size,
			    atxf_handle_t peer, uint64_t bits);

/* The data area: len bytes at offset, or NULL when they leave it. */
void *atxf_ring_data(const struct atxf_ring *r, uint32_t offset, uint32_t len);

/*
 * The client. submit queues d (id, opcode, offset, length, arg) without
 * showing it: -ATXF_EAGAIN when the ring or the ids in flight are full,
 * -ATXF_ERANGE for bytes outside the data area, -ATXF_EEXIST for an id in
 * flight. kick shows every queued one and rings the doorbell if the driver
 * asked: 1 signalled, 0 not, or -ATXF_E* from the notify. reap takes one
 * completion: 1 (in *out), 0 none, -ATXF_ENOENT for an id not in flight
 * (skipped), -ATXF_EPROTO when the ring is broken, -ATXF_ESTALE revoked.
 */
int atxf_ring_submit(struct atxf_ring *r, const struct atxf_ring_desc *d);
int atxf_ring_kick(struct atxf_ring *r);
int atxf_ring_reap(struct atxf_ring *r, struct atxf_ring_desc *out);

/*
 * The driver. next takes one request: 1 (in *out, its id now in flight),
 * 0 none (or as many in flight as the completion ring holds), or a refusal:
 * -ATXF_ERANGE (bytes outside the data area: completed at once with that
 * status), -ATXF_EEXIST (an id in flight: skipped), -ATXF_EPROTO (the ring
 * is broken: drop the client), -ATXF_ESTALE (the region was revoked).
 * complete queues the completion of an id in flight (-ATXF_ENOENT for
 * another); publish shows every queued one and signals the client if it
 * asked, like kick.
 */
int atxf_ring_next(struct atxf_ring *r, struct atxf_ring_desc *out);
int atxf_ring_complete(struct atxf_ring *r, uint32_t id, int32_t status, uint32_t length);
/* The same with the completion's class-defined flags (net RECV: frames lost). */
int atxf_ring_complete_flags(struct atxf_ring *r, uint32_t id, int32_t status,
			     uint32_t length, uint16_t flags);
int atxf_ring_publish(struct atxf_ring *r);

/*
 * Either side, before it sleeps: asks for a signal when the next entry
 * arrives. 1 if one arrived meanwhile (do not sleep: drain again), 0 armed.
 */
int atxf_ring_arm(struct atxf_ring *r);

/*
 * Whether the region is still the client's grant: 0, or -ATXF_ESTALE once
 * the client revoked it (or died). Asked of the kernel (atxf_shm_probe),
 * never by touching the region. The driver's next/complete/publish/arm
 * check it first. A revoke racing with the driver's access right after
 * the check does not fault the driver: the kernel turns the mapping's
 * pages to a private zeroed page, so that access reads zeros or the
 * driver's own writes, never the client's bytes, and writes reach no
 * client memory. On -ATXF_ESTALE the driver drops the client and lets go
 * of the mapping with atxf_shm_unmap (docs/protocols.md §10.4).
 */
int atxf_ring_check(struct atxf_ring *r);

#endif
