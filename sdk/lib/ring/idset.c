/*
 * The request ids one side holds in flight (ring_impl.h): at most
 * ATXF_RING_MAX_ENTRIES, in an array searched from the start. Small enough
 * that a search costs less than the cache misses of a cleverer set.
 */
#include "ring_impl.h"

static int find(const struct atxf_ring_idset *s, uint32_t id)
{
	for (uint32_t i = 0; i < s->n; i++)
		if (s->ids[i] == id)
			return (int)i;
	return -1;
}

bool __atxf_ring_id_has(const struct atxf_ring_idset *s, uint32_t id)
{
	return find(s, id) >= 0;
}

bool __atxf_ring_id_add(struct atxf_ring_idset *s, uint32_t id)
{
	if (s->n == ATXF_RING_MAX_ENTRIES || find(s, id) >= 0)
		return false;
	s->ids[s->n++] = id;
	return true;
}

/* Order does not matter: the last id fills the hole. */
bool __atxf_ring_id_remove(struct atxf_ring_idset *s, uint32_t id)
{
	int i = find(s, id);

	if (i < 0)
		return false;
	s->ids[i] = s->ids[--s->n];
	return true;
}
