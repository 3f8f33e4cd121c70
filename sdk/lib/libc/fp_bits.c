/*
 * Taking float formats apart (fp_bits.h). Bits are read through unions,
 * never through arithmetic, so the result is exact whatever the rounding.
 */
#include "fp_bits.h"

const struct atxf_fp_format atxf_fp_float   = { 24, 127, -126, 0 };
const struct atxf_fp_format atxf_fp_double  = { 53, 1023, -1022, 0 };
const struct atxf_fp_format atxf_fp_ldouble = { 64, 16383, -16382, 1 };

struct atxf_fp atxf_fp_from_double(double x)
{
	union { double v; uint64_t u; } b = { .v = x };
	struct atxf_fp f = { .neg = (int)(b.u >> 63) };
	int field = (int)(b.u >> 52) & 0x7ff;
	uint64_t frac = b.u & ((1ull << 52) - 1);

	if (field == 0x7ff) {
		f.kind = frac ? ATXF_FP_NAN : ATXF_FP_INF;
		return f;
	}
	f.kind = ATXF_FP_FINITE;
	f.subnormal = field == 0;
	f.m = f.subnormal ? frac : frac | 1ull << 52;
	f.e = (f.subnormal ? 1 : field) - 1023 - 52;
	return f;
}

struct atxf_fp atxf_fp_from_ldouble(long double x)
{
	union atxf_ldouble_bits b = { .v = x };
	struct atxf_fp f = { .neg = b.w.sign_exp >> 15 };
	int field = b.w.sign_exp & 0x7fff;

	if (field == 0x7fff) {
		/* The leading bit is ignored: only the fraction tells NaN from inf. */
		f.kind = b.w.mant << 1 ? ATXF_FP_NAN : ATXF_FP_INF;
		return f;
	}
	f.kind = ATXF_FP_FINITE;
	f.subnormal = field == 0;
	f.m = b.w.mant;
	f.e = (f.subnormal ? 1 : field) - 16383 - 63;
	return f;
}
