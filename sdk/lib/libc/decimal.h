/*
 * The exact decimal expansion of a binary floating-point value, and its
 * correct rounding to a number of significant digits: what printf's %e %f
 * %g print. Every finite m * 2^e has a finite decimal expansion
 * (2^-k = 5^k / 10^k), so nothing is approximated. Internal.
 */
#ifndef ATXF_LIBC_DECIMAL_H
#define ATXF_LIBC_DECIMAL_H

#include <stdint.h>

/*
 * Enough base-10^9 limbs for any long double: a 64-bit m times 5^16445
 * (the smallest subnormal's 2^-16445) has 11515 digits.
 */
#define ATXF_DECIMAL_LIMBS 1290

/* value = digits * 10^-frac, digits an integer held in base 10^9. */
struct atxf_decimal {
	uint32_t limb[ATXF_DECIMAL_LIMBS];   /* least significant first */
	int nlimbs;
	int ndigits;            /* digits of the integer; 0 if the value is 0 */
	int frac;               /* how many of them are after the point */
};

/* The decimal expansion of m * 2^e (m < 2^64, -16445-63 <= e <= 16384). */
void atxf_decimal_init(struct atxf_decimal *d, uint64_t m, int e);

/* The decimal exponent of the first digit (1234.5 -> 3); 0 for zero. */
int atxf_decimal_exp10(const struct atxf_decimal *d);

/* The value rounded (to nearest, ties to even) to some digits. */
struct atxf_rounded {
	const struct atxf_decimal *d;
	int exp10;              /* the first digit's power of ten */
	int len;                /* digits kept; every later one is 0 */
	int carry;              /* ROUND_* below, or the index of the digit raised */
};

enum { ATXF_ROUND_NONE = -1, ATXF_ROUND_ALL = -2 };

/* Keep the first keep significant digits (keep may be <= 0). */
void atxf_decimal_round(struct atxf_rounded *r, const struct atxf_decimal *d, int keep);

/* The digit of the rounded value at power of ten p (0 outside it). */
int atxf_rounded_digit(const struct atxf_rounded *r, int p);

/* The lowest power of ten whose digit is not 0; exp10 if the value is 0. */
int atxf_rounded_last(const struct atxf_rounded *r);

#endif /* ATXF_LIBC_DECIMAL_H */
