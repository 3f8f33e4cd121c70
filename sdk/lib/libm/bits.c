/*
 * The exact functions on a number's parts (C11 7.12.6.4-6, 7.12.6.13,
 * 7.12.11-12): frexp, ldexp, scalbn, scalbln, ilogb, logb, modf, copysign,
 * fabs, nan, nextafter, nexttoward, fdim, fmax, fmin. They work on long
 * double; a double or float result is exact in its own format, so the
 * narrowing never rounds, except where the result is meant to
 * (ldexp and scalbn into the subnormals or past the range).
 */
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include "libm.h"

long double frexpl(long double x, int *e)
{
	union ldbits b = { .v = x };
	int field = b.w.sign_exp & 0x7fff;

	*e = 0;
	if (x == 0 || field == 0x7fff)
		return x;
	if (field == 0) {                       /* subnormal: normalise first */
		b.v = x * 0x1p64L;
		field = (b.w.sign_exp & 0x7fff) - 64;
	}
	*e = field - 16382;
	b.w.sign_exp = (uint16_t)((b.w.sign_exp & 0x8000) | 16382);
	return b.v;
}

/* m (in [1/2, 1)) times 2^e, for a normal result: set the exponent. */
static long double with_exponent(long double m, long e)
{
	union ldbits b = { .v = m };

	b.w.sign_exp = (uint16_t)((b.w.sign_exp & 0x8000) | (16382 + e));
	return b.v;
}

/* x 2^n, rounded once: an exponent set directly, or for a subnormal
 * result one multiplication by 2^-128 from a normal number. */
long double scalblnl(long double x, long n)
{
	long double m;
	int e;

	if (x == 0 || !isfinite(x))
		return x + x;
	m = frexpl(x, &e);
	if (n > 40000)
		n = 40000;
	if (n < -40000)
		n = -40000;
	n += e;
	if (n > 16384)
		return x * 0x1p16383L * 0x1p16383L;     /* inf, and overflow */
	if (n >= -16381)
		return with_exponent(m, n);
	if (n < -16509)
		return x * 0x1p-16383L * 0x1p-16383L;   /* 0, and underflow */
	return with_exponent(m, n + 128) * 0x1p-128L;
}

long double scalbnl(long double x, int n) { return scalblnl(x, n); }
long double ldexpl(long double x, int n) { return scalblnl(x, n); }

/* For double and float: scaled in long double, then rounded once. */
double ldexp(double x, int n) { return (double)scalblnl(x, n); }
float ldexpf(float x, int n) { return (float)scalblnl(x, n); }
double scalbn(double x, int n) { return (double)scalblnl(x, n); }
float scalbnf(float x, int n) { return (float)scalblnl(x, n); }
double scalbln(double x, long n) { return (double)scalblnl(x, n); }
float scalblnf(float x, long n) { return (float)scalblnl(x, n); }
double frexp(double x, int *e) { return (double)frexpl(x, e); }
float frexpf(float x, int *e) { return (float)frexpl(x, e); }

int ilogbl(long double x)
{
	int e;

	if (x == 0)
		return FP_ILOGB0;
	if (isnan(x))
		return FP_ILOGBNAN;
	if (isinf(x))
		return INT_MAX;
	frexpl(x, &e);
	return e - 1;
}

int ilogb(double x) { return ilogbl(x); }
int ilogbf(float x) { return ilogbl(x); }

long double logbl(long double x)
{
	if (x == 0)
		return -1 / __builtin_fabsl(x);  /* -inf, divide-by-zero */
	if (!isfinite(x))
		return x * x;
	return ilogbl(x);
}

LIBM_FORMS1(logb)

long double modfl(long double x, long double *ip)
{
	*ip = truncl(x);
	if (isinf(x))
		return copysignl(0, x);
	return copysignl(x - *ip, x);
}

double modf(double x, double *ip)
{
	long double i, f = modfl(x, &i);

	*ip = (double)i;
	return (double)f;
}

float modff(float x, float *ip)
{
	long double i, f = modfl(x, &i);

	*ip = (float)i;
	return (float)f;
}

long double copysignl(long double x, long double y)
{
	union ldbits a = { .v = x }, b = { .v = y };

	a.w.sign_exp = (uint16_t)((a.w.sign_exp & 0x7fff) | (b.w.sign_exp & 0x8000));
	return a.v;
}

double copysign(double x, double y)
{
	union { double v; uint64_t u; } a = { .v = x }, b = { .v = y };

	a.u = (a.u & ~(1ull << 63)) | (b.u & 1ull << 63);
	return a.v;
}

float copysignf(float x, float y)
{
	union { float v; uint32_t u; } a = { .v = x }, b = { .v = y };

	a.u = (a.u & ~(1u << 31)) | (b.u & 1u << 31);
	return a.v;
}

long double fabsl(long double x) { return copysignl(x, 1); }
double fabs(double x) { return copysign(x, 1); }
float fabsf(float x) { return copysignf(x, 1); }

/* nan("n"): glibc's payload rule is strtod's, so the same parser serves. */
long double nanl(const char *tag)
{
	union ldbits b;

	b.w.sign_exp = 0x7fff;
	b.w.mant = 0xc000000000000000ull | (strtoull(tag, NULL, 0) & ((1ull << 62) - 1));
	return b.v;
}

double nan(const char *tag)
{
	union { double v; uint64_t u; } b;

	b.u = 0x7ff8000000000000ull | (strtoull(tag, NULL, 0) & ((1ull << 51) - 1));
	return b.v;
}

float nanf(const char *tag)
{
	union { float v; uint32_t u; } b;

	b.u = 0x7fc00000u | (uint32_t)(strtoull(tag, NULL, 0) & ((1u << 22) - 1));
	return b.v;
}

long double fdiml(long double x, long double y)
{
	if (isnan(x) || isnan(y))
		return x + y;
	return x > y ? x - y : 0;
}

/* fmax and fmin: a NaN loses to a number (C11 F.10.9.2); +0 is the
 * larger zero. */
static long double pick(long double x, long double y, int larger)
{
	if (isnan(x))
		return y;
	if (isnan(y))
		return x;
	if (x == y)
		return (signbit(x) != 0) == larger ? y : x;
	return (x > y) == larger ? x : y;
}

long double fmaxl(long double x, long double y) { return pick(x, y, 1); }
long double fminl(long double x, long double y) { return pick(x, y, 0); }

LIBM_FORMS2(fdim)
LIBM_FORMS2(fmax)
LIBM_FORMS2(fmin)
