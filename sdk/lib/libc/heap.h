/*
 * The allocator behind malloc: a boundary-tag heap with segregated free
 * lists, over memory obtained page-wise from a grow callback. With a
 * release callback too, a big request that no free block can hold gets a
 * mapping of its own, which free() gives back (heap_big.c).
 *
 * Host-testable: all state is in struct atxf_heap and memory comes from
 * h->grow, so a test runs it over a static arena. malloc.c owns the one
 * heap of an ATXF process and maps these results onto C's interface.
 * A zeroed struct with .grow set is an empty, ready heap.
 */
#ifndef ATXF_LIBC_HEAP_H
#define ATXF_LIBC_HEAP_H

#include <stddef.h>

#define ATXF_HEAP_NBINS 32      /* size classes: [32,64), [64,128), ... */
#define ATXF_HEAP_BIG_MIN (256u * 1024)  /* requests from here on may be big blocks */

struct heap_region;
struct heap_free;
struct heap_big;

struct atxf_heap {
	/* Returns bytes (a multiple of ATXF_PAGE_SIZE) of page-aligned memory,
	 * or NULL. Adjacent results are merged into one region. */
	void *(*grow)(void *ctx, size_t bytes);
	/* Gives back a whole grow() result of a big block; NULL: no big blocks. */
	void (*release)(void *ctx, void *p, size_t bytes);
	void *ctx;                          /* passed to grow and release */
	struct heap_region *regions;        /* newest first */
	size_t nregions;
	size_t grown;                       /* bytes of the regions, from grow */
	struct heap_big *big;               /* live big blocks, newest first */
	size_t big_bytes;                   /* bytes they map */
	struct heap_free *bins[ATXF_HEAP_NBINS];
};

/* Results of the calls that can fail on a bad pointer, and of the checker. */
enum atxf_heap_status {
	ATXF_HEAP_OK = 0,
	ATXF_HEAP_ENOMEM = -1,          /* grow failed, or the request is absurd */
	ATXF_HEAP_EINVAL = -2,          /* not a pointer this heap handed out */
	ATXF_HEAP_EDOUBLE = -3,         /* a pointer to a block already freed */
	ATXF_HEAP_BAD_REGION = -4,      /* region list, prologue or epilogue damaged */
	ATXF_HEAP_BAD_HEADER = -5,      /* magic, size or alignment of a block */
	ATXF_HEAP_BAD_FOOTER = -6,      /* footer differs from header */
	ATXF_HEAP_BAD_COALESCE = -7,    /* two free blocks side by side */
	ATXF_HEAP_BAD_FREELIST = -8,    /* a free-list link or entry is wrong */
	ATXF_HEAP_BAD_COUNT = -9,       /* free lists and heap walk disagree */
};

/* What atxf_heap_verify() found. */
struct atxf_heap_report {
	const char *why;                /* on failure: what is wrong */
	const void *where;              /* on failure: the block or link at fault */
	size_t blocks;                  /* blocks walked, free or not */
	size_t free_blocks;
	size_t used_bytes;              /* in allocated blocks, tags included */
	size_t free_bytes;
	size_t big_blocks;              /* big blocks, each its own mapping */
};

/* NULL when out of memory. n == 0 gives a unique minimal block. */
void *atxf_heap_alloc(struct atxf_heap *h, size_t n);

/* align must be a power of two; NULL otherwise or when out of memory. */
void *atxf_heap_alloc_aligned(struct atxf_heap *h, size_t align, size_t n);

/* ATXF_HEAP_OK (also for NULL), or EINVAL/EDOUBLE and no change for a bad p. */
int atxf_heap_free(struct atxf_heap *h, void *p);

/*
 * realloc: *out gets the block holding the first min(old, n) bytes of p.
 * p == NULL allocates. On any error *out is NULL and p is untouched.
 */
int atxf_heap_resize(struct atxf_heap *h, void *p, size_t n, void **out);

/* Bytes usable at p, which must be a live block of h. */
size_t atxf_heap_usable(const void *p);

/* Walk every region and free list; ATXF_HEAP_OK or a BAD_* status.
 * rep may be NULL; otherwise it gets the statistics, or why it failed. */
int atxf_heap_verify(const struct atxf_heap *h, struct atxf_heap_report *rep);

#endif /* ATXF_LIBC_HEAP_H */
