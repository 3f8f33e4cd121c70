/*
 * Decimal to binary, correctly rounded: the heart of strtod. The digits
 * D and exponent E give the exact value D * 10^E = (D * 5^E) * 2^E. With
 * num / den that fraction (the 5s on one side, scaled by a power of two so
 * that the quotient has P bits), one exact division gives the significand
 * q and a remainder r; comparing 2r with den tells the rounding, exactly.
 * The division is estimated from the top 64 bits of den and corrected by
 * a few subtractions, so only multiplication by small numbers is needed.
 */
#include "bigint.h"
#include "strtod_dec.h"

/* (hi:lo) / d for hi < d, one quotient bit at a time. */
static uint64_t div128(uint64_t hi, uint64_t lo, uint64_t d)
{
	uint64_t q = 0;

	for (int i = 63; i >= 0; i--) {
		int top = (int)(hi >> 63);

		hi = hi << 1 | lo >> 63;
		lo <<= 1;
		q <<= 1;
		if (top || hi >= d) {
			hi -= d;
			q |= 1;
		}
	}
	return q;
}

/* A lower bound of num / den within a few units, given num / den < 2^64. */
static uint64_t estimate(const struct atxf_big *num, const struct atxf_big *den)
{
	int bd = atxf_big_bits(den);
	int sd = bd > 64 ? bd - 64 : 0;
	uint64_t dt = atxf_big_bits_at(den, sd);
	uint64_t hi = atxf_big_bits_at(num, sd + 64), lo = atxf_big_bits_at(num, sd);

	if (sd == 0)
		return div128(hi, lo, dt);              /* den is dt exactly */
	/* den < (dt + 1) * 2^sd, so this is at most the true quotient. */
	if (dt == UINT64_MAX)
		return hi;
	return div128(hi, lo, dt + 1);
}

/* q = floor(num / den); num becomes the remainder. */
static uint64_t divide(struct atxf_big *num, const struct atxf_big *den, struct atxf_big *tmp)
{
	uint64_t q = estimate(num, den);

	atxf_big_mul_u64(tmp, den, q);
	atxf_big_sub(num, tmp);
	while (atxf_big_cmp(num, den) >= 0) {
		atxf_big_sub(num, den);
		q++;
	}
	return q;
}

/* The remainder r as a fraction of den: below, at or above a half. */
static enum atxf_rest classify(struct atxf_big *r, const struct atxf_big *den)
{
	int c;

	if (r->n == 0)
		return ATXF_REST_ZERO;
	atxf_big_shl(r, 1);
	c = atxf_big_cmp(r, den);
	return c < 0 ? ATXF_REST_LOW : c == 0 ? ATXF_REST_HALF : ATXF_REST_HIGH;
}

int atxf_dec_to_bin(const struct atxf_fp_format *fmt, int neg, struct atxf_big *num,
		    int e10, struct atxf_big *den, struct atxf_big *tmp, union atxf_fp_out *out)
{
	int p = fmt->mant_bits, s;
	uint64_t q;

	atxf_big_set(den, 1);
	if (e10 >= 0)
		atxf_big_mul_pow5(num, e10);
	else
		atxf_big_mul_pow5(den, -e10);
	/* num / den is in (2^(k-1), 2^(k+1)): scale it into (2^(P-2), 2^P). */
	s = p - 1 - (atxf_big_bits(num) - atxf_big_bits(den));
	if (s >= 0)
		atxf_big_shl(num, s);
	else
		atxf_big_shl(den, -s);
	q = divide(num, den, tmp);
	if (q >> (p - 1) == 0) {
		/* One bit short: take the next quotient bit from the remainder. */
		atxf_big_shl(num, 1);
		q <<= 1;
		if (atxf_big_cmp(num, den) >= 0) {
			atxf_big_sub(num, den);
			q |= 1;
		}
		s++;
	}
	return atxf_fp_pack(fmt, neg, q, e10 - s, classify(num, den), out);
}
