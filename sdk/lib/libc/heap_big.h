/*
 * Big blocks (heap.h): each one mapping from grow, given back whole by
 * release. The mapping starts with struct heap_big; the payload follows
 * at HEAP_BIG_HEADER, with a tag just before it like any block's, whose
 * magic tells the two kinds apart.
 */
#ifndef ATXF_LIBC_HEAP_BIG_H
#define ATXF_LIBC_HEAP_BIG_H

#include "heap_block.h"

#define HEAP_BIG_MAGIC  0xa7f2ULL
#define HEAP_BIG_HEADER 32      /* mapping start to payload; keeps 16-byte alignment */

struct __attribute__((__may_alias__)) heap_big {
	struct heap_big *next;
	struct heap_big *prev;
	size_t reserved;
	heap_tag tag;           /* HEAP_BIG_MAGIC, the mapping's size, allocated */
};

/* Whether a request of n bytes should be a big block of h. */
int heap_big_wanted(const struct atxf_heap *h, size_t n);
/* A new big block for n bytes, or NULL. */
void *heap_big_alloc(struct atxf_heap *h, size_t n);
/* The big block whose payload is p, or NULL. */
struct heap_big *heap_big_of(const struct atxf_heap *h, const void *p);
void heap_big_free(struct atxf_heap *h, struct heap_big *b);
/* Bytes usable in big block b. */
size_t heap_big_usable(const struct heap_big *b);
/* For atxf_heap_verify(): the list and each block's tag. */
int heap_big_verify(const struct atxf_heap *h, struct atxf_heap_report *rep);

#endif /* ATXF_LIBC_HEAP_BIG_H */
