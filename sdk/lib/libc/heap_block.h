/*
 * The heap's memory layout, shared by heap.c, heap_check.c and the tests.
 *
 * A region (one piece of memory from grow) looks like this:
 *
 *   base+0   struct heap_region (next, end)
 *   base+24  prologue: header+footer of an allocated 16-byte block
 *   base+40  first block header
 *   ...      blocks, each [header 8][payload][footer 8], back to back
 *   end-8    epilogue: the header of an allocated 0-byte block
 *
 * Headers sit at 16k+8, so every payload is 16-byte aligned, and block
 * sizes (tags included) are multiples of 16, at least 32. Header and footer
 * are the same tag: magic in the top 16 bits, size in the middle, the
 * allocated flag in bit 0, bits 1-3 zero. The prologue and epilogue mean that coalescing
 * never needs a bounds check. A free block's payload holds its free-list
 * links; its bin is chosen by floor(log2(size)).
 */
#ifndef ATXF_LIBC_HEAP_BLOCK_H
#define ATXF_LIBC_HEAP_BLOCK_H

#include <stddef.h>
#include <stdint.h>
#include "heap.h"

/* may_alias: heap memory is reached through several types. */
typedef uint64_t __attribute__((__may_alias__)) heap_tag;

#define HEAP_ALIGN       16
#define HEAP_TAG         8          /* bytes of one header or footer */
#define HEAP_MIN_BLOCK   32         /* header, two links, footer */
#define HEAP_PROLOGUE    16         /* bytes of the prologue block */
#define HEAP_FIRST_BLOCK 40         /* region base to first block header */
#define HEAP_OVERHEAD    48         /* region bytes that no block can use */
#define HEAP_MAGIC       0xa7f1ULL
#define HEAP_SIZE_MASK   0x0000fffffffffff0ULL
#define HEAP_ALLOCATED   1ULL
#define HEAP_RESERVED    0x000000000000000eULL  /* always zero in a valid tag */
#define HEAP_MAX_REQUEST ((size_t)1 << 40)

struct __attribute__((__may_alias__)) heap_free {
	struct heap_free *next;
	struct heap_free *prev;
};

struct __attribute__((__may_alias__)) heap_region {
	struct heap_region *next;
	char *end;                  /* one past the region's last byte */
};

static inline heap_tag tag_make(size_t size, int allocated)
{
	return HEAP_MAGIC << 48 | size | (allocated ? HEAP_ALLOCATED : 0);
}

static inline int tag_valid(heap_tag t)
{
	return t >> 48 == HEAP_MAGIC && (t & HEAP_RESERVED) == 0;
}

static inline size_t tag_size(heap_tag t)    { return t & HEAP_SIZE_MASK; }
static inline int tag_allocated(heap_tag t)  { return t & HEAP_ALLOCATED; }

/* A block is named by the address of its header. */
static inline heap_tag *blk_head(char *b)    { return (heap_tag *)b; }
static inline size_t blk_size(char *b)       { return tag_size(*blk_head(b)); }
static inline int blk_allocated(char *b)     { return tag_allocated(*blk_head(b)); }
static inline heap_tag *blk_foot(char *b)    { return (heap_tag *)(b + blk_size(b) - HEAP_TAG); }
static inline char *blk_next(char *b)        { return b + blk_size(b); }
static inline void *blk_payload(char *b)     { return b + HEAP_TAG; }
static inline char *payload_blk(const void *p) { return (char *)p - HEAP_TAG; }

/* The block before b, found through its footer. */
static inline char *blk_prev(char *b)
{
	return b - tag_size(*(heap_tag *)(b - HEAP_TAG));
}

static inline void blk_set(char *b, size_t size, int allocated)
{
	*blk_head(b) = tag_make(size, allocated);
	*(heap_tag *)(b + size - HEAP_TAG) = tag_make(size, allocated);
}

static inline char *region_prologue(struct heap_region *r)
{
	return (char *)r + HEAP_FIRST_BLOCK - HEAP_PROLOGUE;
}

static inline char *region_first(struct heap_region *r)
{
	return (char *)r + HEAP_FIRST_BLOCK;
}

static inline char *region_epilogue(struct heap_region *r)
{
	return r->end - HEAP_TAG;
}

/* The free-list bin of a block size: floor(log2(size)) - 5, capped. */
static inline unsigned heap_bin(size_t size)
{
	unsigned b = 63 - __builtin_clzll(size) - 5;

	return b < ATXF_HEAP_NBINS ? b : ATXF_HEAP_NBINS - 1;
}

/* The region holding payload address p, or NULL. */
struct heap_region *heap_region_of(const struct atxf_heap *h, const void *p);

#endif /* ATXF_LIBC_HEAP_BLOCK_H */
