/*
 * printf's floating-point conversions: the argument, the sign, the field,
 * infinity and NaN. The digits come from format_dec.c and format_hex.c.
 */
#include "format_fp.h"

const char *atxf_fmt_sign(const struct spec *sp, int neg)
{
	if (neg)
		return "-";
	return sp->flags & F_PLUS ? "+" : sp->flags & F_SPACE ? " " : "";
}

int atxf_fmt_exponent(char *s, char letter, int x, int min_digits)
{
	char digits[12];
	int n = 0, len = 0;
	unsigned v = x < 0 ? 0u - (unsigned)x : (unsigned)x;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	while (n < min_digits)
		digits[n++] = '0';
	s[len++] = letter;
	s[len++] = x < 0 ? '-' : '+';
	while (n > 0)
		s[len++] = digits[--n];
	return len;
}

void atxf_fmt_field(struct out *o, const struct spec *sp, const char *lead,
		    int zero_ok, int body_len, atxf_body_fn *body, const void *ctx)
{
	int left = sp->flags & F_LEFT;
	int zero_fill = !left && zero_ok && (sp->flags & F_ZERO);
	size_t nlead = 0, len, fill = 0;

	while (lead[nlead])
		nlead++;
	len = nlead + (size_t)body_len;
	if ((size_t)sp->width > len)
		fill = sp->width - len;
	if (!left && !zero_fill)
		atxf_fmt_pad(o, ' ', fill);
	atxf_fmt_emit(o, lead, nlead);
	if (zero_fill)
		atxf_fmt_pad(o, '0', fill);
	body(o, ctx);
	if (left)
		atxf_fmt_pad(o, ' ', fill);
}

static void emit_word(struct out *o, const void *ctx)
{
	atxf_fmt_emit(o, ctx, 3);
}

/* inf, nan: lower case for f e g a, upper case for F E G A. */
static void fmt_special(struct out *o, const struct spec *sp, const struct atxf_fp *f)
{
	int upper = sp->conv >= 'A' && sp->conv <= 'Z';
	const char *word = f->kind == ATXF_FP_INF ? (upper ? "INF" : "inf")
						  : (upper ? "NAN" : "nan");

	atxf_fmt_field(o, sp, atxf_fmt_sign(sp, f->neg), 0, 3, emit_word, word);
}

void atxf_fmt_float(struct out *o, const struct spec *sp)
{
	int ldouble = sp->len == LEN_BIG_L;
	struct atxf_fp f = ldouble ? atxf_fp_from_ldouble(va_arg(o->ap, long double))
				   : atxf_fp_from_double(va_arg(o->ap, double));

	if (f.kind != ATXF_FP_FINITE)
		fmt_special(o, sp, &f);
	else if (sp->conv == 'a' || sp->conv == 'A')
		atxf_fmt_hex(o, sp, &f, ldouble);
	else
		atxf_fmt_decimal(o, sp, &f);
}
