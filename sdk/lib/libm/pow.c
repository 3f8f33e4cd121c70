/*
 * pow (C11 7.12.7.4, the special cases of F.10.4.4). |x|^y = 2^t with
 * t = y log2|x| = y k + y log2(m) for |x| = 2^k m; y is split in two so
 * that y k is nearly exact, and t = n + f with n an integer and
 * |f| <= 1/2 before 2^f = e^(f ln 2) is taken and scaled by 2^n.
 */
#include <float.h>
#include "libm.h"

/* Is y an integer, and if so an odd one? (0: no, 1: even, 2: odd) */
static int integer_kind(long double y)
{
	if (!isfinite(y) || truncl(y) != y)
		return 0;
	if (__builtin_fabsl(y) >= 0x1p64L)
		return 1;
	return ((long long)fmodl(y, 2) != 0) + 1;
}

/* y's top 32 significant bits, so that their product with k (15 bits)
 * is exact. */
static long double top_bits(long double y)
{
	union ldbits u = { .v = y };

	u.w.mant &= 0xffffffff00000000ull;
	return u.v;
}

/* |x|^y for finite x != 0 and finite y. */
static long double pow_positive(long double x, long double y)
{
	int k;
	long double m = frexpl(x, &k), l, yh, yl, a, b, n, f;

	if (m < 0.70710678118654752440L) {
		m *= 2;
		k--;
	}
	l = atxf_log_reduced(m) * LOG2E_L;      /* log2 m, in [-1/2, 1/2] */
	yh = top_bits(y);
	yl = y - yh;
	a = yh * k;
	b = yl * k + y * l;
	if (a + b > 40000)
		return LDBL_MAX * 2;
	if (a + b < -40000)
		return LDBL_MIN * LDBL_MIN;
	n = roundl(a + b);
	f = (a - n) + b;
	return scalbnl(1 + atxf_expm1_small(f * LN2_L), (int)n);
}

static long double pow_zero(long double x, long double y, int kind)
{
	if (y < 0)
		return kind == 2 ? 1 / x : 1 / __builtin_fabsl(x);   /* +-inf */
	return kind == 2 ? x : 0;
}

static long double pow_inf_y(long double x, long double y)
{
	long double a = __builtin_fabsl(x);

	if (a == 1)
		return 1;
	return (a < 1) == (y < 0) ? INFINITY : 0;
}

long double powl(long double x, long double y)
{
	int kind;
	long double r;

	if (y == 0 || x == 1)
		return 1;
	if (isnan(x) || isnan(y))
		return x + y;
	kind = integer_kind(y);
	if (x == 0)
		return pow_zero(x, y, kind);
	if (isinf(y))
		return pow_inf_y(x, y);
	if (isinf(x)) {
		r = y < 0 ? 0 : INFINITY;
		return x < 0 && kind == 2 ? -r : r;
	}
	if (x < 0 && kind == 0)
		return (x - x) / (x - x);       /* NaN, invalid */
	r = pow_positive(__builtin_fabsl(x), y);
	return x < 0 && kind == 2 ? -r : r;
}

LIBM_FORMS2(pow)
