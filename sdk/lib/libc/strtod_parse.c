/*
 * The text of a floating-point number (C11 7.22.1.3): white space, a sign,
 * then a decimal or 0x hexadecimal significand with an optional exponent,
 * INF or INFINITY, or NAN with an optional (n-char-sequence), any case.
 * The longest valid prefix is taken; "0x" with no digit after it is the
 * number 0 followed by "x", as in glibc.
 */
#include <errno.h>
#include <stdlib.h>
#include "strtod_dec.h"
#include "strtod_parse.h"

/* The limits of one format's decimal inputs. */
struct dec_limits {
	int max_mag;            /* 10^max_mag overflows for sure */
	int min_mag;            /* below 10^min_mag rounds to zero for sure */
	int digits;             /* digits enough to round any input right */
	int words;              /* bigint words enough for those digits */
};

/*
 * A halfway point between two neighbours has at most 113 (float), 768
 * (double) or 11516 (long double) significant digits, so digits past the
 * limit only matter as "something non-zero follows", kept as a last 1.
 */
static const struct dec_limits float_limits   = { 40, -47, 120, 40 };
static const struct dec_limits double_limits  = { 311, -326, 800, 150 };
static const struct dec_limits ldouble_limits = { 4934, -4953, 11600, 2000 };

static int is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Does s start with word (lower case), in any case? */
static int starts(const char *s, const char *word)
{
	for (; *word; s++, word++)
		if (lower(*s) != *word)
			return 0;
	return 1;
}

static int digit_value(char c, int base)
{
	int v = c >= '0' && c <= '9' ? c - '0' : lower(c) >= 'a' && lower(c) <= 'f' ? lower(c) - 'a' + 10 : 99;

	return v < base ? v : -1;
}

/* Skip a significand's digits and point; returns the count of digits. */
static int scan_digits(const char **pp, int base)
{
	const char *p = *pp;
	int n = 0, point = 0;

	for (;; p++) {
		if (digit_value(*p, base) >= 0)
			n++;
		else if (*p == '.' && !point)
			point = 1;
		else
			break;
	}
	*pp = p;
	return n;
}

/* An exponent after e or p, saturating; *pp moves only if it is valid. */
static long scan_exponent(const char **pp, char letter)
{
	const char *p = *pp;
	int neg = 0;
	long v = 0;

	if (lower(*p) != letter)
		return 0;
	p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++)
		if (v < 1000000)
			v = v * 10 + (*p - '0');
	*pp = p;
	return neg ? -v : v;
}

/* nan(seq): glibc reads seq as strtoull(seq, 0) for the payload. */
static uint64_t nan_payload(const char **pp)
{
	const char *p = *pp, *seq;
	uint64_t payload = 0;
	char *end;

	if (*p != '(')
		return 0;
	seq = ++p;
	while ((*p >= '0' && *p <= '9') || (lower(*p) >= 'a' && lower(*p) <= 'z') || *p == '_')
		p++;
	if (*p != ')')
		return 0;
	payload = strtoull(seq, &end, 0);
	if (end != p)
		payload = 0;
	*pp = p + 1;
	return payload;
}

/*
 * A significand's digits, walked once: leading zeros only move the point,
 * the first `limit` significant digits go to add(), the rest only count
 * for the exponent (before the point) or as "something non-zero follows".
 */
struct digit_walk {
	int base;
	int limit;
	void (*add)(struct digit_walk *w, int digit);
	long shift;             /* digits the point moves: the value's scale */
	int taken;              /* digits given to add() */
	int sticky;             /* a non-zero digit past the limit */
};

static void walk_digits(const char *s, struct digit_walk *w)
{
	int point = 0, d;

	for (;; s++) {
		if (*s == '.' && !point) {
			point = 1;
			continue;
		}
		d = digit_value(*s, w->base);
		if (d < 0)
			return;
		if (w->taken == 0 && d == 0) {
			w->shift -= point;
		} else if (w->taken == w->limit) {
			w->sticky |= d != 0;
			w->shift += !point;
		} else {
			w->add(w, d);
			w->taken++;
			w->shift -= point;
		}
	}
}

/* Decimal digits into a bigint, nine at a time. */
struct dec_walk {
	struct digit_walk walk;         /* first, so a walk is a dec_walk */
	struct atxf_big *num;
	uint32_t chunk;
	int chunk_len;
};

static const uint32_t pow10[10] = { 1, 10, 100, 1000, 10000, 100000,
	1000000, 10000000, 100000000, 1000000000 };

static void flush_chunk(struct dec_walk *dw)
{
	atxf_big_mul_small(dw->num, pow10[dw->chunk_len]);
	atxf_big_add_small(dw->num, dw->chunk);
	dw->chunk = 0;
	dw->chunk_len = 0;
}

static void add_decimal(struct digit_walk *w, int d)
{
	struct dec_walk *dw = (struct dec_walk *)w;

	dw->chunk = dw->chunk * 10 + (uint32_t)d;
	if (++dw->chunk_len == 9)
		flush_chunk(dw);
}

/* The decimal digits from s into num; returns the power of ten it carries. */
static long collect_decimal(const char *s, const struct dec_limits *lim,
			    struct atxf_big *num, int *ndigits)
{
	struct dec_walk dw = { .walk = { .base = 10, .limit = lim->digits, .add = add_decimal },
			       .num = num };

	atxf_big_set(num, 0);
	walk_digits(s, &dw.walk);
	flush_chunk(&dw);
	if (dw.walk.sticky) {
		atxf_big_mul_small(num, 10);
		atxf_big_add_small(num, 1);
		dw.walk.taken++;
		dw.walk.shift--;
	}
	*ndigits = dw.walk.taken;
	return dw.walk.shift;
}

static const struct dec_limits *limits_of(const struct atxf_fp_format *fmt)
{
	if (fmt == &atxf_fp_float)
		return &float_limits;
	return fmt == &atxf_fp_double ? &double_limits : &ldouble_limits;
}

static int convert_decimal(const char *digits, long exp, int neg,
			   const struct atxf_fp_format *fmt, union atxf_fp_out *out)
{
	const struct dec_limits *lim = limits_of(fmt);
	uint32_t store[3 * lim->words];
	struct atxf_big num = { store, 0, lim->words };
	struct atxf_big den = { store + lim->words, 0, lim->words };
	struct atxf_big tmp = { store + 2 * lim->words, 0, lim->words };
	int ndigits;
	long e10 = exp + collect_decimal(digits, lim, &num, &ndigits);

	if (ndigits == 0)
		return atxf_fp_pack(fmt, neg, 0, 0, ATXF_REST_ZERO, out);
	if (e10 + ndigits > lim->max_mag) {
		atxf_fp_store_inf(fmt, neg, out);
		return ERANGE;
	}
	if (e10 + ndigits < lim->min_mag)
		return atxf_fp_pack(fmt, neg, 0, 0, ATXF_REST_LOW, out);
	return atxf_dec_to_bin(fmt, neg, &num, (int)e10, &den, &tmp, out);
}

/* Hex digits into 128 bits. */
struct hex_walk {
	struct digit_walk walk;         /* first, so a walk is a hex_walk */
	unsigned __int128 m;
};

static void add_hex(struct digit_walk *w, int d)
{
	struct hex_walk *hw = (struct hex_walk *)w;

	hw->m = hw->m << 4 | (unsigned)d;
}

/* Hex digits: the first 30 exactly (120 bits), the rest as a sticky bit. */
static int convert_hex(const char *s, long exp, int neg,
		       const struct atxf_fp_format *fmt, union atxf_fp_out *out)
{
	struct hex_walk hw = { .walk = { .base = 16, .limit = 30, .add = add_hex } };
	long e2;

	walk_digits(s, &hw.walk);
	e2 = exp + 4 * hw.walk.shift;
	/* Keep the exponent in int range; past it the result is 0 or inf. */
	if (e2 > 100000)
		e2 = 100000;
	if (e2 < -100000)
		e2 = -100000;
	return atxf_fp_pack(fmt, neg, hw.m, (int)e2,
			    hw.walk.sticky ? ATXF_REST_LOW : ATXF_REST_ZERO, out);
}

int atxf_strtofp(const char *s, char **end, const struct atxf_fp_format *fmt,
		 union atxf_fp_out *out)
{
	const char *p = s, *digits;
	int neg = 0, hex, err;
	long exp;

	while (is_space(*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (starts(p, "inf")) {
		p += starts(p, "infinity") ? 8 : 3;
		atxf_fp_store_inf(fmt, neg, out);
		err = 0;
	} else if (starts(p, "nan")) {
		p += 3;
		atxf_fp_store_nan(fmt, neg, nan_payload(&p), out);
		err = 0;
	} else {
		hex = p[0] == '0' && lower(p[1]) == 'x';
		digits = p + 2 * hex;
		if (scan_digits(&digits, hex ? 16 : 10) == 0) {
			if (!hex) {
				p = s;          /* no number at all */
				atxf_fp_pack(fmt, 0, 0, 0, ATXF_REST_ZERO, out);
				err = 0;
				goto done;
			}
			digits = p + 1;         /* "0x": the 0 alone */
			hex = 0;
		}
		exp = scan_exponent(&digits, hex ? 'p' : 'e');
		err = hex ? convert_hex(p + 2, exp, neg, fmt, out)
			  : convert_decimal(p, exp, neg, fmt, out);
		p = digits;
	}
done:
	if (end)
		*end = (char *)p;
	return err;
}
