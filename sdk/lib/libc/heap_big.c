/*
 * Big blocks (heap_big.h). A freed region block stays in the heap for
 * reuse, but the heap never shrinks; a big block goes back to the system
 * when freed, so memory a program frees in large pieces is there again for
 * any use, of any size, in this process or another.
 */
#include <atxf/atxf.h>
#include "heap_big.h"

int heap_big_wanted(const struct atxf_heap *h, size_t n)
{
	return h->release != NULL && n >= ATXF_HEAP_BIG_MIN && n <= HEAP_MAX_REQUEST;
}

void *heap_big_alloc(struct atxf_heap *h, size_t n)
{
	size_t page = ATXF_PAGE_SIZE;
	size_t bytes = (n + HEAP_BIG_HEADER + page - 1) / page * page;
	struct heap_big *b = h->grow(h->ctx, bytes);

	if (b == NULL)
		return NULL;
	b->prev = NULL;
	b->next = h->big;
	b->reserved = 0;
	b->tag = HEAP_BIG_MAGIC << 48 | bytes | HEAP_ALLOCATED;
	if (h->big != NULL)
		h->big->prev = b;
	h->big = b;
	h->big_bytes += bytes;
	return (char *)b + HEAP_BIG_HEADER;
}

struct heap_big *heap_big_of(const struct atxf_heap *h, const void *p)
{
	for (struct heap_big *b = h->big; b != NULL; b = b->next)
		if ((const char *)b + HEAP_BIG_HEADER == p)
			return b;
	return NULL;
}

void heap_big_free(struct atxf_heap *h, struct heap_big *b)
{
	size_t bytes = tag_size(b->tag);

	if (b->prev != NULL)
		b->prev->next = b->next;
	else
		h->big = b->next;
	if (b->next != NULL)
		b->next->prev = b->prev;
	h->big_bytes -= bytes;
	h->release(h->ctx, b, bytes);
}

size_t heap_big_usable(const struct heap_big *b)
{
	return tag_size(b->tag) - HEAP_BIG_HEADER;
}

static int big_fail(struct atxf_heap_report *rep, const char *why, const void *where)
{
	rep->why = why;
	rep->where = where;
	return ATXF_HEAP_BAD_HEADER;
}

int heap_big_verify(const struct atxf_heap *h, struct atxf_heap_report *rep)
{
	const struct heap_big *prev = NULL;
	size_t bytes = 0;

	for (const struct heap_big *b = h->big; b != NULL; prev = b, b = b->next) {
		if ((uintptr_t)b % ATXF_PAGE_SIZE != 0 || b->prev != prev)
			return big_fail(rep, "broken big-block list", b);
		if (b->tag >> 48 != HEAP_BIG_MAGIC || tag_size(b->tag) % ATXF_PAGE_SIZE != 0 ||
		    !tag_allocated(b->tag))
			return big_fail(rep, "big-block header overwritten", b);
		bytes += tag_size(b->tag);
		rep->big_blocks++;
	}
	if (bytes != h->big_bytes)
		return big_fail(rep, "big blocks do not add up", h->big);
	return ATXF_HEAP_OK;
}
