/*
 * printf's %a and %A (C11 7.21.6.1p8): the significand in hexadecimal,
 * laid out as glibc does on x86_64. A double prints as 0x1.<13 digits>
 * (0x0.<13 digits>p-1022 when subnormal); a long double as its 64 stored
 * bits, one leading digit and 15 after the point (1.0L is 0x8p-3). Without
 * a precision the digits are exact with trailing zeros dropped; with one
 * they are rounded to nearest, ties to even, a carry out of the leading
 * digit giving 0x2 for a double and 0x1 with the exponent raised by 4 for a
 * long double.
 */
#include <stdint.h>
#include "format_fp.h"

struct hex {
	uint64_t kept;          /* the digits printed, as one number */
	int prec;               /* digits after the point */
	int zeros;              /* of those, how many are zeros past kept's */
	int point;
	int pexp;               /* the binary exponent printed */
	int upper;
};

/* Round m's nfrac fraction digits to h->prec. */
static void round_digits(struct hex *h, uint64_t m, int nfrac, int ldouble)
{
	int shift = 4 * (nfrac - h->prec);
	uint64_t rem, half;

	if (shift <= 0) {
		h->kept = m;
		h->zeros = -shift / 4;
		return;
	}
	h->kept = m >> shift;
	rem = m & ((1ull << shift) - 1);
	half = 1ull << (shift - 1);
	h->zeros = 0;
	if (rem > half || (rem == half && (h->kept & 1)))
		h->kept++;
	/* 0xf.f rounded up: one digit more than the layout has. */
	if (ldouble && h->kept >> (4 * h->prec) >= 16) {
		h->kept >>= 4;
		h->pexp += 4;
	}
}

/* Without a precision: the fraction digits up to the last non-zero one. */
static int exact_prec(uint64_t m, int nfrac)
{
	int prec = nfrac;

	while (prec > 0 && (m & 0xf) == 0) {
		m >>= 4;
		prec--;
	}
	return prec;
}

static void emit_hex(struct out *o, const void *ctx)
{
	const struct hex *h = ctx;
	const char *set = h->upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24], e[16];
	int n = 0;

	buf[n++] = set[h->kept >> (4 * (h->prec - h->zeros))];
	if (h->point)
		buf[n++] = '.';
	for (int i = h->prec - h->zeros - 1; i >= 0; i--)
		buf[n++] = set[(h->kept >> (4 * i)) & 0xf];
	atxf_fmt_emit(o, buf, n);
	atxf_fmt_pad(o, '0', h->zeros);
	atxf_fmt_emit(o, e, atxf_fmt_exponent(e, h->upper ? 'P' : 'p', h->pexp, 1));
}

static int hex_len(const struct hex *h)
{
	char e[16];

	return 1 + h->point + h->prec + atxf_fmt_exponent(e, 'p', h->pexp, 1);
}

void atxf_fmt_hex(struct out *o, const struct spec *sp, const struct atxf_fp *f, int ldouble)
{
	int lead_bits = ldouble ? 60 : 52, nfrac = lead_bits / 4;
	struct hex h = { .upper = sp->conv == 'A' };
	char lead[4];
	int n = 0;

	h.pexp = f->m == 0 ? 0 : f->e + lead_bits;
	h.prec = sp->prec >= 0 ? sp->prec : exact_prec(f->m, nfrac);
	round_digits(&h, f->m, nfrac, ldouble);
	h.point = h.prec > 0 || (sp->flags & F_ALT);
	for (const char *s = atxf_fmt_sign(sp, f->neg); *s; s++)
		lead[n++] = *s;
	lead[n++] = '0';
	lead[n++] = h.upper ? 'X' : 'x';
	lead[n] = '\0';
	atxf_fmt_field(o, sp, lead, 1, hex_len(&h), emit_hex, &h);
}
