/*
 * nextafter and nexttoward (C11 7.12.11.3-4): the neighbour of x in its
 * own format, by stepping its bits; 0 steps to the smallest subnormal.
 */
#include <float.h>
#include "libm.h"

/* One step of a sign-magnitude bit pattern towards larger magnitude (up)
 * or smaller; formats whose patterns order like their values. */
static uint64_t step(uint64_t bits, uint64_t sign_bit, int up_in_value)
{
	int neg = (bits & sign_bit) != 0;

	if ((bits & ~sign_bit) == 0)            /* a zero */
		return (up_in_value ? 0 : sign_bit) | 1;
	return up_in_value != neg ? bits + 1 : bits - 1;
}

static double next_double(double x, long double toward)
{
	union { double v; uint64_t u; } b = { .v = x };

	if (isnan(x) || isnan(toward))
		return (double)(x + toward);
	if (x == toward)
		return (double)toward;
	b.u = step(b.u, 1ull << 63, toward > x);
	return b.v;
}

static float next_float(float x, long double toward)
{
	union { float v; uint32_t u; } b = { .v = x };

	if (isnan(x) || isnan(toward))
		return (float)(x + toward);
	if (x == toward)
		return (float)toward;
	b.u = (uint32_t)step(b.u, 1u << 31, toward > x);
	return b.v;
}

long double nextafterl(long double x, long double y)
{
	union ldbits b = { .v = x };
	int up;

	if (isnan(x) || isnan(y))
		return x + y;
	if (x == y)
		return y;
	up = (y > x) != (signbit(x) != 0);      /* away from zero? */
	if (x == 0) {
		b.w.mant = 1;
		b.w.sign_exp = y > 0 ? 0 : 0x8000;
		return b.v;
	}
	/* The 64-bit significand carries its leading bit: step across it. */
	if (up) {
		if (++b.w.mant == 0) {
			b.w.mant = 1ull << 63;
			b.w.sign_exp++;
		} else if (b.w.mant == 1ull << 63 && (b.w.sign_exp & 0x7fff) == 0) {
			b.w.sign_exp++;         /* the largest subnormal becomes normal */
		}
	} else {
		if ((b.w.sign_exp & 0x7fff) > 1 && b.w.mant == 1ull << 63) {
			b.w.mant = ~0ull;
			b.w.sign_exp--;
		} else if ((b.w.sign_exp & 0x7fff) == 1 && b.w.mant == 1ull << 63) {
			b.w.mant = (1ull << 63) - 1;
			b.w.sign_exp--;         /* the smallest normal becomes subnormal */
		} else {
			b.w.mant--;
		}
	}
	return b.v;
}

double nextafter(double x, double y) { return next_double(x, y); }
float nextafterf(float x, float y) { return next_float(x, y); }
double nexttoward(double x, long double y) { return next_double(x, y); }
float nexttowardf(float x, long double y) { return next_float(x, y); }
long double nexttowardl(long double x, long double y) { return nextafterl(x, y); }
