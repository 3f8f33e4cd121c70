/*
 * tgamma and lgamma (C11 7.12.8.3-4). For x >= 18, Stirling's series
 * ln G(x) = (x - 1/2) ln x - x + ln(2 pi)/2 + sum B_2k / (2k (2k-1) x^(2k-1));
 * below, the recurrence G(x) = G(x + n) / (x (x+1) ... (x+n-1)) lifts x
 * there; negative x uses the reflection G(x) G(1-x) = pi / sin(pi x).
 * lgamma sets signgam, as C and POSIX ask.
 */
#include <float.h>
#include "libm.h"

int signgam;

/* B_2k / (2k (2k-1)) for k = 1..12 (Bernoulli numbers, exact fractions). */
static const long double stirling[12] = {
	1.0L / 12, -1.0L / 360, 1.0L / 1260, -1.0L / 1680, 1.0L / 1188,
	-691.0L / 360360, 1.0L / 156, -3617.0L / 122400, 43867.0L / 244188,
	-174611.0L / 125400, 77683.0L / 5796, -236364091.0L / 1506960,
};

/* ln G(x) for x >= 18. */
static long double lgamma_stirling(long double x)
{
	long double inv = 1 / x, inv2 = inv * inv, s = 0;

	for (int k = 11; k >= 0; k--)
		s = stirling[k] + s * inv2;
	return (x - 0.5L) * logl(x) - x + HALF_LN_2PI_L + s * inv;
}

/* sin(pi x), reduced exactly first so that large x loses nothing. */
static long double sin_pi(long double x)
{
	long double r = x - 2 * roundl(x / 2);  /* exact, in [-1, 1] */
	int neg = r < 0;

	r = __builtin_fabsl(r);
	if (r > 0.5L)
		r = 1 - r;                      /* sin(pi r) = sin(pi (1 - r)) */
	r = r <= 0.25L ? atxf_sin_kernel(PI_L * r) : atxf_cos_kernel(PI_L * (0.5L - r));
	return neg ? -r : r;
}

/* ln |G(x)| for x > 0, with the product that lifted x kept apart. */
static long double lgamma_positive(long double x)
{
	long double prod = 1;

	if (x >= 18)
		return lgamma_stirling(x);
	while (x < 18) {
		prod *= x;
		x += 1;
	}
	return lgamma_stirling(x) - logl(prod);
}

long double lgammal(long double x)
{
	long double s;

	signgam = 1;
	if (isnan(x))
		return x + x;
	if (isinf(x))
		return INFINITY;
	if (x <= 0 && truncl(x) == x)
		return 1 / 0.0L;                /* a pole: +inf, divide-by-zero */
	if (x > 0)
		return lgamma_positive(x);
	s = sin_pi(x);
	signgam = s < 0 ? -1 : 1;
	return logl(PI_L / __builtin_fabsl(s * x)) - lgamma_positive(-x);
}

long double tgammal(long double x)
{
	long double prod = 1, s;

	if (isnan(x) || x == INFINITY)
		return x + x;
	if (x == 0)
		return 1 / x;                   /* +-inf, divide-by-zero */
	if (x < 0 && (truncl(x) == x || x == -INFINITY))
		return (x - x) / (x - x);       /* NaN, invalid */
	if (x > 1755.5L)
		return LDBL_MAX * 2;
	if (x < 0) {
		s = sin_pi(x);
		/* G(x) = pi / (sin(pi x) G(1 - x)) = -pi / (x sin(pi x) G(-x)) */
		if (x < -1760)
			return copysignl(0, s) * -1 * 0x1p-16382L * 0x1p-100L;
		return -PI_L / (x * s * tgammal(-x));
	}
	while (x < 18) {
		prod *= x;
		x += 1;
	}
	return expl(lgamma_stirling(x)) / prod;
}

LIBM_FORMS1(tgamma)

double lgamma(double x) { return (double)lgammal(x); }
float lgammaf(float x) { return (float)lgammal(x); }
