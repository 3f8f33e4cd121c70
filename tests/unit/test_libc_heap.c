/*
 * The allocator (sdk/lib/libc/heap.c) and its checker (heap_check.c),
 * compiled for the host with ASan and UBSan and run over a static arena:
 * a seeded random stress with every block's contents and the checker
 * verified as it goes, memory reuse, contiguous and scattered regions,
 * resize and aligned allocation, refused pointers, and a table of
 * deliberate corruptions that the checker must each catch.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heap_block.h"
#include "test_heap_verify.h"
#include "test_libc.h"

#define PAGE 4096
#define ARENA_SIZE (96u << 20)

/* The memory behind one test's heap: pages handed out in order. */
static struct arena {
	size_t used;            /* bytes handed out, gaps included */
	size_t limit;           /* refuse to go past this */
	size_t gap;             /* pages skipped before each grow: no adjacency */
	unsigned calls;
} arena;
static _Alignas(PAGE) char arena_mem[ARENA_SIZE];

static struct atxf_heap heap;

static void *arena_grow(void *ctx, size_t bytes)
{
	struct arena *a = ctx;
	char *p;

	assert_int_equal(bytes % PAGE, 0);
	a->calls++;
	if (a->gap + bytes > a->limit - a->used)
		return NULL;
	a->used += a->gap;
	p = arena_mem + a->used;
	a->used += bytes;
	return p;
}

static int fresh_heap(void **state)
{
	(void)state;
	memset(&arena, 0, sizeof(arena));
	arena.limit = ARENA_SIZE;
	memset(&heap, 0, sizeof(heap));
	heap.grow = arena_grow;
	heap.ctx = &arena;
	return 0;
}

static void assert_heap_ok(void)
{
	assert_heap_verifies(&heap);
}

/* ---- randomized stress */

struct live {
	unsigned char *p;
	size_t n;
	unsigned char tag;      /* byte i holds tag + i */
};

static void fill(struct live *b)
{
	for (size_t i = 0; i < b->n; i++)
		b->p[i] = (unsigned char)(b->tag + i);
}

static void verify(const struct live *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (b->p[i] != (unsigned char)(b->tag + i))
			fail_msg("block %p (%zu bytes): byte %zu changed", (void *)b->p, b->n, i);
}

/* Mostly small, sometimes big, up to 64 KiB: how drivers allocate. */
static size_t random_size(uint64_t *rng)
{
	switch (rng_below(rng, 10)) {
	case 0: return rng_below(rng, 65537);
	case 1: case 2: return rng_below(rng, 4097);
	default: return rng_below(rng, 257);
	}
}

static int by_address(const void *a, const void *b)
{
	const struct live *x = a, *y = b;

	return x->p < y->p ? -1 : x->p > y->p;
}

/* Sorted by address, every live block must end before the next begins. */
static void assert_no_overlap(struct live *slots, size_t nslots)
{
	struct live sorted[512];
	size_t n = 0;

	for (size_t i = 0; i < nslots; i++)
		if (slots[i].p != NULL)
			sorted[n++] = slots[i];
	qsort(sorted, n, sizeof(sorted[0]), by_address);
	for (size_t i = 1; i < n; i++)
		if (sorted[i - 1].p + sorted[i - 1].n > sorted[i].p)
			fail_msg("blocks %p+%zu and %p overlap", (void *)sorted[i - 1].p,
				 sorted[i - 1].n, (void *)sorted[i].p);
}

static void stress_step(uint64_t *rng, struct live *b, size_t *live_bytes)
{
	void *q;

	if (b->p == NULL) {
		b->n = random_size(rng);
		b->p = atxf_heap_alloc(&heap, b->n);
		assert_non_null(b->p);
		assert_int_equal((uintptr_t)b->p % 16, 0);
		b->tag = (unsigned char)rng_next(rng);
		fill(b);
		*live_bytes += b->n;
	} else if (rng_below(rng, 3) == 0) {
		size_t n = random_size(rng);

		verify(b, b->n);
		assert_int_equal(atxf_heap_resize(&heap, b->p, n, &q), ATXF_HEAP_OK);
		b->p = q;
		verify(b, n < b->n ? n : b->n);     /* the kept part survived */
		*live_bytes += n - b->n;
		b->n = n;
		fill(b);
	} else {
		verify(b, b->n);
		assert_int_equal(atxf_heap_free(&heap, b->p), ATXF_HEAP_OK);
		*live_bytes -= b->n;
		b->p = NULL;
	}
}

static void run_stress(int ops, size_t nslots)
{
	static struct live slots[512];
	uint64_t rng = libc_test_seed();
	size_t live_bytes = 0, peak = 0;
	struct atxf_heap_report rep;

	memset(slots, 0, sizeof(slots));
	for (int op = 0; op < ops; op++) {
		stress_step(&rng, &slots[rng_below(&rng, nslots)], &live_bytes);
		peak = live_bytes > peak ? live_bytes : peak;
		assert_heap_ok();
		if (op % 256 == 0)
			assert_no_overlap(slots, nslots);
	}
	for (size_t i = 0; i < nslots; i++)
		if (slots[i].p != NULL)
			assert_int_equal(atxf_heap_free(&heap, slots[i].p), ATXF_HEAP_OK);
	/* Everything freed and coalesced: one free block per region. */
	assert_int_equal(atxf_heap_verify(&heap, &rep), ATXF_HEAP_OK);
	assert_int_equal(rep.used_bytes, 0);
	assert_int_equal(rep.free_blocks, heap.nregions);
	/* Freed memory was reused: the heap stayed near the peak it needed. */
	if (heap.grown > 2 * peak + (1u << 20))
		fail_msg("heap grew to %zu bytes for a peak of %zu live bytes", heap.grown, peak);
}

static void test_stress_contiguous(void **state)
{
	(void)state;
	run_stress(20000, 200);
	assert_int_equal(heap.nregions, 1);    /* adjacent growth merged */
}

/* The kernel need not map adjacent pages: many regions must work too. */
static void test_stress_scattered(void **state)
{
	(void)state;
	arena.gap = PAGE;
	run_stress(10000, 100);
	assert_true(heap.nregions > 1);
}

/* ---- reuse, growth and exhaustion */

static void test_freed_memory_is_reused(void **state)
{
	void *p[100], *q[100];
	size_t grown;

	(void)state;
	for (int i = 0; i < 100; i++)
		assert_non_null(p[i] = atxf_heap_alloc(&heap, 1000));
	grown = heap.grown;
	for (int i = 0; i < 100; i++)
		assert_int_equal(atxf_heap_free(&heap, p[i]), ATXF_HEAP_OK);
	for (int i = 0; i < 100; i++) {
		assert_non_null(q[i] = atxf_heap_alloc(&heap, 1000));
		assert_true((char *)q[i] >= arena_mem && (char *)q[i] < arena_mem + arena.used);
	}
	assert_int_equal(heap.grown, grown);
	assert_heap_ok();
	/* The most recently freed block is the first one handed out again. */
	assert_int_equal(atxf_heap_free(&heap, q[42]), ATXF_HEAP_OK);
	assert_ptr_equal(atxf_heap_alloc(&heap, 1000), q[42]);
}

static void test_zero_size_gives_unique_blocks(void **state)
{
	void *a, *b;

	(void)state;
	a = atxf_heap_alloc(&heap, 0);
	b = atxf_heap_alloc(&heap, 0);
	assert_non_null(a);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	assert_true(atxf_heap_usable(a) >= 16);
	assert_heap_ok();
}

static void test_out_of_memory(void **state)
{
	void *p[64];
	int n = 0;

	(void)state;
	arena.limit = 1 << 20;
	assert_null(atxf_heap_alloc(&heap, SIZE_MAX));
	assert_null(atxf_heap_alloc(&heap, SIZE_MAX - 100));
	assert_null(atxf_heap_alloc(&heap, (size_t)1 << 41));
	assert_null(atxf_heap_alloc(&heap, 2 << 20));   /* bigger than the arena */
	while (n < 64 && (p[n] = atxf_heap_alloc(&heap, 60000)) != NULL)
		n++;
	assert_true(n >= 10 && n < 64);
	assert_heap_ok();
	while (n-- > 0)
		assert_int_equal(atxf_heap_free(&heap, p[n]), ATXF_HEAP_OK);
	assert_heap_ok();
	assert_non_null(atxf_heap_alloc(&heap, 60000));
}

/* Grow asks for 64 KiB, but takes less when that is all there is. */
static void test_grow_falls_back_to_minimum(void **state)
{
	(void)state;
	arena.limit = 2 * PAGE;
	assert_non_null(atxf_heap_alloc(&heap, 100));
	assert_int_equal(arena.calls, 2);
	assert_int_equal(heap.grown, PAGE);
	assert_heap_ok();
}

static void test_big_block_gets_own_growth(void **state)
{
	unsigned char *p;

	(void)state;
	p = atxf_heap_alloc(&heap, 1 << 20);
	assert_non_null(p);
	memset(p, 0x5a, 1 << 20);
	assert_true(heap.grown >= (1u << 20) + HEAP_OVERHEAD);
	assert_heap_ok();
	assert_int_equal(atxf_heap_free(&heap, p), ATXF_HEAP_OK);
	assert_heap_ok();
}

/* ---- resize */

static void test_resize(void **state)
{
	unsigned char *p, *q, *guard;
	void *out;

	(void)state;
	assert_int_equal(atxf_heap_resize(&heap, NULL, 100, &out), ATXF_HEAP_OK);
	p = out;
	for (int i = 0; i < 100; i++)
		p[i] = (unsigned char)i;
	/* Shrinking keeps the block and its start. */
	assert_int_equal(atxf_heap_resize(&heap, p, 40, &out), ATXF_HEAP_OK);
	assert_ptr_equal(out, p);
	for (int i = 0; i < 40; i++)
		assert_int_equal(p[i], i);
	/* Growing into the free space after it also keeps the block. */
	assert_int_equal(atxf_heap_resize(&heap, p, 3000, &out), ATXF_HEAP_OK);
	assert_ptr_equal(out, p);
	for (int i = 0; i < 40; i++)
		assert_int_equal(p[i], i);
	/* With a live block right after it, growing moves it. */
	guard = atxf_heap_alloc(&heap, 16);
	assert_int_equal(atxf_heap_resize(&heap, p, 3000 + atxf_heap_usable(p), &out), ATXF_HEAP_OK);
	q = out;
	assert_ptr_not_equal(q, p);
	for (int i = 0; i < 40; i++)
		assert_int_equal(q[i], i);
	assert_heap_ok();
	/* Failure leaves the block alone. */
	assert_int_equal(atxf_heap_resize(&heap, q, SIZE_MAX, &out), ATXF_HEAP_ENOMEM);
	assert_null(out);
	assert_int_equal(q[39], 39);
	assert_int_equal(atxf_heap_free(&heap, q), ATXF_HEAP_OK);
	assert_int_equal(atxf_heap_free(&heap, guard), ATXF_HEAP_OK);
	assert_heap_ok();
}

/* ---- aligned allocation */

static void test_aligned(void **state)
{
	void *p[20];
	int n = 0;

	(void)state;
	for (size_t align = 1; align <= 65536; align *= 2) {
		p[n] = atxf_heap_alloc_aligned(&heap, align, 100 + n);
		assert_non_null(p[n]);
		assert_int_equal((uintptr_t)p[n] % align, 0);
		assert_int_equal((uintptr_t)p[n] % 16, 0);
		memset(p[n], 0xcc, 100 + n);
		assert_heap_ok();
		n++;
	}
	assert_null(atxf_heap_alloc_aligned(&heap, 0, 16));
	assert_null(atxf_heap_alloc_aligned(&heap, 48, 16));
	assert_null(atxf_heap_alloc_aligned(&heap, 64, SIZE_MAX));
	while (n-- > 0)
		assert_int_equal(atxf_heap_free(&heap, p[n]), ATXF_HEAP_OK);
	assert_heap_ok();
}

/* ---- refused pointers */

static void test_refused_pointers(void **state)
{
	char on_stack[64];
	char *p, *q;

	(void)state;
	p = atxf_heap_alloc(&heap, 100);
	q = atxf_heap_alloc(&heap, 100);
	memset(p, 0, 100);
	assert_int_equal(atxf_heap_free(&heap, NULL), ATXF_HEAP_OK);
	assert_int_equal(atxf_heap_free(&heap, on_stack), ATXF_HEAP_EINVAL);
	assert_int_equal(atxf_heap_free(&heap, p + 1), ATXF_HEAP_EINVAL);
	assert_int_equal(atxf_heap_free(&heap, p + 32), ATXF_HEAP_EINVAL);
	assert_int_equal(atxf_heap_free(&heap, p), ATXF_HEAP_OK);
	assert_int_equal(atxf_heap_free(&heap, p), ATXF_HEAP_EDOUBLE);
	/* Freed next to a free neighbour and merged into it: still caught. */
	assert_int_equal(atxf_heap_free(&heap, q), ATXF_HEAP_OK);
	assert_int_equal(atxf_heap_free(&heap, q), ATXF_HEAP_EDOUBLE);
	void *out = (void *)1;
	assert_int_equal(atxf_heap_resize(&heap, p, 10, &out), ATXF_HEAP_EDOUBLE);
	assert_null(out);
	assert_int_equal(atxf_heap_resize(&heap, on_stack, 10, &out), ATXF_HEAP_EINVAL);
	assert_heap_ok();
}

/* ---- the checker must catch each of these */

/* [a][b free][c][d free][e][f][g][rest free] */
static struct layout {
	char *a, *b, *c, *d, *e, *f, *g;
} L;

static void build_layout(void)
{
	L.a = atxf_heap_alloc(&heap, 100);
	L.b = atxf_heap_alloc(&heap, 200);
	L.c = atxf_heap_alloc(&heap, 300);
	L.d = atxf_heap_alloc(&heap, 400);
	L.e = atxf_heap_alloc(&heap, 50);
	L.f = atxf_heap_alloc(&heap, 60);
	L.g = atxf_heap_alloc(&heap, 70);
	assert_int_equal(atxf_heap_free(&heap, L.b), ATXF_HEAP_OK);
	assert_int_equal(atxf_heap_free(&heap, L.d), ATXF_HEAP_OK);
	assert_heap_ok();
}

static heap_tag *head(char *payload) { return blk_head(payload_blk(payload)); }
static heap_tag *foot(char *payload) { return blk_foot(payload_blk(payload)); }

static void set_tags(char *payload, heap_tag t)
{
	heap_tag *f = foot(payload);

	*head(payload) = t;
	*f = t;
}

static void nothing(void) { }
static void overflow_into_footer(void) { L.a[atxf_heap_usable(L.a)] ^= 0x55; }
static void underflow_into_header(void) { L.c[-1] = 0; }
static void header_size_grows(void) { *head(L.c) += 16; }
static void stray_bits_in_tags(void) { set_tags(L.c, *head(L.c) | 8); }
static void free_block_marked_used(void) { set_tags(L.b, *head(L.b) | HEAP_ALLOCATED); }
static void used_block_marked_free(void) { set_tags(L.a, *head(L.a) & ~HEAP_ALLOCATED); }
static void lonely_used_block_marked_free(void) { set_tags(L.f, *head(L.f) & ~HEAP_ALLOCATED); }
static void free_list_cycle(void) { ((struct heap_free *)L.b)->next = (struct heap_free *)L.b; }
static void free_list_stray(void) { ((struct heap_free *)L.b)->next = (struct heap_free *)L.c; }
static void free_list_outside(void) { ((struct heap_free *)L.d)->next = (struct heap_free *)&L; }
static void free_list_back_link(void) { ((struct heap_free *)L.d)->prev = (struct heap_free *)L.d; }
static void prologue_overwritten(void) { memset(region_prologue(heap.regions), 0, 8); }
static void epilogue_overwritten(void) { *blk_head(region_epilogue(heap.regions)) = 0; }
static void region_end_moved(void) { heap.regions->end -= PAGE; }
static void region_count_wrong(void) { heap.nregions++; }

/* Move free block b into the next bin up: on a list, but the wrong one. */
static void free_block_in_wrong_bin(void)
{
	unsigned bin = heap_bin(blk_size(payload_blk(L.b)));
	struct heap_free *f = (struct heap_free *)L.b;

	if (f->prev != NULL)
		f->prev->next = f->next;
	else
		heap.bins[bin] = f->next;
	if (f->next != NULL)
		f->next->prev = f->prev;
	f->prev = NULL;
	f->next = heap.bins[bin + 1];
	if (f->next != NULL)
		f->next->prev = f;
	heap.bins[bin + 1] = f;
}

/* Take free block d off its list: the walk finds one free block too many. */
static void free_block_unlisted(void)
{
	struct heap_free *f = (struct heap_free *)L.d;

	if (f->prev != NULL)
		f->prev->next = f->next;
	else
		heap.bins[heap_bin(blk_size(payload_blk(L.d)))] = f->next;
	if (f->next != NULL)
		f->next->prev = f->prev;
}

static const struct corruption {
	const char *name;
	void (*apply)(void);
	int want;
} corruptions[] = {
	{ "no corruption",                nothing,                       ATXF_HEAP_OK },
	{ "overflow into own footer",     overflow_into_footer,          ATXF_HEAP_BAD_FOOTER },
	{ "underflow into own header",    underflow_into_header,         ATXF_HEAP_BAD_HEADER },
	{ "header size grows",            header_size_grows,             ATXF_HEAP_BAD_FOOTER },
	{ "stray bits in tags",           stray_bits_in_tags,            ATXF_HEAP_BAD_HEADER },
	{ "free block marked used",       free_block_marked_used,        ATXF_HEAP_BAD_FREELIST },
	{ "used block marked free",       used_block_marked_free,        ATXF_HEAP_BAD_COALESCE },
	{ "lonely used block marked free", lonely_used_block_marked_free, ATXF_HEAP_BAD_COUNT },
	{ "free list cycle",              free_list_cycle,               ATXF_HEAP_BAD_FREELIST },
	{ "free list into a used block",  free_list_stray,               ATXF_HEAP_BAD_FREELIST },
	{ "free list leaves the heap",    free_list_outside,             ATXF_HEAP_BAD_FREELIST },
	{ "free list back link",          free_list_back_link,           ATXF_HEAP_BAD_FREELIST },
	{ "free block in the wrong bin",  free_block_in_wrong_bin,       ATXF_HEAP_BAD_FREELIST },
	{ "free block on no list",        free_block_unlisted,           ATXF_HEAP_BAD_COUNT },
	{ "prologue overwritten",         prologue_overwritten,          ATXF_HEAP_BAD_REGION },
	{ "epilogue overwritten",         epilogue_overwritten,          ATXF_HEAP_BAD_REGION },
	{ "region end moved",             region_end_moved,              ATXF_HEAP_BAD_REGION },
	{ "region count wrong",           region_count_wrong,            ATXF_HEAP_BAD_REGION },
};

static void test_checker_catches_corruption(void **state)
{
	int failed = 0;

	for (size_t i = 0; i < sizeof(corruptions) / sizeof(corruptions[0]); i++) {
		const struct corruption *c = &corruptions[i];
		struct atxf_heap_report rep;
		int got;

		fresh_heap(state);
		build_layout();
		c->apply();
		got = atxf_heap_verify(&heap, &rep);
		if (got != c->want) {
			print_error("FAIL %-30s: checker says %d (%s), want %d\n", c->name, got,
				    got ? rep.why : "ok", c->want);
			failed++;
		} else {
			print_message("OK   %-30s: %s\n", c->name, got ? rep.why : "heap is sound");
		}
	}
	assert_int_equal(failed, 0);
}

/* free() refuses a block whose tags disagree, and changes nothing. */
static void test_refuses_corrupted_block(void **state)
{
	(void)state;
	build_layout();
	overflow_into_footer();
	assert_int_equal(atxf_heap_free(&heap, L.a), ATXF_HEAP_EINVAL);
	overflow_into_footer();
	assert_heap_ok();
	assert_int_equal(atxf_heap_free(&heap, L.a), ATXF_HEAP_OK);
	assert_heap_ok();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_stress_contiguous, fresh_heap),
		cmocka_unit_test_setup(test_stress_scattered, fresh_heap),
		cmocka_unit_test_setup(test_freed_memory_is_reused, fresh_heap),
		cmocka_unit_test_setup(test_zero_size_gives_unique_blocks, fresh_heap),
		cmocka_unit_test_setup(test_out_of_memory, fresh_heap),
		cmocka_unit_test_setup(test_grow_falls_back_to_minimum, fresh_heap),
		cmocka_unit_test_setup(test_big_block_gets_own_growth, fresh_heap),
		cmocka_unit_test_setup(test_resize, fresh_heap),
		cmocka_unit_test_setup(test_aligned, fresh_heap),
		cmocka_unit_test_setup(test_refused_pointers, fresh_heap),
		cmocka_unit_test_setup(test_checker_catches_corruption, fresh_heap),
		cmocka_unit_test_setup(test_refuses_corrupted_block, fresh_heap),
	};

	return cmocka_run_group_tests_name("libc heap", tests, NULL, NULL);
}
