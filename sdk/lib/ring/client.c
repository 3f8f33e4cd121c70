/*
 * The client's side of a ring (<atxf/ring.h>): submissions out,
 * completions in. The client owns the region, but its completions come
 * from the driver, so they are checked too: an id it never submitted
 * (or already reaped) is refused.
 */
#include <atxf/errors.h>
#include "ring_impl.h"

int atxf_ring_submit(struct atxf_ring *r, const struct atxf_ring_desc *d)
{
	struct atxf_ring_desc copy = *d;
	int room = __atxf_ring_room(r, &r->out);

	if (room < 0)
		return room;
	if (!__atxf_ring_in_data(r, d->offset, d->length))
		return -ATXF_ERANGE;
	if (__atxf_ring_id_has(&r->pending, d->id))
		return -ATXF_EEXIST;
	if (!room || r->pending.n == r->entries)
		return -ATXF_EAGAIN;
	__atxf_ring_id_add(&r->pending, d->id);
	copy.status = 0;
	copy.reserved = 0;
	__atxf_ring_put(r, &r->out, &copy);
	return 0;
}

int atxf_ring_kick(struct atxf_ring *r)
{
	if (r->broken)
		return -ATXF_EPROTO;
	return __atxf_ring_show(r, &r->out);
}

int atxf_ring_reap(struct atxf_ring *r, struct atxf_ring_desc *out)
{
	int waiting = __atxf_ring_waiting(r, &r->in);

	if (waiting <= 0)
		return waiting;
	__atxf_ring_take(r, &r->in, out);
	if (!__atxf_ring_id_remove(&r->pending, out->id))
		return -ATXF_ENOENT;
	return 1;
}
