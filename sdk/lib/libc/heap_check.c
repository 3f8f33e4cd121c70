/*
 * The heap checker: walks every region block by block and every free list
 * link by link, and reports the first broken invariant (heap_block.h):
 * intact region list, prologue and epilogue; valid tags with equal header
 * and footer; sizes that tile the region exactly; aligned payloads; no two
 * free blocks side by side; every free block in exactly the right bin,
 * with consistent back links.
 */
#include <atxf/atxf.h>
#include "heap_big.h"

static int fail(struct atxf_heap_report *rep, int status, const char *why, const void *where)
{
	rep->why = why;
	rep->where = where;
	return status;
}

static int check_ends(struct heap_region *r, struct atxf_heap_report *rep)
{
	char *prologue = region_prologue(r);
	heap_tag want = tag_make(HEAP_PROLOGUE, 1);

	if (*blk_head(prologue) != want || *blk_foot(prologue) != want)
		return fail(rep, ATXF_HEAP_BAD_REGION, "prologue overwritten", prologue);
	if (*blk_head(region_epilogue(r)) != tag_make(0, 1))
		return fail(rep, ATXF_HEAP_BAD_REGION, "epilogue overwritten", region_epilogue(r));
	return ATXF_HEAP_OK;
}

/* One block: its tags, its bounds, and its relation to the block before. */
static int check_block(char *b, char *limit, int prev_free, struct atxf_heap_report *rep)
{
	heap_tag t = *blk_head(b);
	size_t size = tag_size(t);

	if (!tag_valid(t) || size < HEAP_MIN_BLOCK || size > (size_t)(limit - b))
		return fail(rep, ATXF_HEAP_BAD_HEADER, "bad block header", b);
	if ((uintptr_t)blk_payload(b) % HEAP_ALIGN != 0)
		return fail(rep, ATXF_HEAP_BAD_HEADER, "misaligned payload", b);
	if (*blk_foot(b) != t)
		return fail(rep, ATXF_HEAP_BAD_FOOTER, "footer differs from header", b);
	if (prev_free && !tag_allocated(t))
		return fail(rep, ATXF_HEAP_BAD_COALESCE, "two adjacent free blocks", b);
	return ATXF_HEAP_OK;
}

static int check_region(struct heap_region *r, struct atxf_heap_report *rep)
{
	char *limit = region_epilogue(r);
	int prev_free = 0, status = check_ends(r, rep);

	for (char *b = region_first(r); status == ATXF_HEAP_OK && b < limit; b = blk_next(b)) {
		status = check_block(b, limit, prev_free, rep);
		if (status != ATXF_HEAP_OK)
			break;
		prev_free = !blk_allocated(b);
		rep->blocks++;
		rep->free_blocks += prev_free;
		*(prev_free ? &rep->free_bytes : &rep->used_bytes) += blk_size(b);
	}
	return status;
}

/* The region list: as long as h says, page-aligned, and adding up. */
static int check_regions(const struct atxf_heap *h, struct atxf_heap_report *rep)
{
	struct heap_region *r = h->regions;
	size_t n = 0, bytes = 0;

	for (; r != NULL && n < h->nregions; r = r->next, n++) {
		if ((uintptr_t)r % ATXF_PAGE_SIZE != 0 || r->end <= (char *)r + HEAP_OVERHEAD)
			return fail(rep, ATXF_HEAP_BAD_REGION, "bad region descriptor", r);
		int status = check_region(r, rep);
		if (status != ATXF_HEAP_OK)
			return status;
		bytes += r->end - (char *)r;
		if (r->next != NULL && (uintptr_t)r->next % ATXF_PAGE_SIZE != 0)
			return fail(rep, ATXF_HEAP_BAD_REGION, "bad region link", r);
	}
	if (r != NULL || n != h->nregions || bytes != h->grown)
		return fail(rep, ATXF_HEAP_BAD_REGION, "region list does not add up", h->regions);
	return ATXF_HEAP_OK;
}

/* One free-list entry: in the heap, free, in its own bin, linked back. */
static int check_entry(const struct atxf_heap *h, unsigned bin, struct heap_free *f,
		       struct heap_free *prev, struct atxf_heap_report *rep)
{
	char *b = payload_blk(f);

	if (heap_region_of(h, f) == NULL || (uintptr_t)f % HEAP_ALIGN != 0)
		return fail(rep, ATXF_HEAP_BAD_FREELIST, "free-list entry outside the heap", f);
	if (!tag_valid(*blk_head(b)) || blk_allocated(b))
		return fail(rep, ATXF_HEAP_BAD_FREELIST, "free-list entry not a free block", b);
	if (heap_bin(blk_size(b)) != bin)
		return fail(rep, ATXF_HEAP_BAD_FREELIST, "free block in the wrong bin", b);
	if (f->prev != prev)
		return fail(rep, ATXF_HEAP_BAD_FREELIST, "broken free-list back link", b);
	return ATXF_HEAP_OK;
}

/* Every bin; the entries must be exactly the free blocks the walk found. */
static int check_bins(const struct atxf_heap *h, struct atxf_heap_report *rep)
{
	size_t seen = 0;

	for (unsigned bin = 0; bin < ATXF_HEAP_NBINS; bin++) {
		struct heap_free *prev = NULL;

		for (struct heap_free *f = h->bins[bin]; f != NULL; prev = f, f = f->next) {
			/* More entries than free blocks: a cycle or a stray. */
			if (++seen > rep->free_blocks)
				return fail(rep, ATXF_HEAP_BAD_COUNT, "more free-list entries than free blocks", f);
			int status = check_entry(h, bin, f, prev, rep);
			if (status != ATXF_HEAP_OK)
				return status;
		}
	}
	if (seen != rep->free_blocks)
		return fail(rep, ATXF_HEAP_BAD_COUNT, "free block missing from the free lists", NULL);
	return ATXF_HEAP_OK;
}

int atxf_heap_verify(const struct atxf_heap *h, struct atxf_heap_report *rep)
{
	struct atxf_heap_report scratch;
	int status;

	if (rep == NULL)
		rep = &scratch;
	*rep = (struct atxf_heap_report){ 0 };
	status = check_regions(h, rep);
	if (status == ATXF_HEAP_OK)
		status = check_bins(h, rep);
	if (status == ATXF_HEAP_OK)
		status = heap_big_verify(h, rep);
	return status;
}
