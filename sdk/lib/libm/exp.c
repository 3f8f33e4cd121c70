/*
 * exp, exp2, expm1 (C11 7.12.6.1-3). x = k ln2 + r with |r| <= ln2/2, the
 * product k ln2 exact in two parts (Cody and Waite); e^r - 1 by its Taylor
 * series, which at |r| <= 0.35 reaches 2^-66 by the 22nd term; then the
 * result is scaled by 2^k exactly.
 */
#include <float.h>
#include "libm.h"

long double atxf_expm1_small(long double r)
{
	long double s = 1;

	/* r (1 + r/2 (1 + r/3 (1 + ...))): Horner from the last term back. */
	for (int n = 24; n >= 1; n--)
		s = 1 + s * r / (n + 1);
	return r * s;
}

/* x = k ln2 + r; returns k. */
static long double reduce(long double x, long double *r)
{
	long double k = __builtin_roundl(x * LOG2E_L);

	*r = (x - k * LN2_HI) - k * LN2_LO;
	return k;
}

long double expl(long double x)
{
	long double r, k;

	if (isnan(x))
		return x + x;
	if (x > 11357.3L)
		return LDBL_MAX * 2;            /* overflow: inf, and the flag */
	if (x < -11400.0L)
		return LDBL_MIN * LDBL_MIN;     /* underflow: 0, and the flag */
	k = reduce(x, &r);
	return scalbnl(1 + atxf_expm1_small(r), (int)k);
}

long double exp2l(long double x)
{
	long double k, f;

	if (isnan(x))
		return x + x;
	if (x > 16384)
		return LDBL_MAX * 2;
	if (x < -16500)
		return LDBL_MIN * LDBL_MIN;
	k = __builtin_roundl(x);
	f = x - k;                              /* exact, |f| <= 1/2 */
	return scalbnl(1 + atxf_expm1_small(f * LN2_L), (int)k);
}

long double expm1l(long double x)
{
	long double r, k;

	if (isnan(x))
		return x + x;
	if (x < -50)
		return -1;
	if (__builtin_fabsl(x) <= 0.34L)
		return atxf_expm1_small(x);     /* no 1 + ...: keeps tiny x */
	if (x > 11357.3L)
		return LDBL_MAX * 2;
	k = reduce(x, &r);
	/* 2^k (1 + p) - 1 = 2^k (p + (1 - 2^-k)), the bracket exact for k <= 64. */
	if (k <= 64)
		return scalbnl(atxf_expm1_small(r) + (1 - scalbnl(1, (int)-k)), (int)k);
	return scalbnl(1 + atxf_expm1_small(r), (int)k) - 1;
}

LIBM_FORMS1(exp)
LIBM_FORMS1(exp2)
LIBM_FORMS1(expm1)
