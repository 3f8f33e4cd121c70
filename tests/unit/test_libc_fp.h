/*
 * Shared by the floating-point tests of the libc (tests/unit/test_libc_fp_*.c):
 * the shipped functions under their tlibc_* names (see test_libc.h) and
 * random values with every exponent and bit pattern.
 */
#ifndef TEST_LIBC_FP_H
#define TEST_LIBC_FP_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "test_libc.h"

double tlibc_strtod(const char *s, char **end);
float tlibc_strtof(const char *s, char **end);
long double tlibc_strtold(const char *s, char **end);
double tlibc_atof(const char *s);
int tlibc_sscanf(const char *s, const char *fmt, ...);
int tlibc_vsscanf(const char *s, const char *fmt, va_list ap);

/* Any 64-bit pattern: every exponent, subnormals, infinities and NaNs. */
static inline double rng_double(uint64_t *s)
{
	uint64_t u = rng_next(s);
	double d;

	memcpy(&d, &u, sizeof(d));
	return d;
}

/* A valid x87 extended value with its exponent field in [lo, hi]: the
 * leading bit set exactly when normal. */
static inline long double rng_ldouble(uint64_t *s, int lo, int hi)
{
	union { long double v; struct { uint64_t m; uint16_t se; } w; } b;
	uint16_t sign = (uint16_t)(rng_next(s) & 0x8000);

	memset(&b, 0, sizeof(b));
	b.w.m = rng_next(s);
	b.w.se = (uint16_t)(lo + (int)rng_below(s, (uint64_t)(hi - lo + 1)));
	if (b.w.se == 0)
		b.w.m &= ~(1ull << 63);
	else
		b.w.m |= 1ull << 63;
	b.w.se |= sign;
	return b.v;
}

#endif /* TEST_LIBC_FP_H */
