/*
 * log, log2, log10, log1p (C11 7.12.6.7-11). x = 2^k m with m in
 * [sqrt(1/2), sqrt(2)); ln m = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172,
 * whose odd series reaches 2^-66 by s^27. k ln 2 is added in two parts.
 */
#include <float.h>
#include "libm.h"

long double atxf_log_reduced(long double m)
{
	long double f = m - 1;                  /* exact: m is near 1 */
	long double s = f / (2 + f), s2 = s * s, sum = 0;

	for (int n = 27; n >= 3; n -= 2)
		sum = (1.0L / n + sum) * s2;
	/* 2s + 2s * sum, with 2s = f - s f kept apart to save a rounding. */
	return f - s * f + (s + s) * sum;
}

/* x = 2^k m, m in [sqrt(1/2), sqrt(2)); x finite and positive. */
static long double split(long double x, int *k)
{
	long double m = frexpl(x, k);           /* [1/2, 1) */

	if (m < 0.70710678118654752440L) {
		m *= 2;
		(*k)--;
	}
	return m;
}

/* Special values shared by the logarithms; returns 1 if *out is set. */
static int special(long double x, long double *out)
{
	if (isnan(x) || x == INFINITY)
		*out = x + x;
	else if (x == 0)
		*out = -1 / (x * x);                /* -inf, divide-by-zero */
	else if (x < 0)
		*out = (x - x) / (x - x);           /* NaN, invalid */
	else
		return 0;
	return 1;
}

/* k unit_hi + (ln(m) m_scale + k unit_lo) for x = 2^k m: the logarithm
 * of x to the base whose log of 2 is unit_hi + unit_lo. */
static long double log_scaled(long double x, long double unit_hi, long double unit_lo,
			      long double m_scale)
{
	long double out, m;
	int k;

	if (special(x, &out))
		return out;
	m = split(x, &k);
	return k * unit_hi + (atxf_log_reduced(m) * m_scale + k * unit_lo);
}

long double logl(long double x) { return log_scaled(x, LN2_HI, LN2_LO, 1); }
long double log2l(long double x) { return log_scaled(x, 1, 0, LOG2E_L); }
long double log10l(long double x) { return log_scaled(x, LOG10_2_L, 0, LOG10E_L); }

long double log1pl(long double x)
{
	long double u, out;

	if (x == -1 || x < -1 || isnan(x) || x == INFINITY)
		return special(1 + x, &out) ? out : x;
	if (__builtin_fabsl(x) < 0x1p-70L)
		return x;
	u = 1 + x;
	/* ln u, corrected for the rounding of 1 + x: ln(1+x) ~ ln u + (x - (u-1))/u. */
	return logl(u) + (x - (u - 1)) / u;
}

LIBM_FORMS1(log)
LIBM_FORMS1(log2)
LIBM_FORMS1(log10)
LIBM_FORMS1(log1p)
