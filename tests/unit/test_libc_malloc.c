/*
 * malloc, calloc, realloc, aligned_alloc, free and atxf_heap_check as
 * shipped (target objects, renamed tlibc_*), over test_libc_hooks.c's
 * arena: C's rules (errno, NULL, zeroing, overflow), the abort on a bad
 * free, and a seeded stress with the heap checker after every call.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "test_libc.h"

static int reset(void **state)
{
	(void)state;
	tlibc_fflush(NULL);
	console_reset();
	tlibc_errno = 0;
	arena_limit = 64u << 20;
	return 0;
}

static int check_heap(void **state)
{
	(void)state;
	assert_int_equal(tlibc_atxf_heap_check(), 0);
	return 0;
}

static void test_malloc_and_free(void **state)
{
	char *p, *q;

	(void)state;
	p = tlibc_malloc(100);
	q = tlibc_malloc(100);
	assert_non_null(p);
	assert_non_null(q);
	assert_int_equal((uintptr_t)p % 16, 0);
	assert_int_equal((uintptr_t)q % 16, 0);
	assert_true(q >= p + 100 || p >= q + 100);
	memset(p, 1, 100);
	memset(q, 2, 100);
	tlibc_free(p);
	tlibc_free(q);
	tlibc_free(NULL);
	assert_int_equal(tlibc_atxf_heap_check(), 0);
}

static void test_malloc_zero(void **state)
{
	void *a = tlibc_malloc(0), *b = tlibc_malloc(0);

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	tlibc_free(a);
	tlibc_free(b);
}

static void test_out_of_memory_sets_errno(void **state)
{
	(void)state;
	assert_null(tlibc_malloc(SIZE_MAX));
	assert_int_equal(tlibc_errno, ENOMEM);
	tlibc_errno = 0;
	arena_limit = arena_used;       /* no more pages */
	assert_null(tlibc_malloc(1 << 20));
	assert_int_equal(tlibc_errno, ENOMEM);
}

static void test_calloc_zeroes_reused_memory(void **state)
{
	unsigned char *p;

	(void)state;
	p = tlibc_malloc(4000);
	memset(p, 0xff, 4000);
	tlibc_free(p);
	p = tlibc_calloc(1000, 4);
	assert_non_null(p);
	for (int i = 0; i < 4000; i++)
		assert_int_equal(p[i], 0);
	tlibc_free(p);
	p = tlibc_calloc(0, 100);
	assert_non_null(p);
	tlibc_free(p);
}

static void test_calloc_overflow(void **state)
{
	(void)state;
	assert_null(tlibc_calloc(SIZE_MAX / 2 + 1, 2));
	assert_int_equal(tlibc_errno, ENOMEM);
	tlibc_errno = 0;
	assert_null(tlibc_calloc((size_t)1 << 32, (size_t)1 << 32));
	assert_int_equal(tlibc_errno, ENOMEM);
	tlibc_errno = 0;
	assert_null(tlibc_calloc(3, SIZE_MAX / 3 + 1));
	assert_int_equal(tlibc_errno, ENOMEM);
}

static void test_realloc_keeps_content(void **state)
{
	unsigned char *p, *q;

	(void)state;
	p = tlibc_realloc(NULL, 50);
	assert_non_null(p);
	for (int i = 0; i < 50; i++)
		p[i] = (unsigned char)i;
	p = tlibc_realloc(p, 20000);     /* grow */
	assert_non_null(p);
	for (int i = 0; i < 50; i++)
		assert_int_equal(p[i], i);
	memset(p + 50, 0xee, 20000 - 50);
	q = tlibc_realloc(p, 10);        /* shrink */
	assert_ptr_equal(q, p);
	for (int i = 0; i < 10; i++)
		assert_int_equal(q[i], i);
	/* Failure: NULL, errno, and the old block untouched and still ours. */
	assert_null(tlibc_realloc(q, SIZE_MAX));
	assert_int_equal(tlibc_errno, ENOMEM);
	assert_int_equal(q[9], 9);
	q = tlibc_realloc(q, 0);          /* a minimal block, not a free */
	assert_non_null(q);
	tlibc_free(q);
}

static void test_aligned_alloc(void **state)
{
	void *p;

	(void)state;
	for (size_t align = 1; align <= 8192; align *= 2) {
		p = tlibc_aligned_alloc(align, 3 * align);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % align, 0);
		memset(p, 0x11, 3 * align);
		assert_int_equal(tlibc_atxf_heap_check(), 0);
		tlibc_free(p);
	}
	assert_null(tlibc_aligned_alloc(24, 48));
	assert_int_equal(tlibc_errno, EINVAL);
	tlibc_errno = 0;
	assert_null(tlibc_aligned_alloc(0, 48));
	assert_int_equal(tlibc_errno, EINVAL);
}

static void test_double_free_aborts(void **state)
{
	char want[128];
	void *p = tlibc_malloc(64);

	(void)state;
	tlibc_free(p);
	EXPECT_EXIT(tlibc_free(p));
	assert_int_equal(exit_status, 134);
	snprintf(want, sizeof(want), "free(%p): double free\nabort() called: process terminated\n", p);
	assert_string_equal(console_text, want);
}

static void test_invalid_free_aborts(void **state)
{
	char want[128], on_stack[32];
	char *p = tlibc_malloc(64);

	(void)state;
	EXPECT_EXIT(tlibc_free(on_stack));
	snprintf(want, sizeof(want), "free(%p): not a pointer from malloc\n", (void *)on_stack);
	assert_memory_equal(console_text, want, strlen(want));
	console_reset();
	EXPECT_EXIT(tlibc_free(p + 16));
	assert_non_null(strstr(console_text, "not a pointer from malloc"));
	assert_int_equal(exit_status, 134);
	tlibc_free(p);
}

static void test_realloc_of_freed_block_aborts(void **state)
{
	void *p = tlibc_malloc(64);

	(void)state;
	tlibc_free(p);
	EXPECT_EXIT(tlibc_realloc(p, 128));
	assert_non_null(strstr(console_text, "realloc("));
	assert_non_null(strstr(console_text, "): double free\n"));
}

/* atxf_heap_check() reports a write before a block's start, and where. */
static void test_heap_check_reports_underrun(void **state)
{
	unsigned char *p = tlibc_malloc(24);
	char want[96];

	(void)state;
	p[-1] ^= 0xff;                          /* the block's header */
	assert_true(tlibc_atxf_heap_check() < 0);
	snprintf(want, sizeof(want), "heap check failed: bad block header at %p\n", (void *)(p - 8));
	assert_string_equal(console_text, want);
	p[-1] ^= 0xff;                          /* repair, for the tests after */
	assert_int_equal(tlibc_atxf_heap_check(), 0);
	tlibc_free(p);
}

/* Random malloc/calloc/realloc/free with the checker after every call. */
static void test_stress(void **state)
{
	struct { unsigned char *p; size_t n; } slot[64] = { { 0 } };
	uint64_t rng = libc_test_seed();

	(void)state;
	for (int op = 0; op < 5000; op++) {
		unsigned i = (unsigned)rng_below(&rng, 64);
		size_t n = rng_below(&rng, 4) ? rng_below(&rng, 300) : rng_below(&rng, 65537);

		for (size_t k = 0; k < slot[i].n; k++)
			assert_int_equal(slot[i].p[k], (unsigned char)(i + k));
		if (slot[i].p == NULL) {
			slot[i].p = rng_below(&rng, 2) ? tlibc_malloc(n) : tlibc_calloc(1, n);
		} else if (rng_below(&rng, 2)) {
			slot[i].p = tlibc_realloc(slot[i].p, n);
		} else {
			tlibc_free(slot[i].p);
			slot[i].p = NULL;
			n = 0;
		}
		assert_true(slot[i].p != NULL || n == 0);
		slot[i].n = n;
		for (size_t k = 0; k < n; k++)
			slot[i].p[k] = (unsigned char)(i + k);
		assert_int_equal(tlibc_atxf_heap_check(), 0);
	}
	for (int i = 0; i < 64; i++)
		tlibc_free(slot[i].p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_malloc_and_free, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_malloc_zero, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_out_of_memory_sets_errno, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_calloc_zeroes_reused_memory, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_calloc_overflow, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_realloc_keeps_content, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_aligned_alloc, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_double_free_aborts, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_invalid_free_aborts, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_realloc_of_freed_block_aborts, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_heap_check_reports_underrun, reset, check_heap),
		cmocka_unit_test_setup_teardown(test_stress, reset, check_heap),
	};

	return cmocka_run_group_tests_name("libc malloc", tests, NULL, NULL);
}
