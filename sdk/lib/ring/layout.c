/*
 * The region's layout (<atxf/ring.h>): its size, the client's formatting,
 * and the driver's check of a header it must not trust. The geometry is
 * derived from entries alone, so the driver recomputes every offset and
 * only compares: a header cannot point the rings anywhere else.
 */
#include <string.h>
#include <atxf/errors.h>
#include "ring_impl.h"

static bool entries_ok(uint32_t entries)
{
	return entries >= ATXF_RING_MIN_ENTRIES && entries <= ATXF_RING_MAX_ENTRIES &&
	       !(entries & (entries - 1));
}

uint32_t __atxf_ring_data_offset(uint32_t entries)
{
	uint32_t end = ATXF_RING_SQ_OFFSET + 2 * entries * (uint32_t)sizeof(struct atxf_ring_desc);

	return (end + ATXF_RING_PAGE - 1) & ~(ATXF_RING_PAGE - 1);
}

size_t atxf_ring_region_size(uint32_t entries, uint32_t data_size)
{
	size_t size = (size_t)__atxf_ring_data_offset(entries) + data_size;

	return (size + ATXF_RING_PAGE - 1) & ~(size_t)(ATXF_RING_PAGE - 1);
}

int atxf_ring_format(void *mem, size_t size, uint32_t entries)
{
	struct atxf_ring_header *h = mem;

	if (!entries_ok(entries) || !mem || (uintptr_t)mem % ATXF_RING_PAGE)
		return -ATXF_EINVAL;
	if (size > UINT32_MAX || size < (size_t)__atxf_ring_data_offset(entries) + ATXF_RING_PAGE)
		return -ATXF_ERANGE;
	memset(mem, 0, __atxf_ring_data_offset(entries));
	h->magic = ATXF_RING_MAGIC;
	h->version = ATXF_RING_VERSION;
	h->desc_size = sizeof(struct atxf_ring_desc);
	h->entries = entries;
	h->data_offset = __atxf_ring_data_offset(entries);
	h->data_size = (uint32_t)(size - h->data_offset);
	return 0;
}

/* The reason a header of a size-byte region is refused, or NULL. Read
 * into a copy first: the client may rewrite it while we look. */
static const char *header_fault(const struct atxf_ring_header *shared, size_t size,
				uint32_t *entries)
{
	struct atxf_ring_header h;

	memcpy(&h, shared, offsetof(struct atxf_ring_header, sq));
	if (h.magic != ATXF_RING_MAGIC)
		return "not a ring region (bad magic)";
	if (h.version != ATXF_RING_VERSION || h.desc_size != sizeof(struct atxf_ring_desc))
		return "unknown ring version or descriptor size";
	if (!entries_ok(h.entries))
		return "ring entries not a power of two in 2..256";
	if (h.data_offset != __atxf_ring_data_offset(h.entries) || size <= h.data_offset ||
	    h.data_size != size - h.data_offset)
		return "data area does not match the region's size";
	*entries = h.entries;
	return NULL;
}

int atxf_ring_client_attach(struct atxf_ring *r, void *mem, size_t size,
			    atxf_handle_t peer, uint64_t bits)
{
	uint32_t entries;

	memset(r, 0, sizeof(*r));
	if (!mem || size > UINT32_MAX || header_fault(mem, size, &entries))
		return -ATXF_EINVAL;        /* our own region: format it first */
	return __atxf_ring_bind(r, mem, size, entries, peer, bits, true) ? -ATXF_EINVAL : 0;
}

int atxf_ring_driver_attach(struct atxf_ring *r, void *mem, size_t size,
			    atxf_handle_t peer, uint64_t bits)
{
	const char *why;
	uint32_t entries;

	memset(r, 0, sizeof(*r));
	if (!mem || size < ATXF_RING_PAGE || size > UINT32_MAX)
		return __atxf_ring_break(r, "region too small or too large");
	why = header_fault(mem, size, &entries);
	if (why)
		return __atxf_ring_break(r, why);
	return __atxf_ring_bind(r, mem, size, entries, peer, bits, false);
}

bool __atxf_ring_in_data(const struct atxf_ring *r, uint32_t offset, uint32_t len)
{
	return (uint64_t)offset + len <= r->data_size;
}

void *atxf_ring_data(const struct atxf_ring *r, uint32_t offset, uint32_t len)
{
	if (r->broken || !r->data || !__atxf_ring_in_data(r, offset, len))
		return NULL;
	return r->data + offset;
}
