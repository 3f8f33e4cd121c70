/*
 * For the heap's host tests (test_libc_heap.c, test_libc_heap_big.c): fail
 * the test with the checker's own words unless heap h verifies.
 */
#ifndef TEST_HEAP_VERIFY_H
#define TEST_HEAP_VERIFY_H

#include "heap.h"

static inline void assert_heap_verifies(const struct atxf_heap *h)
{
	struct atxf_heap_report rep;
	int status = atxf_heap_verify(h, &rep);

	if (status != ATXF_HEAP_OK)
		fail_msg("heap check: %s at %p (status %d)", rep.why, rep.where, status);
}

#endif
