/*
 * Number conversion, abs and sorting from <stdlib.h> and <inttypes.h>, as
 * shipped (target objects, renamed tlibc_*): a table of strtol cases (bases,
 * prefixes, signs, saturation with ERANGE, where *endptr points), random
 * strings checked against glibc, and qsort/bsearch on many shapes of input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test_libc.h"

struct conv_case {
	const char *s;
	int base;
	long long value;        /* as the function's own type, widened */
	int end;                /* where *endptr must point, as an offset */
	int err;                /* errno afterwards (0: untouched) */
};

static const struct conv_case strtol_cases[] = {
	{ "0", 10, 0, 1, 0 },
	{ "  42", 10, 42, 4, 0 },
	{ "\t\n\v\f\r -17xyz", 10, -17, 9, 0 },
	{ "+5", 10, 5, 2, 0 },
	{ "", 10, 0, 0, 0 },
	{ "   ", 10, 0, 0, 0 },                 /* no digits: end is the start */
	{ "-", 10, 0, 0, 0 },
	{ "+ 1", 10, 0, 0, 0 },
	{ "x", 10, 0, 0, 0 },
	{ "0x1A", 16, 26, 4, 0 },
	{ "0x1A", 0, 26, 4, 0 },
	{ "0X1a", 0, 26, 4, 0 },
	{ "1A", 16, 26, 2, 0 },
	{ "-0x10", 0, -16, 5, 0 },
	{ "0x", 16, 0, 1, 0 },                   /* "0", then a stray x */
	{ "0xg", 0, 0, 1, 0 },
	{ "0x1A", 10, 0, 1, 0 },
	{ "017", 0, 15, 3, 0 },
	{ "08", 0, 0, 1, 0 },                    /* octal stops at 8 */
	{ "017", 10, 17, 3, 0 },
	{ "101012", 2, 21, 5, 0 },              /* stops at the 2 */
	{ "zZ", 36, 35 * 36 + 35, 2, 0 },
	{ "9223372036854775807", 10, LLONG_MAX, 19, 0 },
	{ "9223372036854775808", 10, LLONG_MAX, 19, ERANGE },
	{ "-9223372036854775808", 10, LLONG_MIN, 20, 0 },
	{ "-9223372036854775809", 10, LLONG_MIN, 20, ERANGE },
	{ "99999999999999999999999xyz", 10, LLONG_MAX, 23, ERANGE },
	{ "-0x8000000000000000", 16, LLONG_MIN, 19, 0 },
	{ "0x7fffffffffffffff0", 0, LLONG_MAX, 19, ERANGE },
	{ "12", 1, 0, 0, EINVAL },
	{ "12", 37, 0, 0, EINVAL },
	{ "12", -2, 0, 0, EINVAL },
};

static const struct conv_case strtoul_cases[] = {
	{ "18446744073709551615", 10, (long long)ULLONG_MAX, 20, 0 },
	{ "18446744073709551616", 10, (long long)ULLONG_MAX, 20, ERANGE },
	{ "-1", 10, (long long)ULLONG_MAX, 2, 0 },          /* negated modulo 2^64 */
	{ "-18446744073709551615", 10, 1, 21, 0 },
	{ "-18446744073709551616", 10, (long long)ULLONG_MAX, 21, ERANGE },
	{ "0xffffffffffffffff", 0, (long long)ULLONG_MAX, 18, 0 },
	{ "  +7", 8, 7, 4, 0 },
	{ "777", 8, 511, 3, 0 },
	{ "", 0, 0, 0, 0 },
};

typedef long long (*signed_fn)(const char *, char **, int);

static long long via_strtol(const char *s, char **e, int b) { return tlibc_strtol(s, e, b); }
static long long via_strtoll(const char *s, char **e, int b) { return tlibc_strtoll(s, e, b); }
static long long via_strtoimax(const char *s, char **e, int b) { return tlibc_strtoimax(s, e, b); }
static long long via_strtoul(const char *s, char **e, int b) { return (long long)tlibc_strtoul(s, e, b); }
static long long via_strtoull(const char *s, char **e, int b) { return (long long)tlibc_strtoull(s, e, b); }
static long long via_strtoumax(const char *s, char **e, int b) { return (long long)tlibc_strtoumax(s, e, b); }

static int run_table(const char *name, signed_fn fn, const struct conv_case *t, size_t n)
{
	int failed = 0;

	for (size_t i = 0; i < n; i++) {
		char *end = NULL;
		long long v;

		tlibc_errno = 0;
		v = fn(t[i].s, &end, t[i].base);
		if (v != t[i].value || end != t[i].s + t[i].end || tlibc_errno != t[i].err) {
			print_error("%s(\"%s\", %d) = %lld end %+d errno %d; want %lld end %+d errno %d\n",
				    name, t[i].s, t[i].base, v, (int)(end - t[i].s), tlibc_errno,
				    t[i].value, t[i].end, t[i].err);
			failed++;
		}
	}
	return failed;
}

#define TABLE(t) (t), sizeof(t) / sizeof((t)[0])

static void test_strtol_table(void **state)
{
	int failed = 0;

	(void)state;
	failed += run_table("strtol", via_strtol, TABLE(strtol_cases));
	failed += run_table("strtoll", via_strtoll, TABLE(strtol_cases));
	failed += run_table("strtoimax", via_strtoimax, TABLE(strtol_cases));
	failed += run_table("strtoul", via_strtoul, TABLE(strtoul_cases));
	failed += run_table("strtoull", via_strtoull, TABLE(strtoul_cases));
	failed += run_table("strtoumax", via_strtoumax, TABLE(strtoul_cases));
	assert_int_equal(failed, 0);
}

static void test_endptr_may_be_null(void **state)
{
	(void)state;
	assert_int_equal(tlibc_strtol("123", NULL, 10), 123);
	assert_int_equal(tlibc_strtoull("0x10", NULL, 0), 16);
	assert_int_equal(tlibc_atoi("  -42abc"), -42);
	assert_int_equal(tlibc_atol("2147483648"), 2147483648L);
	assert_int_equal(tlibc_atoll("-9223372036854775808"), LLONG_MIN);
	assert_int_equal(tlibc_atoi(""), 0);
}

/* Random digit strings in random bases: value, end and errno as glibc's. */
static void test_strto_random_against_host(void **state)
{
	static const int bases[] = { 0, 2, 8, 10, 16, 36, 3, 7, 20 };
	uint64_t rng = libc_test_seed();

	(void)state;
	for (int i = 0; i < 20000; i++) {
		char s[40];
		int base = bases[rng_below(&rng, sizeof(bases) / sizeof(bases[0]))];
		size_t len = 0, digits = rng_below(&rng, 30);
		char *e1, *e2;

		if (rng_below(&rng, 4) == 0)
			s[len++] = " \t"[rng_below(&rng, 2)];
		if (rng_below(&rng, 3) == 0)
			s[len++] = "+-"[rng_below(&rng, 2)];
		if (rng_below(&rng, 4) == 0) {
			s[len++] = '0';
			s[len++] = "xX"[rng_below(&rng, 2)];
		}
		while (digits-- > 0)
			s[len++] = "0123456789abcdefxyzABZ_"[rng_below(&rng, 23)];
		s[len] = '\0';

		errno = tlibc_errno = 0;
		long a = tlibc_strtol(s, &e1, base), b = strtol(s, &e2, base);
		if (a != b || e1 != e2 || tlibc_errno != errno)
			fail_msg("strtol(\"%s\", %d): ours %ld end %td errno %d, host %ld end %td errno %d",
				 s, base, a, e1 - s, tlibc_errno, b, e2 - s, errno);
		errno = tlibc_errno = 0;
		unsigned long long ua = tlibc_strtoull(s, &e1, base), ub = strtoull(s, &e2, base);
		if (ua != ub || e1 != e2 || tlibc_errno != errno)
			fail_msg("strtoull(\"%s\", %d): ours %llu end %td errno %d, host %llu end %td errno %d",
				 s, base, ua, e1 - s, tlibc_errno, ub, e2 - s, errno);
	}
}

static void test_abs(void **state)
{
	(void)state;
	assert_int_equal(tlibc_abs(-5), 5);
	assert_int_equal(tlibc_abs(5), 5);
	assert_int_equal(tlibc_abs(0), 0);
	assert_int_equal(tlibc_abs(INT_MIN), INT_MIN);          /* documented: unchanged */
	assert_int_equal(tlibc_labs(LONG_MIN + 1), LONG_MAX);
	assert_int_equal(tlibc_llabs(-1LL), 1);
	assert_int_equal(tlibc_imaxabs(INTMAX_MIN + 1), INTMAX_MAX);
}

/* ---- qsort and bsearch */

struct record {
	int key;
	int id;                 /* unique, to check that it is a permutation */
	char pad[16];           /* an element size that is not a power of two */
};

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int cmp_byte(const void *a, const void *b)
{
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

static int cmp_record(const void *a, const void *b)
{
	return cmp_int(&((const struct record *)a)->key, &((const struct record *)b)->key);
}

static int cmp_id(const void *a, const void *b)
{
	return ((const struct record *)a)->id - ((const struct record *)b)->id;
}

/* Shapes that break naive sorts: random, sorted, reversed, all equal, few keys. */
static int make_key(uint64_t *rng, int shape, int i, int n)
{
	switch (shape) {
	case 0: return (int)rng_next(rng);
	case 1: return i;
	case 2: return n - i;
	case 3: return 7;
	default: return (int)rng_below(rng, 3);
	}
}

static void check_records(struct record *r, int n)
{
	for (int i = 1; i < n; i++)
		assert_true(r[i - 1].key <= r[i].key);
	qsort(r, n, sizeof(*r), cmp_id);        /* glibc: only to list the ids */
	for (int i = 0; i < n; i++)
		assert_int_equal(r[i].id, i);
}

static void test_qsort_records(void **state)
{
	static const int sizes[] = { 0, 1, 2, 3, 5, 16, 17, 100, 1000, 4097 };
	static struct record r[4097];
	uint64_t rng = 3;

	(void)state;
	for (int shape = 0; shape < 5; shape++) {
		for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
			int n = sizes[k];

			for (int i = 0; i < n; i++) {
				r[i].key = make_key(&rng, shape, i, n);
				r[i].id = i;
			}
			tlibc_qsort(r, n, sizeof(r[0]), cmp_record);
			check_records(r, n);
		}
	}
}

static void test_qsort_small_elements(void **state)
{
	unsigned char bytes[300], want[300];
	int ints[257];
	uint64_t rng = 4;

	(void)state;
	for (int i = 0; i < 300; i++)
		bytes[i] = want[i] = (unsigned char)rng_next(&rng);
	qsort(want, 300, 1, cmp_byte);
	tlibc_qsort(bytes, 300, 1, cmp_byte);
	assert_memory_equal(bytes, want, 300);
	for (int i = 0; i < 257; i++)
		ints[i] = (int)rng_below(&rng, 1000) - 500;
	tlibc_qsort(ints, 257, sizeof(int), cmp_int);
	for (int i = 1; i < 257; i++)
		assert_true(ints[i - 1] <= ints[i]);
}

static void test_bsearch(void **state)
{
	int a[101];

	(void)state;
	for (int i = 0; i < 101; i++)
		a[i] = 2 * i;           /* even numbers: every odd key is absent */
	for (int n = 0; n <= 101; n++) {
		for (int key = -1; key <= 2 * n; key++) {
			int *hit = tlibc_bsearch(&key, a, n, sizeof(int), cmp_int);

			if (key >= 0 && key % 2 == 0 && key / 2 < n)
				assert_ptr_equal(hit, &a[key / 2]);
			else
				assert_null(hit);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strtol_table),
		cmocka_unit_test(test_endptr_may_be_null),
		cmocka_unit_test(test_strto_random_against_host),
		cmocka_unit_test(test_abs),
		cmocka_unit_test(test_qsort_records),
		cmocka_unit_test(test_qsort_small_elements),
		cmocka_unit_test(test_bsearch),
	};

	return cmocka_run_group_tests_name("libc stdlib", tests, NULL, NULL);
}
