/*
 * printf's floating-point conversions as shipped (tlibc_snprintf) against
 * glibc's: a table of literal results a user would check, every edge value
 * under every flag, width and precision, and a million seeded random
 * doubles (LIBC_TEST_SEED=n reruns one) plus long doubles of every
 * exponent. Any difference in the text or the returned length fails.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "test_libc_fp.h"

#define BUF 20000               /* %Lf of LDBL_MAX is 4933 digits, %.12000e more */

static char want[BUF], got[BUF];
static unsigned long differences;

/* Print x with f both ways; report the first few differences. */
static void compare_d(const char *f, int prec, double x)
{
	int nw = snprintf(want, BUF, f, prec, x);
	int ng = tlibc_snprintf(got, BUF, f, prec, x);

	if (nw != ng || strcmp(want, got) != 0) {
		if (differences++ < 10)
			printf("DIFF \"%s\" prec %d, %a: glibc \"%.80s\" (%d), ours \"%.80s\" (%d)\n",
			       f, prec, x, want, nw, got, ng);
	}
}

static void compare_ld(const char *f, int prec, long double x)
{
	int nw = snprintf(want, BUF, f, prec, x);
	int ng = tlibc_snprintf(got, BUF, f, prec, x);

	if (nw != ng || strcmp(want, got) != 0) {
		if (differences++ < 10)
			printf("DIFF \"%s\" prec %d, %La: glibc \"%.80s\" (%d), ours \"%.80s\" (%d)\n",
			       f, prec, x, want, nw, got, ng);
	}
}

/* Every conversion with every flag; the precision comes as '*'. */
static const char *const formats[] = {
	"%.*f", "%.*e", "%.*g", "%.*a", "%.*F", "%.*E", "%.*G", "%.*A",
	"%#.*f", "%#.*e", "%#.*g", "%#.*a", "%+.*f", "%+.*e", "% .*g", "% .*a",
	"%-30.*f|", "%-30.*e|", "%30.*g|", "%30.*a|", "%030.*f", "%030.*e",
	"%+030.*g", "%-+030.*a|", "% 025.*E", "%#025.*G", "%-#25.*A|", "%0#.*g",
	"%1.*e", "%.*f%%", "[%.*g]", "%+ 12.*f",
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

/* The same with L, built once. */
static char lformats[NFORMATS][32];

static void make_lformats(void)
{
	for (size_t i = 0; i < NFORMATS; i++) {
		const char *f = formats[i], *conv = strstr(f, "*") + 1;

		snprintf(lformats[i], sizeof(lformats[i]), "%.*sL%s", (int)(conv - f), f, conv);
	}
}

static const double edge_doubles[] = {
	0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.1, 0.2, 0.3, 1e-5, 1e-4, 9.5,
	99.5, 999999.5, 9.9999995, 0.00001234, 123456789.0, 1e15, 1e16, 1e17, 1e21,
	1e22, 1e23, 5e-324, 1e-323, 2.2250738585072009e-308, 2.2250738585072014e-308,
	1.7976931348623157e308, 4503599627370496.5, 9007199254740993.0, 0x1.fffffffffffffp0,
	0x1.8p0, 0x1.08p0, 0x1.18p0, 0x1.ffp0, 0x1.fp-1022, 0x0.8p-1022, 3.14159265358979,
	2.718281828459045, 1.0 / 3.0, 2.0 / 3.0, 0.05, 0.15, 0.25, 0.35, 0.45, 5e-5,
	0.000099999, 0.0001, 999.9995, 1e100, 1e-100, INFINITY, -INFINITY, NAN, -NAN,
};

static const int edge_precs[] = { -1, 0, 1, 2, 3, 5, 6, 10, 13, 14, 16, 17, 20, 30, 60, 340, 1100 };

static void test_literal_results(void **state)
{
	char b[128];

	(void)state;
#define SAME(text, ...) do { tlibc_snprintf(b, sizeof(b), __VA_ARGS__); \
		assert_string_equal(b, text); } while (0)
	SAME("3.141593 3.141593e+00 3.14159", "%f %e %g", 3.14159265, 3.14159265, 3.14159265);
	SAME("0.1000000000000000055511151231257827", "%.34f", 0.1);
	SAME("2 2 4 0", "%.0f %.0f %.0f %.0f", 1.5, 2.5, 3.5, 0.5);
	SAME("1e+06 1e-05 100000 0.0001", "%g %g %g %g", 1e6, 1e-5, 1e5, 1e-4);
	SAME("0x1p+0 0x1.8p+1 0x0.0000000000001p-1022", "%a %a %a", 1.0, 3.0, 5e-324);
	SAME("0x8p-3 0XCP-2", "%La %LA", 1.0L, 3.0L);
	SAME("-inf INF nan +NAN", "%f %E %g %+G", -INFINITY, INFINITY, NAN, NAN);
	SAME("    -42.50|-0042.5|-42.5     |", "%10.2f|%07g|%-10g|", -42.5, -42.5, -42.5);
	SAME("1.e+00 1. 1.00000", "%#.0e %#.0f %#g", 1.0, 1.0, 1.0);
	SAME("1.18973e+4932 3.6452e-4951", "%Lg %Lg", LDBL_MAX, LDBL_TRUE_MIN);
#undef SAME
}

static void test_edges_against_glibc(void **state)
{
	(void)state;
	make_lformats();
	differences = 0;
	for (size_t v = 0; v < sizeof(edge_doubles) / sizeof(edge_doubles[0]); v++)
		for (size_t f = 0; f < NFORMATS; f++)
			for (size_t p = 0; p < sizeof(edge_precs) / sizeof(edge_precs[0]); p++) {
				compare_d(formats[f], edge_precs[p], edge_doubles[v]);
				compare_ld(lformats[f], edge_precs[p], edge_doubles[v]);
			}
	static const long double ledges[] = { LDBL_MAX, LDBL_MIN, LDBL_TRUE_MIN, -LDBL_MIN,
		0xf.fffffffffffffffp0L, 0xf.8p0L, 0x8.8p0L, 1e4000L, 1e-4000L, 0.1L };
	for (size_t v = 0; v < sizeof(ledges) / sizeof(ledges[0]); v++)
		for (size_t f = 0; f < NFORMATS; f++)
			for (int p = -1; p < 20; p++)
				compare_ld(lformats[f], p, ledges[v]);
	assert_int_equal(differences, 0);
}

/* A precision for a random test: mostly small, sometimes none, sometimes long. */
static int rng_prec(uint64_t *s)
{
	uint64_t r = rng_below(s, 100);

	if (r < 10)
		return -1;
	if (r < 90)
		return (int)rng_below(s, 21);
	return (int)rng_below(s, 800);
}

static void test_million_random_doubles(void **state)
{
	uint64_t seed = libc_test_seed();

	(void)state;
	differences = 0;
	for (long i = 0; i < 1000000; i++) {
		double x = rng_double(&seed);

		compare_d(formats[i % NFORMATS], rng_prec(&seed), x);
	}
	assert_int_equal(differences, 0);
}

static void test_random_long_doubles(void **state)
{
	uint64_t seed = libc_test_seed();

	(void)state;
	make_lformats();
	differences = 0;
	/* Every exponent (slow: the exact expansion has thousands of digits)... */
	for (long i = 0; i < 600; i++)
		compare_ld(lformats[i % NFORMATS], rng_prec(&seed), rng_ldouble(&seed, 0, 0x7fff));
	/* ... and many near double's range. */
	for (long i = 0; i < 100000; i++)
		compare_ld(lformats[i % NFORMATS], rng_prec(&seed),
			   rng_ldouble(&seed, 16383 - 1100, 16383 + 1100));
	assert_int_equal(differences, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literal_results),
		cmocka_unit_test(test_edges_against_glibc),
		cmocka_unit_test(test_million_random_doubles),
		cmocka_unit_test(test_random_long_doubles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
