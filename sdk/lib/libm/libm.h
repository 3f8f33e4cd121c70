/*
 * The inside of libm. Every transcendental function is computed once, in
 * long double (the x87's 64-bit significand, exact per operation on real
 * hardware and in QEMU's softfloat alike), and its double and float forms
 * round that result: the extra 11 bits make their error a little over
 * half an ulp. The long double forms carry the core's own error; the
 * measured bounds of all three are in docs/libc.md ("## libm").
 */
#ifndef ATXF_LIBM_H
#define ATXF_LIBM_H

#include <math.h>
#include <stdint.h>

/* The double and float forms of a one-argument function f##l. */
#define LIBM_FORMS1(name)                                               \
	double name(double x) { return (double)name##l(x); }            \
	float name##f(float x) { return (float)name##l(x); }

#define LIBM_FORMS2(name)                                               \
	double name(double x, double y) { return (double)name##l(x, y); } \
	float name##f(float x, float y) { return (float)name##l(x, y); }

/* The x87 extended format's fields. */
union ldbits {
	long double v;
	struct {
		uint64_t mant;          /* leading bit explicit */
		uint16_t sign_exp;
	} w;
};

static inline int ld_exp_field(long double x)
{
	union ldbits b = { .v = x };

	return b.w.sign_exp & 0x7fff;
}

/* Constants rounded to long double, from scripts/libm-constants (exact
 * integer arithmetic). A _HI part has few enough bits that its product
 * with a small integer is exact; _LO (or the later parts) hold the rest. */
#define LN2_L         0xb17217f7d1cf79acp-64L
#define LOG2E_L       0xb8aa3b295c17f0bcp-63L
#define LOG10_2_L     0x9a209a84fbcff799p-65L
#define LOG10E_L      0xde5bd8a937287195p-65L
#define PI_L          0xc90fdaa22168c235p-62L
#define PI_2_L        0xc90fdaa22168c235p-63L
#define PI_4_L        0xc90fdaa22168c235p-64L
#define TWO_SQRTPI_L  0x906eba8214db688dp-63L  /* 2 / sqrt(pi) */
#define HALF_LN_2PI_L 0xeb3f8e4325f5a535p-64L  /* ln(2 pi) / 2 */
#define LN2_HI        0xb17217f7d1c00000p-64L  /* 44 bits */
#define LN2_LO        0xf79abc9e3b39803fp-108L
#define PIO2_1        0xc90fdaa200000000p-63L  /* pi/2 in four parts, */
#define PIO2_2        0x85a308d300000000p-97L  /* the first three of */
#define PIO2_3        0x98cc517000000000p-132L /* 32 bits each */
#define PIO2_4        0xdc1cd129024e088ap-167L

/* Cores shared between files. */
long double atxf_expm1_small(long double r);    /* e^r - 1 for |r| <= 0.35 */
long double atxf_log_reduced(long double m);    /* ln m for m in [0.7, 1.42] */
int atxf_rem_pio2(long double x, long double *r); /* x = n pi/2 + r; n mod 4 */
long double atxf_sin_kernel(long double r);     /* |r| <= pi/4 */
long double atxf_cos_kernel(long double r);

#endif /* ATXF_LIBM_H */
