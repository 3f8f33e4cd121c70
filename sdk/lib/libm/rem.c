/*
 * fmod, remainder, remquo (C11 7.12.10): exact, by long division of the
 * significands one quotient bit at a time (at most 32767 steps); the
 * quotient's low bits come out of the same loop for remquo.
 */
#include "libm.h"

/* |x| = m 2^e with m's top bit set (subnormals normalised). */
static uint64_t parts(long double x, int *e)
{
	union ldbits b = { .v = __builtin_fabsl(x) };
	int field = b.w.sign_exp & 0x7fff;
	uint64_t m = b.w.mant;

	*e = (field ? field : 1) - 16383 - 63;
	while (!(m >> 63)) {
		m <<= 1;
		(*e)--;
	}
	return m;
}

/* fmod(|x|, |y|) for finite x, y != 0; *q gets the quotient's low bits. */
static long double fmod_abs(long double x, long double y, unsigned *q)
{
	int ex, ey;
	uint64_t mx, my;
	unsigned __int128 r;

	*q = 0;
	if (__builtin_fabsl(x) < __builtin_fabsl(y))
		return __builtin_fabsl(x);      /* 0 included */
	mx = parts(x, &ex);
	my = parts(y, &ey);
	/* r < 2 my before each step (both tops are set), so 65 bits hold it. */
	r = mx;
	for (int k = ex - ey;; k--) {
		unsigned bit = r >= my;

		if (bit)
			r -= my;
		*q = *q << 1 | bit;
		if (k == 0)
			break;
		r <<= 1;
	}
	return scalbnl((long double)(uint64_t)r, ey);
}

long double fmodl(long double x, long double y)
{
	unsigned q;

	if (isnan(x) || isnan(y))
		return x + y;
	if (isinf(x) || y == 0)
		return (x * y) / (x * y);       /* NaN, invalid */
	if (isinf(y))
		return x;
	return copysignl(fmod_abs(x, y, &q), x);
}

long double remquol(long double x, long double y, int *quo)
{
	long double r, ay = __builtin_fabsl(y);
	unsigned q;

	*quo = 0;
	if (isnan(x) || isnan(y))
		return x + y;
	if (isinf(x) || y == 0)
		return (x * y) / (x * y);
	if (isinf(y))
		return x;
	r = fmod_abs(x, y, &q);
	/* To the nearest multiple, ties to the even quotient. */
	if (r > ay - r || (r == ay - r && (q & 1))) {
		r -= ay;
		q++;
	}
	*quo = (int)(q & 0x7fffffff);
	if (signbit(x) != signbit(y))
		*quo = -*quo;
	return signbit(x) ? -r : r;
}

long double remainderl(long double x, long double y)
{
	int q;

	return remquol(x, y, &q);
}

LIBM_FORMS2(fmod)
LIBM_FORMS2(remainder)

double remquo(double x, double y, int *q) { return (double)remquol(x, y, q); }
float remquof(float x, float y, int *q) { return (float)remquol(x, y, q); }
