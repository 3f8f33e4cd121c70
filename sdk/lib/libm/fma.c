/*
 * fma (C11 7.12.13.1): x y + z rounded once. For double and float the
 * product of the significands is exact in 128 bits; z is aligned to it
 * with the bits shifted out kept as a sticky bit, and the sum is rounded
 * by strtod's rounder (to nearest, the only mode the libc's conversions
 * use). fmal adds the exact product (Dekker's two-product: p + e = x y)
 * and z with one error-free sum, so it is within an ulp, but not always
 * rounded once: see docs/libc.md.
 */
#include "../libc/fp_bits.h"
#include "../libc/fp_pack.h"
#include "libm.h"

/* m 2^e as a 128-bit number with its top bit at 125, exponent adjusted. */
static unsigned __int128 top125(unsigned __int128 m, int *e)
{
	while (!(m >> 125)) {
		m <<= 1;
		(*e)--;
	}
	return m;
}

/* m >> k with the bits shifted out ORed into the last bit. */
static unsigned __int128 shift_jam(unsigned __int128 m, int k)
{
	if (k >= 127)
		return m != 0;
	return m >> k | ((m & (((unsigned __int128)1 << k) - 1)) != 0);
}

static union atxf_fp_out fused(double x, double y, double z, const struct atxf_fp_format *fmt)
{
	struct atxf_fp a = atxf_fp_from_double(x), b = atxf_fp_from_double(y);
	struct atxf_fp c = atxf_fp_from_double(z);
	int ep = a.e + b.e, ez = c.e, neg;
	unsigned __int128 p = top125((unsigned __int128)a.m * b.m, &ep);
	unsigned __int128 s = top125(c.m, &ez), sum;
	union atxf_fp_out out;

	/* Align the smaller exponent to the larger. */
	if (ep >= ez) {
		s = shift_jam(s, ep - ez);
		ez = ep;
	} else {
		p = shift_jam(p, ez - ep);
		ep = ez;
	}
	if (a.neg ^ b.neg ^ c.neg) {
		neg = p >= s ? a.neg ^ b.neg : c.neg;
		sum = p >= s ? p - s : s - p;
	} else {
		neg = c.neg;
		sum = p + s;                    /* < 2^127: no overflow */
	}
	if (sum == 0)                           /* exact cancellation: +0 */
		neg = 0;
	atxf_fp_pack(fmt, neg, sum, ep, ATXF_REST_ZERO, &out);
	return out;
}

double fma(double x, double y, double z)
{
	if (!isfinite(x) || !isfinite(y) || !isfinite(z) || x == 0 || y == 0)
		return x * y + z;               /* exact product: one rounding */
	if (z == 0)
		return x * y;
	return fused(x, y, z, &atxf_fp_double).d;
}

float fmaf(float x, float y, float z)
{
	if (!isfinite(x) || !isfinite(y) || !isfinite(z) || x == 0 || y == 0)
		return x * y + z;
	if (z == 0)
		return x * y;
	return fused(x, y, z, &atxf_fp_float).f;
}

/* Veltkamp: x = hi + lo with 32 bits each, so their products are exact. */
static void split(long double x, long double *hi, long double *lo)
{
	long double c = x * (0x1p32L + 1);

	*hi = c - (c - x);
	*lo = x - *hi;
}

long double fmal(long double x, long double y, long double z)
{
	long double p = x * y, xh, xl, yh, yl, e, s, t, bv;

	if (!isfinite(p) || !isfinite(z) || x == 0 || y == 0 || z == 0 ||
	    __builtin_fabsl(x) > 0x1p16000L || __builtin_fabsl(y) > 0x1p16000L)
		return p + z;
	split(x, &xh, &xl);
	split(y, &yh, &yl);
	e = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl;     /* x y - p, exactly */
	s = p + z;                                              /* two-sum: s + t = p + z */
	bv = s - p;
	t = (p - (s - bv)) + (z - bv);
	return s + (t + e);
}
