/*
 * sqrt, cbrt, hypot (C11 7.12.7.1-5). sqrt is the hardware's, correctly
 * rounded in every format (SSE sqrtsd/sqrtss, x87 fsqrt). cbrt refines a
 * first guess by Newton's method in long double; hypot sums the squares in
 * long double after scaling, so it neither overflows nor underflows early.
 */
#include "libm.h"

double sqrt(double x)
{
	__asm__("sqrtsd %1, %0" : "=x"(x) : "x"(x));
	return x;
}

float sqrtf(float x)
{
	__asm__("sqrtss %1, %0" : "=x"(x) : "x"(x));
	return x;
}

long double sqrtl(long double x)
{
	__asm__("fsqrt" : "+t"(x));
	return x;
}

long double cbrtl(long double x)
{
	long double a = __builtin_fabsl(x), y;
	int e;

	if (!isfinite(x) || x == 0)
		return x + x;
	/* a = m 2^e, m in [1/2, 1): start from 2^(e/3) m^(1/3) ~ 2^(e/3) (0.4 + 0.6 m). */
	y = frexpl(a, &e);
	y = 0.4L + 0.6L * y;
	switch (((e % 3) + 3) % 3) {
	case 1: y *= 1.2599210498948731648L; break;    /* 2^(1/3) */
	case 2: y *= 1.5874010519681994748L; break;    /* 2^(2/3) */
	}
	y = scalbnl(y, (e - ((e % 3) + 3) % 3) / 3);
	for (int i = 0; i < 6; i++)
		y -= (y - a / (y * y)) / 3;
	return x < 0 ? -y : y;
}

long double hypotl(long double x, long double y)
{
	long double a = __builtin_fabsl(x), b = __builtin_fabsl(y), t;
	int e;

	if (isinf(a) || isinf(b))
		return INFINITY;                /* even if the other is NaN */
	if (isnan(a) || isnan(b))
		return a + b;
	if (a < b) {
		t = a;
		a = b;
		b = t;
	}
	if (b == 0)
		return a;
	/* Scale a to about 1: the squares then stay in range. */
	e = ilogbl(a);
	a = scalbnl(a, -e);
	b = scalbnl(b, -e);
	return scalbnl(sqrtl(a * a + b * b), e);
}

double cbrt(double x) { return (double)cbrtl(x); }
float cbrtf(float x) { return (float)cbrtl(x); }

/* A double's or float's squares cannot overflow a long double. */
double hypot(double x, double y)
{
	if (isinf(x) || isinf(y))
		return INFINITY;
	return (double)sqrtl((long double)x * x + (long double)y * y);
}

float hypotf(float x, float y)
{
	return (float)hypot(x, y);
}
