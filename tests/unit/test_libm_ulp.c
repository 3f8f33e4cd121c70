/*
 * libm as shipped (sdk/lib/libm, target objects renamed tlibc_*) against
 * glibc's libm on seeded random arguments (LIBC_TEST_SEED=n), every
 * function in its double, float and long double form. The error is
 * counted in ulps of glibc's result; a function fails if its largest error
 * is beyond the bound docs/libc.md ("## libm") documents for it, or if it
 * has none there. LIBM_ULP_PRINT=1 prints the measured table.
 * The exact functions (rounding, remainders, bits) must agree exactly.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test_libc_fp.h"

#define SAMPLES 20000

/* Every form of every function, called with long double arguments. */
typedef long double call_fn(long double a, long double b, long double c);

#define W1(n)                                                                   \
	double tlibc_##n(double); float tlibc_##n##f(float);                    \
	long double tlibc_##n##l(long double);                                  \
	static long double o_##n##_d(long double a, long double b, long double c) \
	{ (void)b; (void)c; return tlibc_##n((double)a); }                      \
	static long double g_##n##_d(long double a, long double b, long double c) \
	{ (void)b; (void)c; return n((double)a); }                              \
	static long double o_##n##_f(long double a, long double b, long double c) \
	{ (void)b; (void)c; return tlibc_##n##f((float)a); }                    \
	static long double g_##n##_f(long double a, long double b, long double c) \
	{ (void)b; (void)c; return n##f((float)a); }                            \
	static long double o_##n##_l(long double a, long double b, long double c) \
	{ (void)b; (void)c; return tlibc_##n##l(a); }                           \
	static long double g_##n##_l(long double a, long double b, long double c) \
	{ (void)b; (void)c; return n##l(a); }

#define W2(n)                                                                   \
	double tlibc_##n(double, double); float tlibc_##n##f(float, float);     \
	long double tlibc_##n##l(long double, long double);                     \
	static long double o_##n##_d(long double a, long double b, long double c) \
	{ (void)c; return tlibc_##n((double)a, (double)b); }                    \
	static long double g_##n##_d(long double a, long double b, long double c) \
	{ (void)c; return n((double)a, (double)b); }                            \
	static long double o_##n##_f(long double a, long double b, long double c) \
	{ (void)c; return tlibc_##n##f((float)a, (float)b); }                   \
	static long double g_##n##_f(long double a, long double b, long double c) \
	{ (void)c; return n##f((float)a, (float)b); }                           \
	static long double o_##n##_l(long double a, long double b, long double c) \
	{ (void)c; return tlibc_##n##l(a, b); }                                 \
	static long double g_##n##_l(long double a, long double b, long double c) \
	{ (void)c; return n##l(a, b); }

W1(sin) W1(cos) W1(tan) W1(asin) W1(acos) W1(atan) W1(sinh) W1(cosh) W1(tanh)
W1(asinh) W1(acosh) W1(atanh) W1(exp) W1(exp2) W1(expm1) W1(log) W1(log2) W1(log10)
W1(log1p) W1(logb) W1(cbrt) W1(sqrt) W1(erf) W1(erfc) W1(lgamma) W1(tgamma) W1(fabs)
W1(ceil) W1(floor) W1(trunc) W1(round) W1(rint) W1(nearbyint)
W2(atan2) W2(hypot) W2(pow) W2(fmod) W2(remainder) W2(copysign) W2(nextafter) W2(fdim)
W2(fmax) W2(fmin)

double tlibc_fma(double, double, double);
float tlibc_fmaf(float, float, float);
long double tlibc_fmal(long double, long double, long double);
static long double o_fma_d(long double a, long double b, long double c)
{ return tlibc_fma((double)a, (double)b, (double)c); }
static long double g_fma_d(long double a, long double b, long double c)
{ return fma((double)a, (double)b, (double)c); }
static long double o_fma_f(long double a, long double b, long double c)
{ return tlibc_fmaf((float)a, (float)b, (float)c); }
static long double g_fma_f(long double a, long double b, long double c)
{ return fmaf((float)a, (float)b, (float)c); }
static long double o_fma_l(long double a, long double b, long double c)
{ return tlibc_fmal(a, b, c); }
static long double g_fma_l(long double a, long double b, long double c)
{ return fmal(a, b, c); }

/* One sampling of a function: its arguments' range, or any finite value. */
struct fn {
	const char *name;
	double lo, hi;
	int any;
	call_fn *ours[3], *ref[3];      /* by form: double, float, long double */
};

#define FN(n, lo, hi, any) { #n, lo, hi, any, { o_##n##_d, o_##n##_f, o_##n##_l }, \
	{ g_##n##_d, g_##n##_f, g_##n##_l } }

static const struct fn fns[] = {
	FN(sin, -10, 10, 0), FN(sin, 0, 0, 1), FN(cos, -10, 10, 0),
	FN(cos, 0, 0, 1), FN(tan, -10, 10, 0), FN(tan, 0, 0, 1),
	FN(asin, -1, 1, 0), FN(acos, -1, 1, 0), FN(atan, -10, 10, 0),
	FN(atan, 0, 0, 1), FN(atan2, -10, 10, 0), FN(atan2, 0, 0, 1),
	FN(sinh, -20, 20, 0), FN(cosh, -20, 20, 0), FN(tanh, -10, 10, 0),
	FN(asinh, -1e6, 1e6, 0), FN(acosh, 1, 1e3, 0), FN(atanh, -1, 1, 0),
	FN(exp, -700, 700, 0), FN(exp, -1, 1, 0), FN(exp2, -1000, 1000, 0),
	FN(expm1, -2, 2, 0), FN(expm1, -40, 700, 0), FN(log, 0, 0, 1),
	FN(log, 0.5, 2, 0), FN(log2, 0, 0, 1), FN(log10, 0, 0, 1),
	FN(log1p, -0.9, 1, 0), FN(log1p, 0, 0, 1), FN(logb, 0, 0, 1),
	FN(cbrt, 0, 0, 1), FN(sqrt, 0, 0, 1), FN(hypot, 0, 0, 1),
	FN(pow, 0, 10, 0), FN(pow, -50, 50, 0), FN(erf, -6, 6, 0),
	FN(erfc, -3, 27, 0), FN(lgamma, 0, 100, 0), FN(lgamma, -100, 0, 0),
	FN(tgamma, 0, 170, 0), FN(tgamma, -30, 0, 0), FN(fabs, 0, 0, 1),
	FN(ceil, -1e6, 1e6, 0), FN(floor, -1e6, 1e6, 0), FN(trunc, -1e6, 1e6, 0),
	FN(round, -1e6, 1e6, 0), FN(rint, -1e6, 1e6, 0), FN(nearbyint, -1e6, 1e6, 0),
	FN(fmod, 0, 0, 1), FN(remainder, 0, 0, 1), FN(copysign, 0, 0, 1),
	FN(nextafter, 0, 0, 1), FN(fdim, 0, 0, 1), FN(fmax, 0, 0, 1),
	FN(fmin, 0, 0, 1), FN(fma, 0, 0, 1), FN(fma, -1, 1, 0),
};
#define NFNS (sizeof(fns) / sizeof(fns[0]))

enum form { FORM_D, FORM_F, FORM_L };

/* The size of one ulp at v in a format of p bits and least exponent emin. */
static long double ulp_at(long double v, int p, int emin)
{
	int e = v == 0 ? emin : ilogbl(v);

	if (e < emin)
		e = emin;
	return ldexpl(1, e - p + 1);
}

/* |ours - glibc| in ulps of glibc's; NaN and infinities must agree. */
static long double ulps(long double ours, long double ref, enum form form)
{
	static const int p[3] = { 53, 24, 64 }, emin[3] = { -1022, -126, -16382 };

	if (isnan(ref) || isnan(ours))
		return isnan(ref) && isnan(ours) ? 0 : INFINITY;
	if (isinf(ref) || isinf(ours))
		return ours == ref ? 0 : INFINITY;
	return fabsl(ours - ref) / ulp_at(ref, p[form], emin[form]);
}

static long double arg(uint64_t *seed, const struct fn *fn, enum form form)
{
	if (fn->any) {
		for (;;) {
			long double v = form == FORM_L ? rng_ldouble(seed, 0, 0x7ffe)
				      : form == FORM_F ? (long double)(float)rng_double(seed)
				      : rng_double(seed);

			if (isfinite(v))
				return v;
		}
	}
	return fn->lo + (fn->hi - fn->lo) * ((long double)rng_next(seed) / 0x1p64L);
}

/* The largest error of one form over SAMPLES arguments. */
static long double measure(const struct fn *fn, enum form form, uint64_t *seed)
{
	long double worst = 0;

	for (int i = 0; i < SAMPLES; i++) {
		long double a = arg(seed, fn, form), b = arg(seed, fn, form), c = arg(seed, fn, form);
		long double ours = fn->ours[form](a, b, c), ref = fn->ref[form](a, b, c);
		long double e = ulps(ours, ref, form);
		if (e > worst) {
			worst = e;
			if (getenv("LIBM_ULP_WORST"))
				printf("  %s form %d: %.3Lg ulp at %La, %La (ours %La, glibc %La)\n",
				       fn->name, form, e, a, b, ours, ref);
		}
	}
	return worst;
}

/* The documented bounds: "| `name` | double | float | long double |" rows
 * under "## libm" in docs/libc.md. Returns 0 if name has none. */
static int documented(const char *name, long double bound[3])
{
	FILE *f = fopen(LIBM_DOC, "r");
	char line[256], want[64];
	int in_libm = 0, found = 0;

	assert_non_null(f);
	snprintf(want, sizeof(want), "| `%s` |", name);
	while (!found && fgets(line, sizeof(line), f)) {
		if (strncmp(line, "## ", 3) == 0)
			in_libm = strncmp(line, "## libm", 7) == 0;
		else if (in_libm && strncmp(line, want, strlen(want)) == 0)
			found = sscanf(line + strlen(want), " %Lf | %Lf | %Lf", &bound[0],
				       &bound[1], &bound[2]) == 3;
	}
	fclose(f);
	return found;
}

static void test_errors_within_documented_bounds(void **state)
{
	uint64_t seed = libc_test_seed();
	int print = getenv("LIBM_ULP_PRINT") != NULL, failed = 0;

	(void)state;
	for (size_t i = 0; i < NFNS; i++) {
		long double worst[3] = { 0, 0, 0 }, bound[3];
		size_t j;

		/* Each function once, over all its samplings. */
		for (j = 0; j < i; j++)
			if (strcmp(fns[j].name, fns[i].name) == 0)
				break;
		if (j < i)
			continue;
		for (j = i; j < NFNS; j++)
			if (strcmp(fns[j].name, fns[i].name) == 0)
				for (int form = 0; form < 3; form++) {
					long double e = measure(&fns[j], form, &seed);

					worst[form] = e > worst[form] ? e : worst[form];
				}
		if (print)
			printf("| `%s` | %.3Lf | %.3Lf | %.3Lf |\n", fns[i].name,
			       worst[0], worst[1], worst[2]);
		fflush(stdout);
		if (!documented(fns[i].name, bound)) {
			printf("FAIL %s: no bound in docs/libc.md's libm table\n", fns[i].name);
			failed++;
			continue;
		}
		for (int form = 0; form < 3; form++)
			if (!(worst[form] <= bound[form])) {
				printf("FAIL %s (%s): %.3Lg ulp, documented %.3Lg\n", fns[i].name,
				       (const char *[]){ "double", "float", "long double" }[form],
				       worst[form], bound[form]);
				failed++;
			}
	}
	assert_int_equal(failed, 0);
}

int tlibc_ilogb(double);
long tlibc_lrint(double);
long long tlibc_llround(double);
double tlibc_frexp(double, int *);
double tlibc_modf(double, double *);
double tlibc_remquo(double, double, int *);
long double tlibc_remquol(long double, long double, int *);
double tlibc_ldexp(double, int);
double tlibc_nan(const char *);
double tlibc_nexttoward(double, long double);
int tlibc_fesetround(int);
int tlibc_fegetround(void);
int tlibc_feclearexcept(int);
int tlibc_fetestexcept(int);
int tlibc_feraiseexcept(int);

/* The functions with integer or split results: identical to glibc's. */
static void test_exact_results_match_glibc(void **state)
{
	uint64_t seed = libc_test_seed();
	unsigned long bad = 0;

	(void)state;
	for (long i = 0; i < 200000; i++) {
		double x = rng_double(&seed), y = rng_double(&seed), a, b, ip1, ip2;
		double small = (double)(rng_next(&seed) % 2000000) / 8 - 125000;
		int e1, e2, q1, q2, n = (int)(rng_next(&seed) % 4200) - 2100;

		if (!isfinite(x) || !isfinite(y))
			continue;
		bad += tlibc_ilogb(x) != ilogb(x);
		bad += tlibc_lrint(small) != lrint(small);
		bad += tlibc_llround(small) != llround(small);
		a = tlibc_frexp(x, &e1);
		b = frexp(x, &e2);
		bad += a != b || e1 != e2;
		a = tlibc_modf(x, &ip1);
		b = modf(x, &ip2);
		bad += memcmp(&a, &b, sizeof(a)) != 0 || ip1 != ip2;
		a = tlibc_remquo(x, y, &q1);
		b = remquo(x, y, &q2);
		bad += memcmp(&a, &b, sizeof(a)) != 0 || (q1 & 7) != (q2 & 7);
		a = tlibc_ldexp(x, n);
		b = ldexp(x, n);
		bad += memcmp(&a, &b, sizeof(a)) != 0;
		a = tlibc_nexttoward(x, (long double)y);
		b = nexttoward(x, (long double)y);
		bad += memcmp(&a, &b, sizeof(a)) != 0;
	}
	{
		double w = nan("0x123"), g = tlibc_nan("0x123");

		bad += memcmp(&w, &g, sizeof(w)) != 0;
	}
	assert_int_equal(bad, 0);
}

/* Rounding modes reach both units; flags are raised and cleared. */
static void test_fenv(void **state)
{
	(void)state;
	assert_int_equal(tlibc_fegetround(), FE_TONEAREST);
	assert_int_equal(tlibc_fesetround(FE_UPWARD), 0);
	assert_int_equal(tlibc_fegetround(), FE_UPWARD);
	assert_true(o_rint_d(0.25L, 0, 0) == 1.0L);     /* x87 rounds up */
	{
		volatile double third = 1.0, three = 3.0;
		double up = third / three;                      /* SSE rounds up */

		assert_int_equal(tlibc_fesetround(FE_DOWNWARD), 0);
		assert_true(third / three < up);
	}
	assert_int_equal(tlibc_fesetround(FE_TONEAREST), 0);
	assert_int_not_equal(tlibc_fesetround(12345), 0);
	tlibc_feclearexcept(FE_ALL_EXCEPT);
	assert_int_equal(tlibc_fetestexcept(FE_ALL_EXCEPT), 0);
	{
		volatile double zero = 0.0, one = 1.0, inf;

		inf = one / zero;               /* a store: the division happens */
		(void)inf;
	}
	assert_int_equal(tlibc_fetestexcept(FE_DIVBYZERO), FE_DIVBYZERO);
	tlibc_feraiseexcept(FE_OVERFLOW);
	assert_int_equal(tlibc_fetestexcept(FE_OVERFLOW | FE_INVALID), FE_OVERFLOW);
	tlibc_feclearexcept(FE_ALL_EXCEPT);
	assert_int_equal(tlibc_fetestexcept(FE_ALL_EXCEPT), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors_within_documented_bounds),
		cmocka_unit_test(test_exact_results_match_glibc),
		cmocka_unit_test(test_fenv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
