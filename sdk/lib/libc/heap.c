/*
 * The allocator: first fit over segregated free lists, splitting blocks on
 * allocation and coalescing neighbours on free (layout in heap_block.h).
 *
 * Free lists are per power-of-two size class, so a fit is found by scanning
 * one short list and then taking the head of any bigger class. Pointers
 * given to free/resize are checked against the region list and the block's
 * tags first, which catches double and invalid frees at little cost.
 */
#include <string.h>
#include <atxf/atxf.h>
#include "heap_big.h"

#define HEAP_GROW_MIN (64 * 1024)   /* fewer, bigger calls into the kernel */

static void bin_insert(struct atxf_heap *h, char *b)
{
	struct heap_free *f = blk_payload(b);
	struct heap_free **bin = &h->bins[heap_bin(blk_size(b))];

	f->prev = NULL;
	f->next = *bin;
	if (*bin != NULL)
		(*bin)->prev = f;
	*bin = f;
}

static void bin_remove(struct atxf_heap *h, char *b)
{
	struct heap_free *f = blk_payload(b);

	if (f->prev != NULL)
		f->prev->next = f->next;
	else
		h->bins[heap_bin(blk_size(b))] = f->next;
	if (f->next != NULL)
		f->next->prev = f->prev;
}

/* Merge free block b (in no bin) with free neighbours; returns the result. */
static char *coalesce(struct atxf_heap *h, char *b)
{
	size_t size = blk_size(b);
	char *next = b + size;

	if (!blk_allocated(next)) {
		bin_remove(h, next);
		size += blk_size(next);
	}
	if (!tag_allocated(*(heap_tag *)(b - HEAP_TAG))) {
		b = blk_prev(b);
		bin_remove(h, b);
		size += blk_size(b);
	}
	blk_set(b, size, 0);
	return b;
}

/* Mark b free, merge it with its neighbours and file it in its bin. */
static void release(struct atxf_heap *h, char *b)
{
	blk_set(b, blk_size(b), 0);
	bin_insert(h, coalesce(h, b));
}

/* Cut allocated block b down to size, freeing the tail if it can stand alone. */
static void trim(struct atxf_heap *h, char *b, size_t size)
{
	size_t have = blk_size(b);

	if (have - size < HEAP_MIN_BLOCK)
		return;
	blk_set(b, size, 1);
	blk_set(b + size, have - size, 0);
	bin_insert(h, coalesce(h, b + size));
}

/* Block size for an n-byte request, or 0 if no heap could satisfy it. */
static size_t block_size(size_t n)
{
	if (n > HEAP_MAX_REQUEST)
		return 0;
	size_t size = (n + 2 * HEAP_TAG + HEAP_ALIGN - 1) & ~(size_t)(HEAP_ALIGN - 1);
	return size < HEAP_MIN_BLOCK ? HEAP_MIN_BLOCK : size;
}

static char *find_fit(struct atxf_heap *h, size_t size)
{
	for (unsigned bin = heap_bin(size); bin < ATXF_HEAP_NBINS; bin++) {
		for (struct heap_free *f = h->bins[bin]; f != NULL; f = f->next) {
			char *b = payload_blk(f);

			if (blk_size(b) >= size)
				return b;
		}
	}
	return NULL;
}

/* Lay out fresh memory at mem as a region: prologue, one free block, epilogue. */
static char *region_init(struct atxf_heap *h, char *mem, size_t bytes)
{
	struct heap_region *r = (struct heap_region *)mem;

	r->next = h->regions;
	r->end = mem + bytes;
	h->regions = r;
	h->nregions++;
	blk_set(region_prologue(r), HEAP_PROLOGUE, 1);
	blk_set(region_first(r), bytes - HEAP_OVERHEAD, 0);
	return region_first(r);
}

/* Ask for HEAP_GROW_MIN, or failing that just enough for a size-byte block. */
static void *call_grow(struct atxf_heap *h, size_t size, size_t *bytes)
{
	size_t page = ATXF_PAGE_SIZE;
	size_t min = (size + HEAP_OVERHEAD + page - 1) / page * page;
	void *mem;

	if (min < HEAP_GROW_MIN) {
		mem = h->grow(h->ctx, HEAP_GROW_MIN);
		if (mem != NULL) {
			*bytes = HEAP_GROW_MIN;
			return mem;
		}
	}
	*bytes = min;
	return h->grow(h->ctx, min);
}

/*
 * Get memory for a block of at least size bytes and file it as a free
 * block. Memory adjacent to the newest region extends it: its epilogue
 * becomes the new block's header, which then merges with a free tail.
 */
static int heap_extend(struct atxf_heap *h, size_t size)
{
	size_t bytes;
	char *mem = call_grow(h, size, &bytes);
	char *b;

	if (mem == NULL)
		return -1;
	h->grown += bytes;
	if (h->regions != NULL && mem == h->regions->end) {
		b = region_epilogue(h->regions);
		h->regions->end = mem + bytes;
		blk_set(b, bytes, 0);
	} else {
		b = region_init(h, mem, bytes);
	}
	/* The epilogue goes first: coalesce() looks at the block after b. */
	*blk_head(region_epilogue(h->regions)) = tag_make(0, 1);
	bin_insert(h, coalesce(h, b));
	return 0;
}

/* A block of n bytes; may_be_big: a big block if no free one fits. */
static void *alloc_block(struct atxf_heap *h, size_t n, int may_be_big)
{
	size_t size = block_size(n);
	char *b;

	if (size == 0)
		return NULL;
	b = find_fit(h, size);
	if (b == NULL && may_be_big && heap_big_wanted(h, n))
		return heap_big_alloc(h, n);
	if (b == NULL && heap_extend(h, size) == 0)
		b = find_fit(h, size);
	if (b == NULL)
		return NULL;
	bin_remove(h, b);
	blk_set(b, blk_size(b), 1);
	trim(h, b, size);
	return blk_payload(b);
}

void *atxf_heap_alloc(struct atxf_heap *h, size_t n)
{
	return alloc_block(h, n, 1);
}

struct heap_region *heap_region_of(const struct atxf_heap *h, const void *p)
{
	uintptr_t a = (uintptr_t)p;

	for (struct heap_region *r = h->regions; r != NULL; r = r->next)
		if (a >= (uintptr_t)region_first(r) + HEAP_TAG &&
		    a < (uintptr_t)region_epilogue(r))
			return r;
	return NULL;
}

/* Is p the payload of a live block of h? */
static int check_pointer(const struct atxf_heap *h, void *p)
{
	struct heap_region *r = heap_region_of(h, p);
	char *b;
	heap_tag t;

	if (r == NULL || (uintptr_t)p % HEAP_ALIGN != 0)
		return ATXF_HEAP_EINVAL;
	b = payload_blk(p);
	t = *blk_head(b);
	if (!tag_valid(t))
		return ATXF_HEAP_EINVAL;
	if (!tag_allocated(t))
		return ATXF_HEAP_EDOUBLE;
	if (tag_size(t) < HEAP_MIN_BLOCK || tag_size(t) > (size_t)(region_epilogue(r) - b) ||
	    *blk_foot(b) != t)
		return ATXF_HEAP_EINVAL;
	return ATXF_HEAP_OK;
}

int atxf_heap_free(struct atxf_heap *h, void *p)
{
	if (p == NULL)
		return ATXF_HEAP_OK;
	int status = check_pointer(h, p);
	struct heap_big *big;

	if (status == ATXF_HEAP_OK) {
		release(h, payload_blk(p));
	} else if (status == ATXF_HEAP_EINVAL && (big = heap_big_of(h, p)) != NULL) {
		heap_big_free(h, big);
		status = ATXF_HEAP_OK;
	}
	return status;
}

size_t atxf_heap_usable(const void *p)
{
	heap_tag t = *(const heap_tag *)((const char *)p - HEAP_TAG);

	if (t >> 48 == HEAP_BIG_MAGIC)
		return tag_size(t) - HEAP_BIG_HEADER;
	return blk_size(payload_blk(p)) - 2 * HEAP_TAG;
}

/* Grow allocated block b to size by taking in a free successor. */
static int grow_in_place(struct atxf_heap *h, char *b, size_t size)
{
	char *next = blk_next(b);
	size_t total = blk_size(b) + blk_size(next);

	if (blk_allocated(next) || total < size)
		return 0;
	bin_remove(h, next);
	blk_set(b, total, 1);
	trim(h, b, size);
	return 1;
}

/* Resize by moving: the new block is bigger, so all of p's bytes fit. */
static int move_block(struct atxf_heap *h, void *p, size_t n, void **out)
{
	void *q = atxf_heap_alloc(h, n);

	if (q == NULL)
		return ATXF_HEAP_ENOMEM;
	memcpy(q, p, atxf_heap_usable(p));
	release(h, payload_blk(p));
	*out = q;
	return ATXF_HEAP_OK;
}

/* A big block keeps its mapping while n fits in it; otherwise it moves. */
static int resize_big(struct atxf_heap *h, void *p, size_t n, void **out)
{
	size_t have = atxf_heap_usable(p);
	void *q;

	if (n <= have) {
		*out = p;
		return ATXF_HEAP_OK;
	}
	q = atxf_heap_alloc(h, n);
	if (q == NULL)
		return ATXF_HEAP_ENOMEM;
	memcpy(q, p, have);
	heap_big_free(h, heap_big_of(h, p));
	*out = q;
	return ATXF_HEAP_OK;
}

int atxf_heap_resize(struct atxf_heap *h, void *p, size_t n, void **out)
{
	size_t size = block_size(n);
	int status;
	char *b;

	*out = NULL;
	if (p == NULL) {
		*out = atxf_heap_alloc(h, n);
		return *out != NULL ? ATXF_HEAP_OK : ATXF_HEAP_ENOMEM;
	}
	status = check_pointer(h, p);
	if (status == ATXF_HEAP_EINVAL && heap_big_of(h, p) != NULL)
		return resize_big(h, p, n, out);
	if (status != ATXF_HEAP_OK)
		return status;
	if (size == 0)
		return ATXF_HEAP_ENOMEM;
	b = payload_blk(p);
	if (size <= blk_size(b))
		trim(h, b, size);
	else if (!grow_in_place(h, b, size))
		return move_block(h, p, n, out);
	*out = p;
	return ATXF_HEAP_OK;
}

/*
 * Over-allocate, then split off the space before the first aligned address
 * as a free block of its own. That gap must be 0 or at least a minimal
 * block, so it may need one more step of align.
 */
void *atxf_heap_alloc_aligned(struct atxf_heap *h, size_t align, size_t n)
{
	char *p, *a, *b;
	size_t total;

	if (align == 0 || (align & (align - 1)) != 0 || n > HEAP_MAX_REQUEST ||
	    align > HEAP_MAX_REQUEST)
		return NULL;
	if (align <= HEAP_ALIGN)
		return atxf_heap_alloc(h, n);
	p = alloc_block(h, n + align + HEAP_MIN_BLOCK, 0);      /* split below: no big block */
	if (p == NULL)
		return NULL;
	a = (char *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));
	if (a != p && a - p < HEAP_MIN_BLOCK)
		a += align;
	b = payload_blk(a);
	if (a != p) {
		total = blk_size(payload_blk(p));
		blk_set(payload_blk(p), a - p, 1);
		blk_set(b, total - (a - p), 1);
		release(h, payload_blk(p));
	}
	trim(h, b, block_size(n));
	return a;
}
