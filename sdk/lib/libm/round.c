/*
 * Rounding to integers (C11 7.12.9): trunc by clearing fraction bits;
 * floor, ceil and round from trunc; rint and nearbyint by the x87's
 * frndint in the current rounding mode (nearbyint keeps the inexact flag
 * as it was); the l and ll forms convert those.
 */
#include <fenv.h>
#include "libm.h"

long double truncl(long double x)
{
	union ldbits b = { .v = x };
	int e = (b.w.sign_exp & 0x7fff) - 16383;

	if (e >= 63)
		return x;                       /* an integer, inf or NaN */
	if (e < 0)
		return copysignl(0, x);
	b.w.mant &= ~((1ull << (63 - e)) - 1);
	return b.v;
}

long double floorl(long double x)
{
	long double t = truncl(x);

	return t > x ? t - 1 : t;
}

long double ceill(long double x)
{
	long double t = truncl(x);

	return t < x ? t + 1 : t;
}

/* Halfway cases away from zero; x - t is exact. */
long double roundl(long double x)
{
	long double t = truncl(x);

	if (__builtin_fabsl(x - t) >= 0.5L)
		t += copysignl(1, x);
	return t;
}

long double rintl(long double x)
{
	__asm__("frndint" : "+t"(x));
	return x;
}

long double nearbyintl(long double x)
{
	fenv_t env;

	fegetenv(&env);
	x = rintl(x);
	fesetenv(&env);
	return x;
}

LIBM_FORMS1(trunc)
LIBM_FORMS1(floor)
LIBM_FORMS1(ceil)
LIBM_FORMS1(round)
LIBM_FORMS1(rint)
LIBM_FORMS1(nearbyint)

/* Out of range, the conversion gives the x87's "integer indefinite"
 * (LONG_MIN) and raises invalid, as glibc's does. */
#define INT_FORMS(name, type, core)                                     \
	type name##l(long double x) { return (type)core(x); }           \
	type name(double x) { return (type)core(x); }                   \
	type name##f(float x) { return (type)core(x); }

INT_FORMS(lrint, long, rintl)
INT_FORMS(llrint, long long, rintl)
INT_FORMS(lround, long, roundl)
INT_FORMS(llround, long long, roundl)
