/*
 * malloc, calloc, realloc, aligned_alloc, free and atxf_heap_check: the C
 * interface onto the process's one heap, which grows through the runtime's
 * atxf_heap_grow() and gives big blocks back through atxf_heap_release().
 * One lock serialises the threads (lock.h). A bad pointer passed to free
 * or realloc is a bug that has already corrupted something, so it aborts
 * with the pointer printed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heap.h"
#include "hooks.h"
#include "lock.h"

static void *grow(void *ctx, size_t bytes)
{
	(void)ctx;
	return atxf_heap_grow(bytes);
}

static void release(void *ctx, void *p, size_t bytes)
{
	(void)ctx;
	atxf_heap_release(p, bytes);
}

static struct atxf_heap heap = { .grow = grow, .release = release };
static struct atxf_lock heap_lock = ATXF_LOCK_INIT;

static _Noreturn void bad_pointer(const char *fn, void *p, int status)
{
	fprintf(stderr, "%s(%p): %s\n", fn, p,
		status == ATXF_HEAP_EDOUBLE ? "double free" : "not a pointer from malloc");
	abort();
}

void *malloc(size_t n)
{
	void *p;

	__atxf_lock_take(&heap_lock);
	p = atxf_heap_alloc(&heap, n);
	__atxf_lock_give(&heap_lock);

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
	int status;

	__atxf_lock_take(&heap_lock);
	status = atxf_heap_resize(&heap, p, n, &q);
	__atxf_lock_give(&heap_lock);

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
	__atxf_lock_take(&heap_lock);
	p = atxf_heap_alloc_aligned(&heap, align, n);
	__atxf_lock_give(&heap_lock);
	if (p == NULL)
		errno = ENOMEM;
	return p;
}

void free(void *p)
{
	int status;

	__atxf_lock_take(&heap_lock);
	status = atxf_heap_free(&heap, p);
	__atxf_lock_give(&heap_lock);

	if (status != ATXF_HEAP_OK)
		bad_pointer("free", p, status);
}

int atxf_heap_check(void)
{
	struct atxf_heap_report rep;
	int status;

	__atxf_lock_take(&heap_lock);
	status = atxf_heap_verify(&heap, &rep);
	__atxf_lock_give(&heap_lock);

	if (status != ATXF_HEAP_OK)
		fprintf(stderr, "heap check failed: %s at %p\n", rep.why, rep.where);
	return status;
}
