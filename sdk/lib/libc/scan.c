/*
 * The scanf conversion engine (C11 7.21.6.2): white space, literal
 * characters and the conversions d i o u x X a e f g (and capitals)
 * c s [ p n %, with '*', a width and the lengths hh h l ll j z t L. Numbers
 * go through strtoull/strtoll and strtod's own parser, so they convert
 * exactly as those do; where C leaves a choice (a range in %[, "0x" alone
 * for %x, the text of a failed number consumed), this follows glibc.
 * %lc, %ls and %l[ store each byte as one wchar_t: the input is ASCII.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include "format_spec.h"
#include "fp_pack.h"
#include "scan.h"
#include "scan_token.h"
#include "strtod_parse.h"

struct scan_spec {
	int suppress;           /* '*': read, but assign nothing */
	long width;             /* LONG_MAX if none */
	enum length len;
	char conv;
	const char *set;        /* %[: the scanset's text after '[' */
};

struct scan {
	struct atxf_scan_in *in;
	size_t count;           /* characters consumed: %n */
	int assigned;
	va_list ap;
};

static int is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Skip white space in the input; returns 0 if the input ended. */
static int skip_space(struct scan *s)
{
	int c;

	do {
		c = s->in->get(s->in);
		if (c >= 0)
			s->count++;
	} while (is_space(c));
	if (c < 0)
		return 0;
	s->in->unget(s->in, c);
	s->count--;
	return 1;
}

/* Parse what follows '%'; returns where the format goes on, NULL if bad. */
static const char *parse_spec(const char *p, struct scan_spec *sp)
{
	sp->suppress = *p == '*';
	p += sp->suppress;
	sp->width = 0;
	for (; *p >= '0' && *p <= '9'; p++)
		sp->width = sp->width > 100000000 ? sp->width : sp->width * 10 + (*p - '0');
	if (sp->width == 0)
		sp->width = LONG_MAX;
	sp->len = atxf_fmt_length(&p);
	sp->conv = *p;
	if (*p == '\0')
		return NULL;
	if (*p != '[')
		return p + 1;
	/* The set runs to the next ']', a ']' first (after any '^') included. */
	sp->set = ++p;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	while (*p && *p != ']')
		p++;
	return *p ? p + 1 : NULL;
}

/* Store v through the next pointer, as the length says. */
static void store_int(struct scan *s, enum length len, unsigned long long v)
{
	void *p = va_arg(s->ap, void *);

	switch (len) {
	case LEN_HH: *(unsigned char *)p = (unsigned char)v; break;
	case LEN_H:  *(unsigned short *)p = (unsigned short)v; break;
	case LEN_L:
	case LEN_Z:
	case LEN_T:  *(unsigned long *)p = (unsigned long)v; break;
	case LEN_LL:
	case LEN_BIG_L: *(unsigned long long *)p = v; break;
	case LEN_J:  *(uintmax_t *)p = v; break;
	default:     *(unsigned *)p = (unsigned)v; break;
	}
}

static int conv_base(char conv)
{
	switch (conv) {
	case 'i': return 0;
	case 'o': return 8;
	case 'x': case 'X': case 'p': return 16;
	default:  return 10;
	}
}

static int scan_integer(struct scan *s, const struct scan_spec *sp, struct scan_cursor *c)
{
	struct scan_token t;
	int base = conv_base(sp->conv);
	unsigned long long v;

	if (!atxf_scan_integer(c, base, &t))
		return 0;
	/* Signed conversions saturate like strtoll, then narrow like glibc. */
	if (sp->conv == 'd' || sp->conv == 'i')
		v = (unsigned long long)strtoll(t.text, NULL, base);
	else
		v = strtoull(t.text, NULL, base);
	if (!sp->suppress)
		store_int(s, sp->conv == 'p' ? LEN_L : sp->len, v);
	return 1;
}

static int scan_float(struct scan *s, const struct scan_spec *sp, struct scan_cursor *c)
{
	struct scan_token t;
	union atxf_fp_out out;
	const struct atxf_fp_format *fmt = sp->len == LEN_BIG_L ? &atxf_fp_ldouble
					 : sp->len == LEN_L ? &atxf_fp_double : &atxf_fp_float;

	if (!atxf_scan_float(c, &t))
		return 0;
	atxf_strtofp(t.text, NULL, fmt, &out);
	if (sp->suppress)
		return 1;
	if (fmt == &atxf_fp_ldouble)
		*va_arg(s->ap, long double *) = out.ld;
	else if (fmt == &atxf_fp_double)
		*va_arg(s->ap, double *) = out.d;
	else
		*va_arg(s->ap, float *) = out.f;
	return 1;
}

/* Is c in the scanset? Ranges like a-z count, '-' first or last is itself. */
static int in_set(const char *set, int c)
{
	int negate = *set == '^';
	const char *start = set + negate, *p = start;
	int found = 0;

	for (; *p && (*p != ']' || p == start); p++) {
		if (p[1] == '-' && p[2] != '\0' && p[2] != ']') {
			found |= (unsigned char)c >= (unsigned char)p[0] &&
				 (unsigned char)c <= (unsigned char)p[2];
			p += 2;
		} else {
			found |= (unsigned char)*p == (unsigned char)c;
		}
	}
	return found != negate;
}

/* One character into a char or wchar_t array. */
static void put_char(void **dst, int wide, int c)
{
	if (wide) {
		*(wchar_t *)*dst = (wchar_t)(unsigned char)c;
		*dst = (wchar_t *)*dst + 1;
	} else {
		*(char *)*dst = (char)c;
		*dst = (char *)*dst + 1;
	}
}

/* %c, %s, %[: characters; 1, 0 on a matching failure, -1 at the end. */
static int scan_chars(struct scan *s, const struct scan_spec *sp, struct scan_cursor *c)
{
	void *dst = sp->suppress ? NULL : va_arg(s->ap, void *);
	int wide = sp->len == LEN_L, n = 0, ended = 0, ch;

	if (sp->conv == 'c' && sp->width == LONG_MAX)
		c->left = 1;
	while (c->left > 0) {
		ch = atxf_scan_next(c);
		if (ch < 0) {
			ended = 1;
			break;
		}
		if ((sp->conv == 's' && is_space(ch)) || (sp->conv == '[' && !in_set(sp->set, ch))) {
			atxf_scan_back(c, ch);
			break;
		}
		if (dst)
			put_char(&dst, wide, ch);
		n++;
	}
	if (ended && n == 0)
		return -1;              /* the input ended first */
	if (n == 0)
		return 0;
	if (dst && sp->conv != 'c')
		put_char(&dst, wide, '\0');
	return 1;
}

static void store_count(struct scan *s, const struct scan_spec *sp)
{
	if (!sp->suppress)
		store_int(s, sp->len, (unsigned long long)s->count);
}

/* A character of the format that is not white space nor '%'. */
static int match_literal(struct scan *s, char want)
{
	int c = s->in->get(s->in);

	if (c < 0)
		return -1;
	if (c != (unsigned char)want) {
		s->in->unget(s->in, c);
		return 0;
	}
	s->count++;
	return 1;
}

/*
 * One conversion. Returns 1 if it matched, 0 on a matching failure, -1 on
 * an input failure (the input ended first).
 */
static int convert(struct scan *s, const struct scan_spec *sp)
{
	struct scan_cursor c = { .in = s->in, .count = &s->count, .left = sp->width };
	int ok;

	if (sp->conv == 'n') {
		store_count(s, sp);
		return 1;
	}
	if (sp->conv != 'c' && sp->conv != '[' && !skip_space(s))
		return -1;
	switch (sp->conv) {
	case '%': {
		int ch = atxf_scan_next(&c);

		if (ch == '%')
			return 1;
		atxf_scan_back(&c, ch);
		return ch < 0 ? -1 : 0;
	}
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X': case 'p':
		ok = scan_integer(s, sp, &c);
		break;
	case 'a': case 'A': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
		ok = scan_float(s, sp, &c);
		break;
	case 'c': case 's': case '[':
		ok = scan_chars(s, sp, &c);
		if (ok < 0)
			return -1;
		break;
	default:
		return 0;
	}
	if (ok && !sp->suppress)
		s->assigned++;
	return ok;
}

int atxf_vscan(struct atxf_scan_in *in, const char *fmt, va_list ap)
{
	struct scan s = { .in = in };
	struct scan_spec sp;
	int conversions = 0, r = 1;

	va_copy(s.ap, ap);
	while (*fmt != '\0' && r > 0) {
		if (is_space(*fmt)) {
			skip_space(&s);
			while (is_space(*fmt))
				fmt++;
			continue;
		}
		if (*fmt != '%') {
			r = match_literal(&s, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp);
		if (fmt == NULL)
			break;
		r = convert(&s, &sp);
		conversions += r > 0 && sp.conv != 'n' && sp.conv != '%';
	}
	va_end(s.ap);
	/* EOF only if the input ended before any conversion was done. */
	return r < 0 && conversions == 0 ? -1 : s.assigned;
}
