/*
 * Exact decimal expansions (decimal.h). The integer m * 2^e or m * 5^-e
 * is built in base 10^9 by repeated multiplication by 2^34 or 5^14, the
 * largest powers whose product with a limb (plus a carry) still fits in 64
 * bits; digits
 * are then read straight out of the limbs.
 */
#include "decimal.h"

#define BASE 1000000000u

static const uint32_t pow10[10] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
};

/* d *= k, for k <= 2^34. */
static void mul_small(struct atxf_decimal *d, uint64_t k)
{
	uint64_t carry = 0;

	for (int i = 0; i < d->nlimbs; i++) {
		uint64_t v = d->limb[i] * k + carry;

		carry = v / BASE;
		d->limb[i] = (uint32_t)(v - carry * BASE);
	}
	while (carry != 0) {
		d->limb[d->nlimbs++] = (uint32_t)(carry % BASE);
		carry /= BASE;
	}
}

static int count_digits(uint32_t v)
{
	int n = 1;

	while (n < 9 && v >= pow10[n])
		n++;
	return n;
}

void atxf_decimal_init(struct atxf_decimal *d, uint64_t m, int e)
{
	d->nlimbs = 0;
	d->frac = 0;
	d->ndigits = 0;
	if (m == 0)
		return;
	/* Trailing zero bits only cost work: fold them into e. */
	while ((m & 1) == 0) {
		m >>= 1;
		e++;
	}
	for (; m != 0; m /= BASE)
		d->limb[d->nlimbs++] = (uint32_t)(m % BASE);
	if (e < 0) {
		/* m * 2^e = m * 5^-e / 10^-e */
		d->frac = -e;
		for (; e <= -14; e += 14)
			mul_small(d, 6103515625u);          /* 5^14 */
		for (; e < 0; e++)
			mul_small(d, 5);
	} else {
		for (; e >= 34; e -= 34)
			mul_small(d, 1ull << 34);
		if (e > 0)
			mul_small(d, 1ull << e);
	}
	d->ndigits = 9 * (d->nlimbs - 1) + count_digits(d->limb[d->nlimbs - 1]);
}

int atxf_decimal_exp10(const struct atxf_decimal *d)
{
	return d->ndigits == 0 ? 0 : d->ndigits - 1 - d->frac;
}

/* The i-th digit from the most significant one; 0 past the end. */
static int digit_at(const struct atxf_decimal *d, int i)
{
	int pos = d->ndigits - 1 - i;   /* counted from the least significant */

	if (i < 0 || pos < 0)
		return 0;
	return (int)(d->limb[pos / 9] / pow10[pos % 9] % 10);
}

/* Is any digit from the i-th on not zero? */
static int nonzero_from(const struct atxf_decimal *d, int i)
{
	int pos = d->ndigits - 1 - i;

	if (pos < 0)
		return 0;
	if (d->limb[pos / 9] % pow10[pos % 9 + 1] != 0)
		return 1;
	for (int k = pos / 9 - 1; k >= 0; k--)
		if (d->limb[k] != 0)
			return 1;
	return 0;
}

/* Round half to even: the default rounding of IEEE 754 and glibc. */
static int rounds_up(const struct atxf_decimal *d, int keep)
{
	int next = digit_at(d, keep);

	if (keep < 0 || next < 5)
		return 0;
	if (next > 5 || nonzero_from(d, keep + 1))
		return 1;
	return digit_at(d, keep - 1) & 1;
}

void atxf_decimal_round(struct atxf_rounded *r, const struct atxf_decimal *d, int keep)
{
	r->d = d;
	r->exp10 = atxf_decimal_exp10(d);
	r->len = keep < 0 ? 0 : keep;
	r->carry = ATXF_ROUND_NONE;
	if (!rounds_up(d, keep))
		return;
	/* Raise the last digit that is not a 9; the 9s after it become 0s. */
	for (int i = keep - 1; i >= 0; i--) {
		if (digit_at(d, i) != 9) {
			r->carry = i;
			return;
		}
	}
	/* All 9s (or nothing kept): the result is a 1 one place higher. */
	r->carry = ATXF_ROUND_ALL;
	r->exp10++;
	r->len = 1;
}

int atxf_rounded_digit(const struct atxf_rounded *r, int p)
{
	int i = r->exp10 - p;

	if (i < 0 || i >= r->len)
		return 0;
	switch (r->carry) {
	case ATXF_ROUND_NONE: return digit_at(r->d, i);
	case ATXF_ROUND_ALL:  return i == 0;
	default:
		if (i < r->carry)
			return digit_at(r->d, i);
		return i == r->carry ? digit_at(r->d, i) + 1 : 0;
	}
}

int atxf_rounded_last(const struct atxf_rounded *r)
{
	int i;

	if (r->carry == ATXF_ROUND_ALL)
		return r->exp10;
	if (r->carry >= 0)              /* the raised digit is at least 1 */
		return r->exp10 - r->carry;
	i = r->len - 1;
	if (i >= r->d->ndigits)
		i = r->d->ndigits - 1;
	while (i > 0 && digit_at(r->d, i) == 0)
		i--;
	return r->exp10 - (i < 0 ? 0 : i);
}
