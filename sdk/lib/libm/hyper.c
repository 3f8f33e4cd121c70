/*
 * sinh, cosh, tanh, asinh, acosh, atanh (C11 7.12.5.1-6), from expm1,
 * exp and log1p in the forms that avoid cancellation near 0.
 */
#include <float.h>
#include "libm.h"

long double sinhl(long double x)
{
	long double a = __builtin_fabsl(x), e, r;

	if (!isfinite(x) || a < 0x1p-40L)
		return x + x * 0;
	if (a > 11355)
		r = expl(a - LN2_L) ;   /* e^a / 2 without overflowing first */
	else {
		e = expm1l(a);
		r = (e + e / (e + 1)) / 2;      /* (e^a - e^-a) / 2 */
	}
	return x < 0 ? -r : r;
}

long double coshl(long double x)
{
	long double a = __builtin_fabsl(x), e;

	if (isnan(x))
		return x + x;
	if (a > 11355)
		return expl(a - LN2_L);
	if (a < 0.5L) {
		e = expm1l(a);
		return 1 + e * e / (2 * (e + 1));       /* 1 + (e^a - 1)^2 / (2 e^a) */
	}
	e = expl(a);
	return (e + 1 / e) / 2;
}

long double tanhl(long double x)
{
	long double a = __builtin_fabsl(x), e, r;

	if (isnan(x))
		return x + x;
	if (a < 0x1p-40L)
		return x;
	if (a > 23)
		r = 1;
	else {
		e = expm1l(2 * a);
		r = e / (e + 2);
	}
	return x < 0 ? -r : r;
}

long double asinhl(long double x)
{
	long double a = __builtin_fabsl(x), r;

	if (!isfinite(x) || a < 0x1p-40L)
		return x + x * 0;
	if (a > 0x1p40L)
		r = logl(a) + LN2_L;
	else
		/* ln(a + sqrt(a^2 + 1)) = log1p(a + a^2 / (1 + sqrt(a^2 + 1))) */
		r = log1pl(a + a * a / (1 + sqrtl(a * a + 1)));
	return x < 0 ? -r : r;
}

long double acoshl(long double x)
{
	long double t;

	if (isnan(x))
		return x + x;
	if (x < 1)
		return (x - x) / (x - x);
	if (x > 0x1p40L)
		return logl(x) + LN2_L;
	t = x - 1;                              /* exact near 1 */
	return log1pl(t + sqrtl(2 * t + t * t));
}

long double atanhl(long double x)
{
	long double a = __builtin_fabsl(x), r;

	if (isnan(x))
		return x + x;
	if (a > 1)
		return (x - x) / (x - x);
	if (a == 1)
		return x / 0.0L;                /* +-inf, divide-by-zero */
	if (a < 0x1p-40L)
		return x;
	r = log1pl(2 * a / (1 - a)) / 2;
	return x < 0 ? -r : r;
}

LIBM_FORMS1(sinh)
LIBM_FORMS1(cosh)
LIBM_FORMS1(tanh)
LIBM_FORMS1(asinh)
LIBM_FORMS1(acosh)
LIBM_FORMS1(atanh)
