/*
 * The printf conversion engine (C11 7.21.6.1): parsing, integer and text
 * conversions; floating point is in format_fp.c, format_dec.c and format_hex.c.
 *
 * atxf_vformat() walks the format, copies literal text to the sink, and
 * turns each conversion specification into at most five pieces: left
 * padding, sign, prefix ("0x"), leading zeros and the digits or text, then
 * right padding. The sink decides what to do with them (fill a buffer,
 * buffer a line for the console); the engine only counts them.
 */
#include <limits.h>
#include <stdint.h>
#include "format.h"
#include "format_spec.h"

void atxf_fmt_emit(struct out *o, const char *s, size_t n)
{
	if (n == 0)
		return;
	o->sink->write(o->sink, s, n);
	o->count += n;
}

/* Emit n copies of c, in chunks, so a wide field is a few sink calls. */
void atxf_fmt_pad(struct out *o, char c, size_t n)
{
	static const char spaces[] = "                                ";
	static const char zeros[]  = "00000000000000000000000000000000";
	const char *run = c == '0' ? zeros : spaces;
	size_t chunk = sizeof(spaces) - 1;

	while (n > 0) {
		size_t k = n < chunk ? n : chunk;

		atxf_fmt_emit(o, run, k);
		n -= k;
	}
}

/* Parse a decimal field, saturating at INT_MAX instead of overflowing. */
static int parse_number(const char **pp)
{
	const char *p = *pp;
	int v = 0;

	for (; *p >= '0' && *p <= '9'; p++) {
		int d = *p - '0';

		v = v > (INT_MAX - d) / 10 ? INT_MAX : v * 10 + d;
	}
	*pp = p;
	return v;
}

static unsigned parse_flags(const char **pp)
{
	unsigned flags = 0;

	for (;; (*pp)++) {
		switch (**pp) {
		case '-': flags |= F_LEFT; break;
		case '+': flags |= F_PLUS; break;
		case ' ': flags |= F_SPACE; break;
		case '0': flags |= F_ZERO; break;
		case '#': flags |= F_ALT; break;
		default: return flags;
		}
	}
}

/* Width: digits, or '*' taking an int where a negative value means '-'. */
static void parse_width(const char **pp, struct spec *sp, struct out *o)
{
	if (**pp != '*') {
		sp->width = parse_number(pp);
		return;
	}
	(*pp)++;
	int w = va_arg(o->ap, int);
	if (w < 0) {
		sp->flags |= F_LEFT;
		w = w == INT_MIN ? INT_MAX : -w;
	}
	sp->width = w;
}

/* Precision: '.' then digits (none means 0), or '.*' where negative means none. */
static void parse_precision(const char **pp, struct spec *sp, struct out *o)
{
	sp->prec = -1;
	if (**pp != '.')
		return;
	(*pp)++;
	if (**pp != '*') {
		sp->prec = parse_number(pp);
		return;
	}
	(*pp)++;
	int p = va_arg(o->ap, int);
	sp->prec = p < 0 ? -1 : p;
}

enum length atxf_fmt_length(const char **pp)
{
	const char *p = *pp;
	enum length len = LEN_NONE;

	switch (*p) {
	case 'h': len = p[1] == 'h' ? LEN_HH : LEN_H; break;
	case 'l': len = p[1] == 'l' ? LEN_LL : LEN_L; break;
	case 'j': len = LEN_J; break;
	case 'z': len = LEN_Z; break;
	case 't': len = LEN_T; break;
	case 'L': len = LEN_BIG_L; break;
	default: return LEN_NONE;
	}
	*pp = p + (len == LEN_HH || len == LEN_LL ? 2 : 1);
	return len;
}

/* Parse the specification after a '%'; returns where the format resumes. */
static const char *parse_spec(const char *p, struct spec *sp, struct out *o)
{
	sp->flags = parse_flags(&p);
	parse_width(&p, sp, o);
	parse_precision(&p, sp, o);
	sp->len = atxf_fmt_length(&p);
	sp->conv = *p;
	return *p ? p + 1 : p;
}

static intmax_t arg_signed(struct out *o, enum length len)
{
	switch (len) {
	case LEN_HH: return (signed char)va_arg(o->ap, int);
	case LEN_H:  return (short)va_arg(o->ap, int);
	case LEN_L:  return va_arg(o->ap, long);
	case LEN_LL:
	case LEN_BIG_L: return va_arg(o->ap, long long);
	case LEN_J:  return va_arg(o->ap, intmax_t);
	/* %zd takes the signed type of size_t's width: ptrdiff_t on x86_64. */
	case LEN_Z:
	case LEN_T:  return va_arg(o->ap, ptrdiff_t);
	default:     return va_arg(o->ap, int);
	}
}

static uintmax_t arg_unsigned(struct out *o, enum length len)
{
	switch (len) {
	case LEN_HH: return (unsigned char)va_arg(o->ap, unsigned);
	case LEN_H:  return (unsigned short)va_arg(o->ap, unsigned);
	case LEN_L:  return va_arg(o->ap, unsigned long);
	case LEN_LL:
	case LEN_BIG_L: return va_arg(o->ap, unsigned long long);
	case LEN_J:  return va_arg(o->ap, uintmax_t);
	case LEN_Z:
	case LEN_T:  return va_arg(o->ap, size_t);
	default:     return va_arg(o->ap, unsigned);
	}
}

/* Write v's digits so that they end at end; returns where they start. */
static char *to_digits(char *end, uintmax_t v, unsigned base, int upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";

	do {
		*--end = set[v % base];
		v /= base;
	} while (v != 0);
	return end;
}

/*
 * Lay out sign, prefix, zeros and digits in a field of sp->width. The '0'
 * flag pads with zeros only when no precision was given (C11 7.21.6.1p6).
 */
static void put_number(struct out *o, const struct spec *sp, const char *lead,
		       size_t zeros, const char *digits, size_t ndigits)
{
	int left = sp->flags & F_LEFT;
	int zero_fill = !left && (sp->flags & F_ZERO) && sp->prec < 0;
	size_t nlead = 0, body, fill = 0;

	while (lead[nlead])
		nlead++;
	body = nlead + zeros + ndigits;
	if ((size_t)sp->width > body)
		fill = sp->width - body;
	if (!left && !zero_fill)
		atxf_fmt_pad(o, ' ', fill);
	atxf_fmt_emit(o, lead, nlead);
	if (zero_fill)
		atxf_fmt_pad(o, '0', fill);
	atxf_fmt_pad(o, '0', zeros);
	atxf_fmt_emit(o, digits, ndigits);
	if (left)
		atxf_fmt_pad(o, ' ', fill);
}

/* The sign or prefix that goes before the digits of a number. */
static const char *number_lead(const struct spec *sp, uintmax_t mag, int negative)
{
	switch (sp->conv) {
	case 'd':
	case 'i':
		if (negative)
			return "-";
		return sp->flags & F_PLUS ? "+" : sp->flags & F_SPACE ? " " : "";
	case 'x':
		return (sp->flags & F_ALT) && mag != 0 ? "0x" : "";
	case 'X':
		return (sp->flags & F_ALT) && mag != 0 ? "0X" : "";
	case 'p':
		return "0x";
	default:
		return "";
	}
}

static unsigned number_base(char conv)
{
	switch (conv) {
	case 'o': return 8;
	case 'x':
	case 'X':
	case 'p': return 16;
	default:  return 10;
	}
}

static void fmt_integer(struct out *o, const struct spec *sp, uintmax_t mag, int negative)
{
	char buf[3 * sizeof(uintmax_t)];  /* enough for 2^64-1 in octal (22) */
	char *end = buf + sizeof(buf);
	unsigned base = number_base(sp->conv);
	char *digits = end;
	size_t ndigits, zeros = 0;

	/* A zero value with a zero precision prints no digits at all. */
	if (!(mag == 0 && sp->prec == 0))
		digits = to_digits(end, mag, base, sp->conv == 'X');
	ndigits = end - digits;
	if (sp->prec > 0 && (size_t)sp->prec > ndigits)
		zeros = sp->prec - ndigits;
	/* '#' with o: raise the precision just enough to start with a 0. */
	if (sp->conv == 'o' && (sp->flags & F_ALT) && zeros == 0 &&
	    (ndigits == 0 || digits[0] != '0'))
		zeros = 1;
	put_number(o, sp, number_lead(sp, mag, negative), zeros, digits, ndigits);
}

/* Text in a field of sp->width, padded with spaces. */
static void put_text(struct out *o, const struct spec *sp, const char *s, size_t n)
{
	size_t fill = (size_t)sp->width > n ? sp->width - n : 0;

	if (!(sp->flags & F_LEFT))
		atxf_fmt_pad(o, ' ', fill);
	atxf_fmt_emit(o, s, n);
	if (sp->flags & F_LEFT)
		atxf_fmt_pad(o, ' ', fill);
}

/* %s: the precision bounds how much is read, so the string need not end. */
static void fmt_string(struct out *o, const struct spec *sp, const char *s)
{
	size_t max = sp->prec < 0 ? SIZE_MAX : (size_t)sp->prec;
	size_t n = 0;

	if (s == NULL)
		s = "(null)";
	while (n < max && s[n] != '\0')
		n++;
	put_text(o, sp, s, n);
}

static void fmt_signed(struct out *o, const struct spec *sp)
{
	intmax_t v = arg_signed(o, sp->len);
	/* Negate in unsigned arithmetic: -INTMAX_MIN does not exist. */
	uintmax_t mag = v < 0 ? 0 - (uintmax_t)v : (uintmax_t)v;

	fmt_integer(o, sp, mag, v < 0);
}

/* Convert one specification; returns 0 if the conversion is unknown. */
static int convert(struct out *o, const struct spec *sp)
{
	char c;

	switch (sp->conv) {
	case '%': atxf_fmt_emit(o, "%", 1); return 1;
	case 'd':
	case 'i': fmt_signed(o, sp); return 1;
	case 'u':
	case 'o':
	case 'x':
	case 'X': fmt_integer(o, sp, arg_unsigned(o, sp->len), 0); return 1;
	case 'p': fmt_integer(o, sp, (uintptr_t)va_arg(o->ap, void *), 0); return 1;
	case 'c': c = (char)va_arg(o->ap, int); put_text(o, sp, &c, 1); return 1;
	case 's': fmt_string(o, sp, va_arg(o->ap, const char *)); return 1;
	/* %n writes through a pointer taken from the arguments: refused. */
	case 'n': (void)va_arg(o->ap, void *); return 1;
	case 'f': case 'F': case 'e': case 'E':
	case 'g': case 'G': case 'a': case 'A': atxf_fmt_float(o, sp); return 1;
	default: return 0;
	}
}

int atxf_vformat(struct atxf_sink *sink, const char *fmt, va_list ap)
{
	struct out o = { .sink = sink, .count = 0 };
	struct spec sp;

	va_copy(o.ap, ap);
	while (*fmt != '\0') {
		const char *start = fmt;

		while (*fmt != '\0' && *fmt != '%')
			fmt++;
		atxf_fmt_emit(&o, start, fmt - start);
		if (*fmt == '\0')
			break;
		start = fmt;
		fmt = parse_spec(fmt + 1, &sp, &o);
		/* An unknown conversion is copied as is, like glibc, so it shows. */
		if (!convert(&o, &sp))
			atxf_fmt_emit(&o, start, fmt - start);
	}
	va_end(o.ap);
	return o.count > INT_MAX ? -1 : (int)o.count;
}
