/*
 * Rounding an exact binary value to a float format and storing it: the
 * last step of strtod, strtof and strtold, whatever the input's base.
 * Internal.
 */
#ifndef ATXF_LIBC_FP_PACK_H
#define ATXF_LIBC_FP_PACK_H

#include <stdint.h>
#include "fp_bits.h"

/* What lies below a significand's last bit, as a fraction of that bit. */
enum atxf_rest {
	ATXF_REST_ZERO,         /* nothing: the value is exact */
	ATXF_REST_LOW,          /* more than 0, less than a half */
	ATXF_REST_HALF,         /* exactly a half */
	ATXF_REST_HIGH,         /* more than a half */
};

/* Where a conversion's result goes: a float, double or long double. */
union atxf_fp_out {
	float f;
	double d;
	long double ld;
};

/*
 * Round (-1)^neg * (m + rest) * 2^e to nearest, ties to even, into fmt's
 * slot of out. Returns ERANGE if the result overflows, or is tiny (below
 * 2^emin after rounding to P bits) and inexact, as glibc reports; else 0.
 * A rest other than ZERO needs m of at least P bits, or e at the
 * subnormals' last bit or below: a rest cannot be shifted left.
 */
int atxf_fp_pack(const struct atxf_fp_format *fmt, int neg, unsigned __int128 m,
		 int e, enum atxf_rest rest, union atxf_fp_out *out);

/* Infinity, and a quiet NaN carrying payload in its low fraction bits. */
void atxf_fp_store_inf(const struct atxf_fp_format *fmt, int neg, union atxf_fp_out *out);
void atxf_fp_store_nan(const struct atxf_fp_format *fmt, int neg, uint64_t payload,
		       union atxf_fp_out *out);

#endif /* ATXF_LIBC_FP_PACK_H */
