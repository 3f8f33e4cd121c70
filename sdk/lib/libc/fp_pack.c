/*
 * Round and store (fp_pack.h). The value is shifted to the format's
 * precision with what falls off folded into `rest`, which keeps the
 * rounding exact however many bits are dropped; then the bits are written
 * straight into the format's layout.
 */
#include <errno.h>
#include "fp_pack.h"

static int bit_length(unsigned __int128 m)
{
	int n = 0;

	for (; m != 0; m >>= 1)
		n++;
	return n;
}

/* m >>= k, folding the bits shifted out into *rest. */
static unsigned __int128 shift_right(unsigned __int128 m, int k, enum atxf_rest *rest)
{
	unsigned __int128 out, half;

	if (k <= 0)
		return m;
	if (k > 128) {
		*rest = m != 0 || *rest != ATXF_REST_ZERO ? ATXF_REST_LOW : ATXF_REST_ZERO;
		return 0;
	}
	out = k == 128 ? m : m & (((unsigned __int128)1 << k) - 1);
	half = (unsigned __int128)1 << (k - 1);
	if (out > half || (out == half && *rest != ATXF_REST_ZERO))
		*rest = ATXF_REST_HIGH;
	else if (out == half)
		*rest = ATXF_REST_HALF;
	else if (out != 0 || *rest != ATXF_REST_ZERO)
		*rest = ATXF_REST_LOW;
	return k == 128 ? 0 : m >> k;
}

/* Write sign, biased exponent field and stored significand bits. */
static void store_fields(const struct atxf_fp_format *fmt, int neg, uint32_t field,
			 uint64_t mant, union atxf_fp_out *out)
{
	if (fmt == &atxf_fp_ldouble) {
		union atxf_ldouble_bits b;

		b.w.mant = mant;
		b.w.sign_exp = (uint16_t)((unsigned)neg << 15 | field);
		out->ld = b.v;
	} else if (fmt == &atxf_fp_double) {
		union { double v; uint64_t u; } b;

		b.u = (uint64_t)neg << 63 | (uint64_t)field << 52 | (mant & ((1ull << 52) - 1));
		out->d = b.v;
	} else {
		union { float v; uint32_t u; } b;

		b.u = (uint32_t)neg << 31 | field << 23 | (uint32_t)(mant & ((1u << 23) - 1));
		out->f = b.v;
	}
}

/* The exponent field of infinity and NaN: all ones. */
static uint32_t max_field(const struct atxf_fp_format *fmt)
{
	return (uint32_t)(2 * (fmt->emax + 1) - 1);
}

/* Store a significand of at most P bits with the exponent of its last bit. */
static void store(const struct atxf_fp_format *fmt, int neg, uint64_t m, int e,
		  union atxf_fp_out *out)
{
	int p = fmt->mant_bits;
	int normal = (m >> (p - 1)) != 0;

	store_fields(fmt, neg, normal ? (uint32_t)(e + p - fmt->emin) : 0, m, out);
}

void atxf_fp_store_inf(const struct atxf_fp_format *fmt, int neg, union atxf_fp_out *out)
{
	/* x87 keeps the leading bit set in infinity and NaN alike. */
	store_fields(fmt, neg, max_field(fmt), fmt->explicit_one ? 1ull << 63 : 0, out);
}

void atxf_fp_store_nan(const struct atxf_fp_format *fmt, int neg, uint64_t payload,
		       union atxf_fp_out *out)
{
	/* The quiet bit is the fraction's first: bit 22, 51 or 62. */
	uint64_t quiet = 1ull << (fmt->mant_bits - 2);
	uint64_t mant = quiet | (payload & (quiet - 1));

	if (fmt->explicit_one)
		mant |= 1ull << 63;
	store_fields(fmt, neg, max_field(fmt), mant, out);
}

/*
 * Tininess after rounding, as x86 and glibc judge it: the value is below
 * 2^emin even once rounded to P bits with an unbounded exponent. m has P
 * bits here unless the value is exact.
 */
static int is_tiny(const struct atxf_fp_format *fmt, unsigned __int128 m, int e,
		   enum atxf_rest rest)
{
	int p = fmt->mant_bits, top = e + bit_length(m) - 1;
	unsigned __int128 all_ones = ((unsigned __int128)1 << p) - 1;

	if (m == 0 || top >= fmt->emin)
		return m == 0;
	return !(top == fmt->emin - 1 && m == all_ones && rest >= ATXF_REST_HALF);
}

int atxf_fp_pack(const struct atxf_fp_format *fmt, int neg, unsigned __int128 m,
		 int e, enum atxf_rest rest, union atxf_fp_out *out)
{
	int p = fmt->mant_bits;
	int lsb_min = fmt->emin - p + 1;        /* the last bit of a subnormal */
	int len = bit_length(m), tiny;

	if (len == 0 && rest == ATXF_REST_ZERO) {
		store(fmt, neg, 0, lsb_min, out);
		return 0;
	}
	if (len > p) {
		m = shift_right(m, len - p, &rest);
		e += len - p;
	} else if (len < p && e > lsb_min) {
		/* Exact (rest is ZERO by the contract): normalise. */
		int k = p - len < e - lsb_min ? p - len : e - lsb_min;

		m <<= k;
		e -= k;
	}
	tiny = is_tiny(fmt, m, e, rest);
	if (e < lsb_min) {
		m = shift_right(m, lsb_min - e, &rest);
		e = lsb_min;
	}
	if (rest == ATXF_REST_HIGH || (rest == ATXF_REST_HALF && (m & 1)))
		m++;
	if (m >> p) {                           /* rounded up to 2^P */
		m >>= 1;
		e++;
	}
	if (m != 0 && e + bit_length(m) - 1 > fmt->emax) {
		atxf_fp_store_inf(fmt, neg, out);
		return ERANGE;
	}
	store(fmt, neg, (uint64_t)m, e, out);
	return tiny && rest != ATXF_REST_ZERO ? ERANGE : 0;
}
