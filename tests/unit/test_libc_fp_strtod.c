/*
 * strtod, strtof, strtold and atof as shipped (tlibc_*) against glibc's:
 * the value's bits (NaN payloads included), the end pointer and errno must
 * all be the same, for a table of edge cases (syntax, overflow, underflow,
 * subnormals, halfway cases, long inputs), a million seeded random doubles
 * printed in every style, and strings within a digit of a halfway point.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test_libc_fp.h"

static unsigned long differences;

static void report(const char *what, const char *s, long wend, long gend, int werr, int gerr)
{
	if (differences++ < 10)
		printf("DIFF %s(\"%.100s\"): glibc end %ld errno %d, ours end %ld errno %d, or bits\n",
		       what, s, wend, werr, gend, gerr);
}

/* Call glibc's and our function f on s; compare bits, end and errno. */
#define COMPARE(s, type, glibc_fn, our_fn, nbytes)                              \
	do {                                                                    \
		char *we_, *ge_;                                                \
		int werr_, gerr_;                                               \
		type w_, g_;                                                    \
                                                                                \
		errno = 0;                                                      \
		w_ = glibc_fn(s, &we_);                                         \
		werr_ = errno;                                                  \
		tlibc_errno = 0;                                                \
		g_ = our_fn(s, &ge_);                                           \
		gerr_ = tlibc_errno;                                            \
		if (memcmp(&w_, &g_, nbytes) != 0 || we_ != ge_ || werr_ != gerr_) \
			report(#glibc_fn, s, we_ - s, ge_ - s, werr_, gerr_);   \
	} while (0)

static void compare_d(const char *s) { COMPARE(s, double, strtod, tlibc_strtod, 8); }
static void compare_f(const char *s) { COMPARE(s, float, strtof, tlibc_strtof, 4); }
/* A long double is 10 bytes; the rest of its 16 is padding. */
static void compare_ld(const char *s) { COMPARE(s, long double, strtold, tlibc_strtold, 10); }

/*
 * strtof of hexadecimal text of at most 64 bits, against the hardware: the
 * text is exact as a long double, and the x87 store to float rounds it
 * once, raising underflow exactly when glibc would report ERANGE. (glibc
 * 2.36 itself drops the bits past float's 24 before rounding a subnormal,
 * so it rounds 0x1.06d705p-128 twice, down, and can miss the ERANGE;
 * C11 7.22.1.3p8 asks for one correct rounding.)
 */
static void compare_f_hex(const char *s)
{
	char *we, *ge;
	int werr, gerr;
	volatile long double exact = strtold(s, &we);
	volatile float w;
	float g;

	feclearexcept(FE_ALL_EXCEPT);
	w = (float)exact;
	werr = fetestexcept(FE_UNDERFLOW | FE_OVERFLOW) ? ERANGE : 0;
	tlibc_errno = 0;
	g = tlibc_strtof(s, &ge);
	gerr = tlibc_errno;
	if (memcmp((const void *)&w, &g, sizeof(g)) != 0 || we - s != ge - s || werr != gerr)
		report("strtof", s, we - s, ge - s, werr, gerr);
}

static void compare_all(const char *s)
{
	compare_d(s);
	compare_f(s);
	compare_ld(s);
}

static const char *const edges[] = {
	"", " ", "-", "+", ".", "e5", "+.", "-x", "0", "-0", "+0.0e-999", "00000.00000",
	"1", "  \t\n+1.5", "1e", "1e+", "1e-", "1.e+2", ".5", "5.", ".e1", "1..2", "1e5.5",
	"0x", "0X", "0x.", "0x.p1", "0xp1", "0x1", "0x1p", "0x1P+", "0x1.8p1", "0x.8p1",
	"0X1.FFFFFEP127", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023",
	"0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1p-149", "0x1.8p-150",
	"0x1p-16445", "0x1p-16446", "0x1.8p-16446", "0x1p16383", "0x1p16384",
	"0x123456789abcdef0123456789abcdef0123456789abcdefp-100", "0x0.000000000000000001p0",
	"inf", "INF", "-Inf", "infinity", "INFINITY", "infinit", "infinityx", "in", "i",
	"nan", "NAN", "-nan", "nan(", "nan()", "nan(123)", "nan(0x7f)", "nan(010)", "nan(abc)",
	"nan(1_2)", "nan(0xfffffffffffffffff)", "nan(99999999999999999999)", "nan(12", "nanx",
	"1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
	"1e309", "-1e309", "1e-307", "2.2250738585072014e-308", "2.2250738585072011e-308",
	"2.2250738585072012e-308", "2.225073858507201e-308", "1e-310", "4.9406564584124654e-324",
	"2.4703282292062327e-324", "2.4703282292062328e-324", "1e-324", "1e-400",
	"3.4028235e38", "3.40282356779733661637539395458142568448e38", "3.4028236e38",
	"1.17549435e-38", "1.4e-45", "7e-46", "7.1e-46", "1e-46",
	"1.18973149535723176502e+4932", "1.18973149535723176508e+4932", "1e4933",
	"3.64519953188247460253e-4951", "1.8e-4951", "1.9e-4951", "1e-4952",
	"9007199254740993", "9007199254740992.5", "9007199254740993.0000000000000000001",
	"123456789012345678901234567890e-50", "0.000000000000000000000000000000000001e36",
	"1e999999999999999999", "1e-999999999999999999", "0e999999999", "0.0e-99999999",
	"4.35679098e-4936", "1.00000005960464477539062499", "1.000000059604644775390625",
	"1.00000005960464477539062501", "0.1", "0.2", "0.3", "3.14159265358979323846264338",
};

static void test_literal_results(void **state)
{
	char *end;

	(void)state;
	assert_true(tlibc_strtod("0.1", NULL) == 0.1);
	assert_true(tlibc_strtod("0x1.8p1", NULL) == 3.0);
	assert_true(tlibc_strtof("1e-45", NULL) == 0x1p-149f);
	assert_true(tlibc_strtold("0.1", NULL) == 0.1L);
	assert_true(tlibc_atof("  -2.5e3xyz") == -2500.0);
	assert_true(isinf(tlibc_strtod("-infinity", &end)) && *end == '\0');
	assert_true(isnan(tlibc_strtod("nan(7)", &end)) && *end == '\0');
	tlibc_errno = 0;
	assert_true(tlibc_strtod("1e999", NULL) == INFINITY);
	assert_int_equal(tlibc_errno, ERANGE);
	tlibc_errno = 0;
	assert_true(tlibc_strtod("0x1p-1074", NULL) == 0x1p-1074);
	assert_int_equal(tlibc_errno, 0);
	assert_true(tlibc_strtod("hello", &end) == 0.0);
	assert_string_equal(end, "hello");
}

static void test_edges_against_glibc(void **state)
{
	(void)state;
	differences = 0;
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
		compare_all(edges[i]);
	assert_int_equal(differences, 0);
}

/* Long inputs: many digits past what decides the rounding. */
static void test_long_inputs(void **state)
{
	static char s[30000];

	(void)state;
	differences = 0;
	/* 0.5 ulp above 1 in double, followed by thousands of zeros, then a 1. */
	strcpy(s, "1.00000000000000011102230246251565404236316680908203125");
	memset(s + strlen(s), '0', 20000);
	strcpy(s + strlen(s), "1");
	compare_all(s);
	s[strlen(s) - 1] = '0';
	compare_all(s);
	/* 25000 nines, with and without a point. */
	memset(s, '9', 25000);
	s[25000] = '\0';
	compare_all(s);
	s[1] = '.';
	compare_all(s);
	memcpy(s, "0.", 2);
	compare_all(s);
	assert_int_equal(differences, 0);
}

/* A random double printed in one of several styles, parsed back. */
static void random_text(char *b, size_t n, uint64_t *seed, double x)
{
	switch (rng_below(seed, 6)) {
	case 0: snprintf(b, n, "%.17g", x); break;
	case 1: snprintf(b, n, "%.*e", (int)rng_below(seed, 30), x); break;
	case 2: snprintf(b, n, "%A", x); break;
	case 3: snprintf(b, n, "%.*f", (int)rng_below(seed, 30), x); break;
	case 4: snprintf(b, n, "%.*g", (int)rng_below(seed, 10), x); break;
	default: snprintf(b, n, "  %+.*A", (int)rng_below(seed, 14), x); break;
	}
}

static void test_million_random_doubles(void **state)
{
	uint64_t seed = libc_test_seed();
	static char b[400];

	(void)state;
	differences = 0;
	for (long i = 0; i < 1000000; i++) {
		random_text(b, sizeof(b), &seed, rng_double(&seed));
		compare_d(b);
		if (i % 8 == 0 && strchr(b, 'X'))
			compare_f_hex(b);
		else if (i % 8 == 0)
			compare_f(b);
		if (i % 16 == 0)
			compare_ld(b);
	}
	assert_int_equal(differences, 0);
}

/*
 * The exact midpoint of two neighbouring doubles (a long double holds it),
 * and the same with its last digit one up or down: the hardest inputs.
 */
static void test_halfway_points(void **state)
{
	uint64_t seed = libc_test_seed();
	static char b[1000];

	(void)state;
	differences = 0;
	for (long i = 0; i < 20000; i++) {
		double x = fabs(rng_double(&seed));
		char *last;

		if (!isfinite(x))
			continue;
		snprintf(b, sizeof(b), "%.800Le", ((long double)x + nextafter(x, INFINITY)) / 2);
		last = strchr(b, 'e') - 1;
		while (*last == '0')
			last--;
		if (i % 3 == 1 && *last < '9')
			(*last)++;
		else if (i % 3 == 2)
			(*last)--;
		compare_d(b);
	}
	assert_int_equal(differences, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literal_results),
		cmocka_unit_test(test_edges_against_glibc),
		cmocka_unit_test(test_long_inputs),
		cmocka_unit_test(test_million_random_doubles),
		cmocka_unit_test(test_halfway_points),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
