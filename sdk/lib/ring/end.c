/*
 * One ring end (ring_impl.h): the index rules both sides follow.
 *
 * Ordering (the C11 model, through GCC's __atomic builtins): a producer
 * writes slots, then stores prod with release; a consumer loads prod
 * with acquire before it copies slots, and stores cons with release
 * after. The signal decision is the one place two
 * sides race (a consumer arming wake while a producer publishes): each
 * side stores its index, then a seq_cst fence, then loads the other's, so
 * at least one of them sees the other and no wake-up is lost.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/port.h>
#include "ring_impl.h"

int __atxf_ring_break(struct atxf_ring *r, const char *why)
{
	if (!r->broken)
		r->broken = why;
	return -ATXF_EPROTO;
}

/* Picks up where the ring stands: a fresh region is at 0 everywhere, but
 * a region may have run 2^32 requests, or outlived a driver. */
static void bind_in(struct atxf_ring_end *e, struct atxf_ring_desc *slots,
		    struct atxf_ring_indices *idx)
{
	e->slots = slots;
	e->idx = idx;
	e->next = e->seen = __atomic_load_n(&idx->cons, __ATOMIC_ACQUIRE);
	e->published = 0;
}

static void bind_out(struct atxf_ring_end *e, struct atxf_ring_desc *slots,
		     struct atxf_ring_indices *idx)
{
	e->slots = slots;
	e->idx = idx;
	e->next = e->published = __atomic_load_n(&idx->prod, __ATOMIC_ACQUIRE);
	e->seen = __atomic_load_n(&idx->cons, __ATOMIC_ACQUIRE);
}

/* Whether the indices found at attach leave at most entries in flight. */
static int bound_ok(struct atxf_ring *r)
{
	uint32_t waiting = __atomic_load_n(&r->in.idx->prod, __ATOMIC_ACQUIRE) - r->in.next;

	if (waiting > r->entries || r->out.next - r->out.seen > r->entries)
		return __atxf_ring_break(r, "ring indices more than the ring size apart");
	r->in.seen = r->in.next + waiting;
	return 0;
}

int __atxf_ring_bind(struct atxf_ring *r, struct atxf_ring_header *h, size_t size,
		     uint32_t entries, atxf_handle_t peer, uint64_t bits, bool client)
{
	struct atxf_ring_desc *sq = (void *)((uint8_t *)h + ATXF_RING_SQ_OFFSET);
	struct atxf_ring_desc *cq = sq + entries;

	r->hdr = h;
	r->size = size;
	r->entries = entries;
	r->mask = entries - 1;
	r->data = (uint8_t *)h + __atxf_ring_data_offset(entries);
	r->data_size = (uint32_t)(size - __atxf_ring_data_offset(entries));
	bind_in(&r->in, client ? cq : sq, client ? &h->cq : &h->sq);
	bind_out(&r->out, client ? sq : cq, client ? &h->sq : &h->cq);
	r->peer = peer;
	r->peer_bits = bits;
	return bound_ok(r);
}

/*
 * The consumer's view: the producer's index may be anywhere in
 * [seen, next + entries]. Earlier is a step back, later overruns slots
 * not yet read; both break the ring.
 */
int __atxf_ring_waiting(struct atxf_ring *r, struct atxf_ring_end *e)
{
	uint32_t prod = __atomic_load_n(&e->idx->prod, __ATOMIC_ACQUIRE);

	if (r->broken)
		return -ATXF_EPROTO;
	if (prod - e->seen > e->next + r->entries - e->seen)
		return __atxf_ring_break(r, prod - e->seen > UINT32_MAX / 2 ?
					 "producer index moved backwards" :
					 "producer index more than the ring size ahead");
	e->seen = prod;
	return (int)(prod - e->next);
}

/* The producer's view: the consumer's index may be in [seen, next]. */
int __atxf_ring_room(struct atxf_ring *r, struct atxf_ring_end *e)
{
	uint32_t cons = __atomic_load_n(&e->idx->cons, __ATOMIC_ACQUIRE);

	if (r->broken)
		return -ATXF_EPROTO;
	if (cons - e->seen > e->next - e->seen)
		return __atxf_ring_break(r, cons - e->seen > UINT32_MAX / 2 ?
					 "consumer index moved backwards" :
					 "consumer index ahead of what was produced");
	e->seen = cons;
	return (int)(r->entries - (e->next - cons));
}

void __atxf_ring_take(struct atxf_ring *r, struct atxf_ring_end *e, struct atxf_ring_desc *out)
{
	memcpy(out, &e->slots[e->next & r->mask], sizeof(*out));
	e->next++;
	__atomic_store_n(&e->idx->cons, e->next, __ATOMIC_RELEASE);
}

void __atxf_ring_put(struct atxf_ring *r, struct atxf_ring_end *e, const struct atxf_ring_desc *d)
{
	memcpy(&e->slots[e->next & r->mask], d, sizeof(*d));
	e->next++;
}

/* virtio's vring_need_event: wake lies in [old, new), mod 2^32. */
static bool wants_signal(uint32_t wake, uint32_t new, uint32_t old)
{
	return (uint32_t)(new - wake - 1) < (uint32_t)(new - old);
}

int __atxf_ring_show(struct atxf_ring *r, struct atxf_ring_end *e)
{
	uint32_t old = e->published;
	uint32_t wake;
	int err;

	if (old == e->next)
		return 0;
	__atomic_store_n(&e->idx->prod, e->next, __ATOMIC_RELEASE);
	e->published = e->next;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	wake = __atomic_load_n(&e->idx->wake, __ATOMIC_RELAXED);
	if (!wants_signal(wake, e->next, old))
		return 0;
	err = atxf_notify(r->peer, r->peer_bits);
	if (err < 0)
		return err;
	r->signals++;
	return 1;
}

int atxf_ring_arm(struct atxf_ring *r)
{
	struct atxf_ring_end *e = &r->in;
	int err = atxf_ring_check(r);

	if (err)
		return err;
	__atomic_store_n(&e->idx->wake, e->next, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return __atomic_load_n(&e->idx->prod, __ATOMIC_ACQUIRE) != e->next;
}

int atxf_ring_check(struct atxf_ring *r)
{
	if (r->broken)
		return -ATXF_EPROTO;
	if (!r->hdr || atxf_shm_probe(r->hdr) < 0)
		return -ATXF_ESTALE;
	return 0;
}
