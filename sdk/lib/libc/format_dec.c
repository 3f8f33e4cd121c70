/*
 * printf's floating-point conversions (C11 7.21.6.1p8): %f %F %e %E %g %G
 * from the exact decimal expansion of the value (decimal.c), correctly
 * rounded to nearest with ties to even, as glibc does in its default
 * rounding mode; %a %A are in format_hex.c. Infinity and NaN print as
 * inf/nan (INF/NAN for the capital letters) with their sign, and the '0'
 * flag does not pad them.
 */
#include "decimal.h"
#include "format_fp.h"

/* The digits of one %e or %f result, laid out after the sign. */
struct body {
	struct atxf_rounded r;
	int top;                /* the highest power of ten printed */
	int point_at;           /* the point follows the digit of this power */
	int low;                /* the lowest power of ten printed */
	int point;              /* print the point */
	char exp[16];           /* "e+05" for %e, "" for %f */
	int explen;
};

static int body_len(const struct body *b)
{
	return b->top - b->low + 1 + b->point + b->explen;
}

/* Emit the digits of powers from hi down to lo, a buffer at a time. */
static void emit_digits(struct out *o, const struct atxf_rounded *r, int hi, int lo)
{
	char buf[64];
	int n = 0;

	for (int p = hi; p >= lo; p--) {
		buf[n++] = (char)('0' + atxf_rounded_digit(r, p));
		if (n == (int)sizeof(buf) || p == lo) {
			atxf_fmt_emit(o, buf, n);
			n = 0;
		}
	}
}

static void emit_body(struct out *o, const void *ctx)
{
	const struct body *b = ctx;

	emit_digits(o, &b->r, b->top, b->point_at);
	if (b->point)
		atxf_fmt_emit(o, ".", 1);
	emit_digits(o, &b->r, b->point_at - 1, b->low);
	atxf_fmt_emit(o, b->exp, b->explen);
}

/* %e with prec digits after the point. */
static void layout_e(struct body *b, const struct atxf_decimal *d, int prec,
		     int alt, int upper)
{
	atxf_decimal_round(&b->r, d, prec + 1);
	b->top = b->point_at = b->r.exp10;
	b->low = b->top - prec;
	b->point = prec > 0 || alt;
	/* At least two exponent digits (C11 7.21.6.1p8). */
	b->explen = atxf_fmt_exponent(b->exp, upper ? 'E' : 'e', d->ndigits ? b->r.exp10 : 0, 2);
}

/* %f with prec digits after the point. */
static void layout_f(struct body *b, const struct atxf_decimal *d, int prec, int alt)
{
	atxf_decimal_round(&b->r, d, atxf_decimal_exp10(d) + 1 + prec);
	b->top = b->r.exp10 > 0 ? b->r.exp10 : 0;
	b->point_at = 0;
	b->low = -prec;
	b->point = prec > 0 || alt;
	b->explen = 0;
}

/*
 * %g: %e or %f by the exponent X the value has once rounded to P digits
 * (C11 7.21.6.1p8), then without trailing zeros unless '#' is given.
 */
static void layout_g(struct body *b, const struct atxf_decimal *d, int prec,
		     int alt, int upper)
{
	int p = prec < 0 ? 6 : prec == 0 ? 1 : prec;
	struct atxf_rounded r;
	int x, last;

	atxf_decimal_round(&r, d, p);
	x = d->ndigits ? r.exp10 : 0;
	last = d->ndigits ? atxf_rounded_last(&r) : 0;
	if (p > x && x >= -4) {
		int fprec = p - 1 - x;

		if (!alt && fprec > -last)
			fprec = last < 0 ? -last : 0;
		layout_f(b, d, fprec, alt);
	} else {
		int eprec = p - 1;

		if (!alt && eprec > x - last)
			eprec = x - last;
		/* glibc: a value of exactly P integer digits that rounds up to
		 * 10^P shows no digits after the point ("%#.2g" of 99.5 is
		 * "1.e+02"); without '#' they are zeros and dropped anyway. */
		if (r.carry == ATXF_ROUND_ALL && x == p)
			eprec = 0;
		layout_e(b, d, eprec, alt, upper);
	}
}

void atxf_fmt_decimal(struct out *o, const struct spec *sp, const struct atxf_fp *f)
{
	struct atxf_decimal d;
	struct body b;
	int prec = sp->prec;
	int upper = sp->conv == 'E' || sp->conv == 'G';

	atxf_decimal_init(&d, f->m, f->e);
	switch (sp->conv) {
	case 'e':
	case 'E':
		layout_e(&b, &d, prec < 0 ? 6 : prec, sp->flags & F_ALT, upper);
		break;
	case 'f':
	case 'F':
		layout_f(&b, &d, prec < 0 ? 6 : prec, sp->flags & F_ALT);
		break;
	default:
		layout_g(&b, &d, prec, sp->flags & F_ALT, upper);
		break;
	}
	atxf_fmt_field(o, sp, atxf_fmt_sign(sp, f->neg), 1, body_len(&b), emit_body, &b);
}
