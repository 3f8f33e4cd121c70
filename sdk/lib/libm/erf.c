/*
 * erf and erfc (C11 7.12.8.1-2). Below 2.5, erf by the series
 * e^-x^2 2x/sqrt(pi) sum (2x^2)^n / (1 3 5 ... (2n+1)), whose terms are
 * all positive; above, erfc by its continued fraction
 * e^-x^2/sqrt(pi) / (x + 1/2 / (x + 1 / (x + 3/2 / (x + ...)))),
 * evaluated from the back. e^-x^2 is taken in two parts, x^2 = hi + lo
 * with hi exact, so a large x loses nothing to the rounding of x^2.
 */
#include "libm.h"

/* e^(-x^2) without the rounding error of x^2. */
static long double exp_neg_square(long double x)
{
	long double hi = truncl(x * 0x1p24L) * 0x1p-24L;    /* 24 bits of x */
	long double lo = x - hi;

	/* x^2 = hi^2 + lo (x + hi): hi^2 is exact (48 bits). */
	return expl(-hi * hi) * expl(-lo * (x + hi));
}

static long double erf_series(long double x)
{
	long double x2 = 2 * x * x, term = 1, sum = 1;

	for (int n = 1; n < 200 && term > 0x1p-68L * sum; n++) {
		term *= x2 / (2 * n + 1);
		sum += term;
	}
	return TWO_SQRTPI_L * x * exp_neg_square(x) * sum;
}

/* erfc for x >= 2.5; the fraction's depth covers 2^-66 there. */
static long double erfc_fraction(long double x)
{
	long double f = x;

	for (int n = 120; n >= 1; n--)
		f = x + (n / 2.0L) / f;
	return exp_neg_square(x) / f * (TWO_SQRTPI_L / 2);
}

long double erfl(long double x)
{
	long double a = __builtin_fabsl(x), r;

	if (isnan(x))
		return x + x;
	if (a < 0x1p-40L)
		return x * TWO_SQRTPI_L;
	if (a > 107)
		r = 1;
	else if (a < 2.5L)
		r = erf_series(a);
	else
		r = 1 - erfc_fraction(a);
	return x < 0 ? -r : r;
}

long double erfcl(long double x)
{
	if (isnan(x))
		return x + x;
	if (x > 107)
		return 0x1p-16382L * 0x1p-100L;         /* 0, and underflow */
	if (x >= 2.5L)
		return erfc_fraction(x);
	if (x > -107)
		return 1 - erfl(x);
	return 2;
}

LIBM_FORMS1(erf)
LIBM_FORMS1(erfc)
