/*
 * atan, atan2, asin, acos (C11 7.12.4.1-4). atan folds its argument into
 * [0, tan(pi/16)] with atan(x) = pi/2 - atan(1/x) and
 * atan(x) = atan(c) + atan((x - c) / (1 + x c)) for c = tan(k pi/8),
 * then sums the odd series; asin and acos are atan2 of the legs.
 */
#include "libm.h"

/* tan(k pi/8), k = 0..3: 0, sqrt(2) - 1, 1, sqrt(2) + 1. */
static const long double tan_k[4] = {
	0, 0xd413cccfe7799211p-65L, 1, 0x9a827999fcef3242p-62L,
};

static long double series(long double t)
{
	long double t2 = t * t, s = 0;

	/* t - t^3/3 + t^5/5 - ...: |t| <= 0.2 reaches 2^-66 by t^29. */
	for (int n = 29; n >= 3; n -= 2)
		s = (1.0L / n - s) * t2;
	return t - t * s;
}

/* atan(x) for 0 <= x <= 1. */
static long double atan_unit(long double x)
{
	int k = x < 0.19891236737965800691L ? 0 : x < 0.66817863791929891999L ? 1
		: x < 1.4966057626654890176L ? 2 : 3;
	long double c = tan_k[k];

	if (k == 0)
		return series(x);
	return k * PI_4_L / 2 + series((x - c) / (1 + x * c));
}

long double atanl(long double x)
{
	long double a = __builtin_fabsl(x), r;

	if (isnan(x))
		return x + x;
	if (a < 0x1p-40L)
		return x;
	r = a <= 1 ? atan_unit(a) : PI_2_L - atan_unit(1 / a);
	return x < 0 ? -r : r;
}

long double atan2l(long double y, long double x)
{
	long double r;

	if (isnan(x) || isnan(y))
		return x + y;
	if (y == 0) {
		/* atan2(+-0, x): +-0 for x > 0 or +0, +-pi for x < 0 or -0. */
		if (signbit(x))
			return copysignl(PI_L, y);
		return y;
	}
	if (isinf(x)) {
		if (isinf(y))
			r = x > 0 ? PI_4_L : 3 * PI_4_L;
		else
			r = x > 0 ? 0 : PI_L;
		return copysignl(r, y);
	}
	if (x == 0 || isinf(y))
		return copysignl(PI_2_L, y);
	r = atanl(__builtin_fabsl(y / x));
	if (__builtin_fabsl(y / x) == 0 || !isfinite(y / x))
		r = __builtin_fabsl(y) > __builtin_fabsl(x) ? PI_2_L : 0;
	if (x < 0)
		r = PI_L - r;
	return copysignl(r, y);
}

long double asinl(long double x)
{
	if (__builtin_fabsl(x) > 1)
		return (x - x) / (x - x);       /* NaN, invalid */
	if (__builtin_fabsl(x) < 0x1p-40L)
		return x;
	return atan2l(x, sqrtl((1 - x) * (1 + x)));
}

long double acosl(long double x)
{
	if (__builtin_fabsl(x) > 1)
		return (x - x) / (x - x);
	return atan2l(sqrtl((1 - x) * (1 + x)), x);
}

LIBM_FORMS1(atan)
LIBM_FORMS2(atan2)
LIBM_FORMS1(asin)
LIBM_FORMS1(acos)
