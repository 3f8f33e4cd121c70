/*
 * What the parts of the ring library (sdk/lib/ring, <atxf/ring.h>) share:
 * one ring end's index rules and the set of ids in flight. Private.
 */
#ifndef ATXF_RING_IMPL_H
#define ATXF_RING_IMPL_H

#include <stdbool.h>
#include <atxf/ring.h>

/* Marks r unusable for good and says why: -ATXF_EPROTO. */
int __atxf_ring_break(struct atxf_ring *r, const char *why);

/* Where the data area starts for entries per ring: after both rings, on a
 * page boundary, so a class can grant or map data pages alone. */
uint32_t __atxf_ring_data_offset(uint32_t entries);

/* Attaches r's private view to a header whose geometry is already sound;
 * -ATXF_EPROTO (r broken) if the indices found there are impossible. */
int __atxf_ring_bind(struct atxf_ring *r, struct atxf_ring_header *h, size_t size,
		     uint32_t entries, atxf_handle_t peer, uint64_t bits, bool client);

/*
 * The peer's index of end e, read once (acquire) and checked against what
 * this side knows: -ATXF_EPROTO (r broken) if it moved backwards or beyond
 * what the ring can hold. Consumer: how many entries wait. Producer: how
 * many slots are free.
 */
int __atxf_ring_waiting(struct atxf_ring *r, struct atxf_ring_end *e);
int __atxf_ring_room(struct atxf_ring *r, struct atxf_ring_end *e);

/* Copies the next entry of e out of shared memory and frees its slot. */
void __atxf_ring_take(struct atxf_ring *r, struct atxf_ring_end *e, struct atxf_ring_desc *out);
/* Writes d into e's next slot; the peer sees it after __atxf_ring_show. */
void __atxf_ring_put(struct atxf_ring *r, struct atxf_ring_end *e, const struct atxf_ring_desc *d);
/* Shows what e holds to the peer and signals it if it asked: 1, 0, -E. */
int __atxf_ring_show(struct atxf_ring *r, struct atxf_ring_end *e);

/* Whether [offset, offset + len) lies in r's data area. */
bool __atxf_ring_in_data(const struct atxf_ring *r, uint32_t offset, uint32_t len);

/* The ids in flight: add (false if present or full), remove (false if absent). */
bool __atxf_ring_id_has(const struct atxf_ring_idset *s, uint32_t id);
bool __atxf_ring_id_add(struct atxf_ring_idset *s, uint32_t id);
bool __atxf_ring_id_remove(struct atxf_ring_idset *s, uint32_t id);

#endif
