/*
 * Big blocks of the allocator (sdk/lib/libc/heap_big.c), on the host with
 * ASan and UBSan: a request of ATXF_HEAP_BIG_MIN or more that no free block
 * holds gets a mapping of its own, free() gives exactly that mapping back,
 * a freed heap block is reused for a larger request before any mapping is
 * made, realloc moves a big block only when it must, and the checker sees
 * a damaged big-block header. Without a release callback, nothing changes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <sys/mman.h>
#include "heap_big.h"
#include "test_heap_verify.h"

#define MIB (1024u * 1024u)

#define SPACE (1ull << 32)     /* address space reserved for one test */

/* The kernel's mapping area in small: consecutive pieces of one reserved
 * range, never handed out twice, made usable by mprotect and given back by
 * munmap, so a released block really goes away. */
static struct {
	char *base;
	size_t next;
	unsigned grows, releases;
	size_t released_bytes;
	void *last_released;
} os;

static struct atxf_heap heap;

static void *os_grow(void *ctx, size_t bytes)
{
	char *p = os.base + os.next;

	(void)ctx;
	assert_int_equal(bytes % 4096, 0);
	os.grows++;
	if (bytes > SPACE - os.next || mprotect(p, bytes, PROT_READ | PROT_WRITE) != 0)
		return NULL;
	os.next += bytes;
	return p;
}

static void os_release(void *ctx, void *p, size_t bytes)
{
	(void)ctx;
	os.releases++;
	os.released_bytes += bytes;
	os.last_released = p;
	assert_int_equal(munmap(p, bytes), 0);
}

static int fresh(void **state)
{
	(void)state;
	if (os.base != NULL)
		munmap(os.base, SPACE);
	memset(&os, 0, sizeof(os));
	os.base = mmap(NULL, SPACE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	assert_true(os.base != MAP_FAILED);
	memset(&heap, 0, sizeof(heap));
	heap.grow = os_grow;
	heap.release = os_release;
	return 0;
}

static void assert_heap_ok(void)
{
	assert_heap_verifies(&heap);
}

static void big_block_is_its_own_mapping(void **state)
{
	char *p;

	(void)state;
	p = atxf_heap_alloc(&heap, 200 * MIB);
	assert_non_null(p);
	assert_int_equal((uintptr_t)p % 16, 0);
	assert_int_equal(heap.nregions, 0);             /* not in any region */
	assert_true(atxf_heap_usable(p) >= 200 * MIB);
	memset(p, 0xab, 200 * MIB);
	assert_heap_ok();
	assert_int_equal(atxf_heap_free(&heap, p), ATXF_HEAP_OK);
	assert_int_equal(os.releases, 1);
	assert_ptr_equal(os.last_released, p - HEAP_BIG_HEADER);
	assert_int_equal(os.released_bytes, 200 * MIB + 4096);  /* header page included */
	assert_null(heap.big);
	assert_heap_ok();
}

static void small_blocks_stay_in_regions(void **state)
{
	void *p;

	(void)state;
	p = atxf_heap_alloc(&heap, ATXF_HEAP_BIG_MIN - 64);
	assert_non_null(p);
	assert_null(heap.big);
	assert_int_equal(heap.nregions, 1);
	assert_int_equal(atxf_heap_free(&heap, p), ATXF_HEAP_OK);
	assert_int_equal(os.releases, 0);               /* the heap keeps its regions */
}

/* 64 freed 16 KiB blocks coalesce into one that a 768 KiB request takes. */
static void freed_blocks_serve_a_larger_request(void **state)
{
	char *piece[64], *lo, *hi, *p;
	unsigned grows;

	(void)state;
	for (int i = 0; i < 64; i++)
		assert_non_null(piece[i] = atxf_heap_alloc(&heap, 16 * 1024));
	lo = hi = piece[0];
	for (int i = 0; i < 64; i++) {
		lo = piece[i] < lo ? piece[i] : lo;
		hi = piece[i] > hi ? piece[i] : hi;
		assert_int_equal(atxf_heap_free(&heap, piece[i]), ATXF_HEAP_OK);
	}
	grows = os.grows;
	p = atxf_heap_alloc(&heap, 768 * 1024);
	assert_non_null(p);
	assert_true(p >= lo && p <= hi);
	assert_int_equal(os.grows, grows);              /* no new memory asked for */
	assert_null(heap.big);
	assert_heap_ok();
}

static void realloc_moves_big_blocks_only_when_needed(void **state)
{
	char *p, *q;

	(void)state;
	p = atxf_heap_alloc(&heap, MIB);
	assert_non_null(p);
	memset(p, 0x5a, MIB);
	assert_int_equal(atxf_heap_resize(&heap, p, MIB + 100, (void **)&q), ATXF_HEAP_OK);
	assert_ptr_equal(q, p);                         /* fits the mapping's last page */
	assert_int_equal(atxf_heap_resize(&heap, p, 3 * MIB, (void **)&q), ATXF_HEAP_OK);
	assert_ptr_not_equal(q, p);
	assert_int_equal(os.releases, 1);
	for (size_t i = 0; i < MIB; i++)
		if (q[i] != 0x5a)
			fail_msg("byte %zu lost in the move", i);
	assert_heap_ok();
	assert_int_equal(atxf_heap_free(&heap, q), ATXF_HEAP_OK);
	assert_int_equal(os.releases, 2);
}

static void freed_big_block_is_refused_again(void **state)
{
	char *p;

	(void)state;
	p = atxf_heap_alloc(&heap, MIB);
	assert_non_null(p);
	assert_int_equal(atxf_heap_free(&heap, p), ATXF_HEAP_OK);
	assert_int_equal(atxf_heap_free(&heap, p), ATXF_HEAP_EINVAL);
	assert_int_equal(os.releases, 1);
}

static void checker_sees_a_damaged_big_header(void **state)
{
	struct atxf_heap_report rep;
	char *p;

	(void)state;
	p = atxf_heap_alloc(&heap, MIB);
	assert_non_null(p);
	((struct heap_big *)(p - HEAP_BIG_HEADER))->tag ^= 1ull << 50;
	assert_int_equal(atxf_heap_verify(&heap, &rep), ATXF_HEAP_BAD_HEADER);
	assert_string_equal(rep.why, "big-block header overwritten");
	((struct heap_big *)(p - HEAP_BIG_HEADER))->tag ^= 1ull << 50;
	assert_int_equal(atxf_heap_free(&heap, p), ATXF_HEAP_OK);
}

static void without_release_big_requests_use_regions(void **state)
{
	void *p;

	(void)state;
	heap.release = NULL;
	p = atxf_heap_alloc(&heap, 2 * MIB);
	assert_non_null(p);
	assert_null(heap.big);
	assert_int_equal(heap.nregions, 1);
	assert_int_equal(atxf_heap_free(&heap, p), ATXF_HEAP_OK);
	assert_heap_ok();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(big_block_is_its_own_mapping, fresh),
		cmocka_unit_test_setup(small_blocks_stay_in_regions, fresh),
		cmocka_unit_test_setup(freed_blocks_serve_a_larger_request, fresh),
		cmocka_unit_test_setup(realloc_moves_big_blocks_only_when_needed, fresh),
		cmocka_unit_test_setup(freed_big_block_is_refused_again, fresh),
		cmocka_unit_test_setup(checker_sees_a_damaged_big_header, fresh),
		cmocka_unit_test_setup(without_release_big_requests_use_regions, fresh),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
