/*
 * The driver's side of a ring (<atxf/ring.h>): submissions in,
 * completions out. Nothing the client wrote is trusted: the region is
 * probed before each use (a revoked one reads zeros), each descriptor is
 * copied out before it is looked at, and its bytes and id are checked on
 * the copy. A bad descriptor is refused alone; only an impossible index
 * breaks the ring.
 *
 * At most entries requests are in flight or completed but not yet reaped,
 * so a completion always finds a slot: complete never waits for the
 * client.
 */
#include <atxf/errors.h>
#include "ring_impl.h"

/* Completions the client has not reaped yet, or -ATXF_EPROTO. */
static int unreaped(struct atxf_ring *r)
{
	int room = __atxf_ring_room(r, &r->out);

	return room < 0 ? room : (int)r->entries - room;
}

/* Whether one more request may be taken (1), not now (0), or -E. */
static int may_take(struct atxf_ring *r)
{
	int busy = unreaped(r);

	if (busy < 0)
		return busy;
	return r->pending.n + (uint32_t)busy < r->entries;
}

/* The copy's verdict: 0 to serve it, or why it is refused. */
static int refuse(struct atxf_ring *r, const struct atxf_ring_desc *d)
{
	if (__atxf_ring_id_has(&r->pending, d->id))
		return -ATXF_EEXIST;
	if (!__atxf_ring_in_data(r, d->offset, d->length)) {
		/* A fresh id: the client hears of its mistake. */
		__atxf_ring_id_add(&r->pending, d->id);
		atxf_ring_complete(r, d->id, -ATXF_ERANGE, 0);
		return -ATXF_ERANGE;
	}
	return 0;
}

int atxf_ring_next(struct atxf_ring *r, struct atxf_ring_desc *out)
{
	int err = atxf_ring_check(r);
	int waiting;

	if (err)
		return err;
	err = may_take(r);
	if (err <= 0)
		return err;
	waiting = __atxf_ring_waiting(r, &r->in);
	if (waiting <= 0)
		return waiting;
	__atxf_ring_take(r, &r->in, out);
	err = refuse(r, out);
	if (err)
		return err;
	__atxf_ring_id_add(&r->pending, out->id);
	return 1;
}

int atxf_ring_complete(struct atxf_ring *r, uint32_t id, int32_t status, uint32_t length)
{
	return atxf_ring_complete_flags(r, id, status, length, 0);
}

int atxf_ring_complete_flags(struct atxf_ring *r, uint32_t id, int32_t status,
			     uint32_t length, uint16_t flags)
{
	struct atxf_ring_desc d = { .id = id, .flags = flags, .status = status, .length = length };
	int err = atxf_ring_check(r);

	if (err)
		return err;
	if (!__atxf_ring_id_remove(&r->pending, id))
		return -ATXF_ENOENT;
	__atxf_ring_put(r, &r->out, &d);
	return 0;
}

int atxf_ring_publish(struct atxf_ring *r)
{
	int err = atxf_ring_check(r);

	return err ? err : __atxf_ring_show(r, &r->out);
}
