/*
 * malloc, calloc, realloc, aligned_alloc, free and atxf_heap_check: the C
 * interface onto the process's one heap, which grows through the runtime's
 * atxf_heap_grow(). A bad pointer passed to free or realloc is a bug that
 * has already corrupted something, so it aborts with the pointer printed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heap.h"
#include "hooks.h"

static void *grow(void *ctx, size_t bytes)
{
	(void)ctx;
	return atxf_heap_grow(bytes);
}

static struct atxf_heap heap = { .grow = grow };

static _Noreturn void bad_pointer(const char *fn, void *p, int status)
{
	fprintf(stderr, "%s(%p): %s\n", fn, p,
		status == ATXF_HEAP_EDOUBLE ? "double free" : "not a pointer from malloc");
	abort();
}

void *malloc(size_t n)
{
	void *p = atxf_heap_alloc(&heap, n);

	if (p == NULL)
		errno = ENOMEM;
	return p;
}

void *calloc(size_t n, size_t size)
{
	size_t bytes;
	void *p;

	if (__builtin_mul_overflow(n, size, &bytes)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(bytes);
	/* Reused blocks hold old data; fresh pages are zero but rarely the case. */
	if (p != NULL)
		memset(p, 0, bytes);
	return p;
}

void *realloc(void *p, size_t n)
{
	void *q;
	int status = atxf_heap_resize(&heap, p, n, &q);

	if (status == ATXF_HEAP_ENOMEM)
		errno = ENOMEM;
	else if (status != ATXF_HEAP_OK)
		bad_pointer("realloc", p, status);
	return q;
}

void *aligned_alloc(size_t align, size_t n)
{
	void *p;

	if (align == 0 || (align & (align - 1)) != 0) {
		errno = EINVAL;
		return NULL;
	}
	p = atxf_heap_alloc_aligned(&heap, align, n);
	if (p == NULL)
		errno = ENOMEM;
	return p;
}

void free(void *p)
{
	int status = atxf_heap_free(&heap, p);

	if (status != ATXF_HEAP_OK)
		bad_pointer("free", p, status);
}

int atxf_heap_check(void)
{
	struct atxf_heap_report rep;
	int status = atxf_heap_verify(&heap, &rep);

	if (status != ATXF_HEAP_OK)
		fprintf(stderr, "heap check failed: %s at %p\n", rep.why, rep.where);
	return status;
}
