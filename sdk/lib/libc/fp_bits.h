/*
 * The bit layouts of float, double and long double (x87 80-bit extended),
 * and a finite value's exact form m * 2^e. Shared by printf (which takes
 * numbers apart) and strtod (which puts them together). Internal.
 */
#ifndef ATXF_LIBC_FP_BITS_H
#define ATXF_LIBC_FP_BITS_H

#include <stdint.h>

/* One binary format: IEEE 754 binary32, binary64, or x87 extended. */
struct atxf_fp_format {
	int mant_bits;          /* P: significand bits, the leading one counted */
	int emax;               /* the largest finite value is below 2^(emax+1) */
	int emin;               /* the smallest normal value is 2^emin */
	int explicit_one;       /* x87: the leading bit is stored */
};

extern const struct atxf_fp_format atxf_fp_float, atxf_fp_double, atxf_fp_ldouble;

enum atxf_fp_kind { ATXF_FP_FINITE, ATXF_FP_INF, ATXF_FP_NAN };

/* A value taken apart: if finite, it is (-1)^neg * m * 2^e exactly. */
struct atxf_fp {
	enum atxf_fp_kind kind;
	int neg;
	uint64_t m;             /* 0 for zero; a subnormal has fewer than P bits */
	int e;
	int subnormal;          /* the exponent field is 0 (zero included) */
};

struct atxf_fp atxf_fp_from_double(double x);
struct atxf_fp atxf_fp_from_ldouble(long double x);

/* The x87 extended format in memory (little-endian, 10 of 16 bytes used). */
union atxf_ldouble_bits {
	long double v;
	struct {
		uint64_t mant;          /* the significand, the leading bit explicit */
		uint16_t sign_exp;      /* sign in bit 15, biased exponent below */
	} w;
};

#endif /* ATXF_LIBC_FP_BITS_H */
