/*
 * Argument reduction for sin, cos and tan: x = n pi/2 + r, |r| <= pi/4.
 * Below 2^30 the product n pi/2 is taken off in four parts, the first
 * three of 32 bits so each n * part is exact (Cody and Waite). Above, the
 * exact method of Payne and Hanek: x = m 2^e (m 64 bits) times the bits of
 * 2/pi that matter (two_over_pi.c), in integers, gives x 2/pi mod 4 to
 * 128 fraction bits, whatever the size of x.
 */
#include "libm.h"

extern const uint32_t atxf_two_over_pi[520];

/* Bits j .. j+31 of 2/pi (bit 1 is the 2^-1 place; bits before it are 0). */
static uint32_t bits32(int j)
{
	int i = j - 1, w, s;
	uint64_t pair;

	if (i <= -32)
		return 0;
	if (i < 0)
		return atxf_two_over_pi[0] >> -i;
	w = i / 32;
	s = i % 32;
	pair = (uint64_t)atxf_two_over_pi[w] << 32 | (w + 1 < 520 ? atxf_two_over_pi[w + 1] : 0);
	return (uint32_t)(pair >> (32 - s));
}

/*
 * |x| = m 2^e. The bits of 2/pi before j0 = e - 1 only add multiples of 4;
 * the 192 from j0 on, as an integer W, give m W 2^-190, whose bits 190
 * and 191 are n mod 4 and whose lower bits are the fraction, good to
 * 2^-126 (the bits of 2/pi past the window add less than m 2^-190).
 */
static int reduce_huge(long double x, long double *r)
{
	union ldbits b = { .v = __builtin_fabsl(x) };
	int e = (b.w.sign_exp & 0x7fff) - 16383 - 63;
	uint32_t m[2] = { (uint32_t)b.w.mant, (uint32_t)(b.w.mant >> 32) };
	uint32_t w[6], p[8] = { 0 };            /* least significant first */
	unsigned __int128 frac;
	int n, neg = 0, shift = 0;
	long double f;

	for (int i = 0; i < 6; i++)
		w[5 - i] = bits32(e - 1 + 32 * i);
	for (int i = 0; i < 6; i++) {
		uint64_t carry = 0;

		for (int k = 0; k < 2; k++) {
			uint64_t t = (uint64_t)w[i] * m[k] + p[i + k] + carry;

			p[i + k] = (uint32_t)t;
			carry = t >> 32;
		}
		p[i + 2] += (uint32_t)carry;
	}
	/* Bit 190 is bit 30 of p[5]; the fraction is bits 189 .. 62. */
	n = (int)(p[5] >> 30) & 3;
	frac = (unsigned __int128)(((uint64_t)(p[5] & 0x3fffffff) << 34) | ((uint64_t)p[4] << 2) |
				   (p[3] >> 30)) << 64;
	frac |= ((uint64_t)(p[3] & 0x3fffffff) << 34) | ((uint64_t)p[2] << 2) | (p[1] >> 30);
	if (frac >> 127) {                      /* past a half: round n up */
		frac = -frac;
		neg = 1;
		n++;
	}
	while (frac != 0 && !(frac >> 127)) {
		frac <<= 1;
		shift++;
	}
	f = (long double)(uint64_t)(frac >> 64) + (long double)(uint64_t)frac * 0x1p-64L;
	f = scalbnl(f, -64 - shift) * PI_2_L;
	if (neg)
		f = -f;
	if (x < 0) {
		f = -f;
		n = -n;
	}
	*r = f;
	return n & 3;
}

int atxf_rem_pio2(long double x, long double *r)
{
	long double n;

	if (__builtin_fabsl(x) <= PI_4_L) {
		*r = x;
		return 0;
	}
	if (__builtin_fabsl(x) < 0x1p30L) {
		n = __builtin_roundl(x * (2 / PI_L));
		*r = (((x - n * PIO2_1) - n * PIO2_2) - n * PIO2_3) - n * PIO2_4;
		return (int)((long long)n & 3);
	}
	return reduce_huge(x, r);
}
