/*
 * The text of a scanf number (C11 7.21.6.2p9: the longest sequence that
 * is, or begins, a valid number). What was read is consumed even if it
 * turns out not to be a number: a source can push back one character only.
 * Past SCAN_TOKEN_MAX significant digits a number is kept short without
 * changing how it rounds: further digits only count for the exponent, or
 * as "something non-zero follows".
 */
#include "scan_token.h"

int atxf_scan_next(struct scan_cursor *c)
{
	int ch;

	if (c->left <= 0)
		return -1;
	ch = c->in->get(c->in);
	if (ch < 0)
		return -1;
	c->left--;
	(*c->count)++;
	return ch;
}

void atxf_scan_back(struct scan_cursor *c, int ch)
{
	if (ch < 0)
		return;
	c->in->unget(c->in, ch);
	c->left++;
	(*c->count)--;
}

static void put(struct scan_token *t, char ch)
{
	t->text[t->len++] = ch;
	t->text[t->len] = '\0';
}

static int lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

static int digit_value(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = lower(ch);
	return ch >= 'a' && ch <= 'z' ? ch - 'a' + 10 : 99;
}

/* A sign, if there is one; returns the next character. */
static int take_sign(struct scan_cursor *c, struct scan_token *t)
{
	int ch = atxf_scan_next(c);

	if (ch == '+' || ch == '-') {
		put(t, (char)ch);
		ch = atxf_scan_next(c);
	}
	return ch;
}

int atxf_scan_integer(struct scan_cursor *c, int base, struct scan_token *t)
{
	int digits = 0, zeros_only = 1;
	int ch;

	t->len = 0;
	t->text[0] = '\0';
	ch = take_sign(c, t);
	if ((base == 0 || base == 16) && ch == '0') {
		put(t, '0');
		digits = 1;
		ch = atxf_scan_next(c);
		if (lower(ch) == 'x') {
			put(t, 'x');
			ch = atxf_scan_next(c);
			base = 16;
		} else if (base == 0) {
			base = 8;
		}
	}
	if (base == 0)
		base = 10;
	for (; digit_value(ch) < base; ch = atxf_scan_next(c)) {
		/* Leading zeros say nothing; a number this long saturates anyway. */
		if ((zeros_only && ch == '0' && digits > 0) || t->len >= SCAN_TOKEN_MAX) {
			digits++;
			continue;
		}
		zeros_only &= ch == '0';
		put(t, (char)ch);
		digits++;
	}
	atxf_scan_back(c, ch);
	return digits > 0;
}

/* Match the rest of word (lower case) after its first letter. */
static int match_word(struct scan_cursor *c, struct scan_token *t, const char *word)
{
	for (const char *w = word + 1; *w; w++) {
		int ch = atxf_scan_next(c);

		if (lower(ch) != *w) {
			atxf_scan_back(c, ch);
			return 0;
		}
	}
	for (; *word; word++)
		put(t, *word);
	return 1;
}

/* inf, infinity or nan, its first letter already read. glibc reads no
 * (n-char-sequence) after nan in scanf, and neither do we. */
static int scan_word(struct scan_cursor *c, struct scan_token *t, int first)
{
	int ch;

	if (lower(first) == 'n')
		return match_word(c, t, "nan");
	if (!match_word(c, t, "inf"))
		return 0;
	ch = atxf_scan_next(c);
	if (lower(ch) != 'i') {
		atxf_scan_back(c, ch);
		return 1;
	}
	return match_word(c, t, "inity");   /* its first i is read already */
}

/* The significand's digits and point; returns the next character. */
struct mantissa {
	int base;
	int digits;             /* significand digits seen */
	int stored;             /* of those, kept in the token */
	int point;              /* a point was seen */
	long extra;             /* integer digits dropped (they scale the value) */
	int sticky;             /* a non-zero digit was dropped */
};

static int scan_mantissa(struct scan_cursor *c, struct scan_token *t, struct mantissa *m, int ch)
{
	for (;; ch = atxf_scan_next(c)) {
		if (ch == '.' && !m->point) {
			m->point = 1;
			put(t, '.');
			continue;
		}
		if (digit_value(ch) >= m->base)
			return ch;
		m->digits++;
		if (!m->stored && ch == '0') {
			m->extra -= m->point;   /* a leading zero only moves the point */
			continue;
		}
		if (t->len < SCAN_TOKEN_MAX) {
			put(t, (char)ch);
			m->stored++;
			continue;
		}
		m->sticky |= ch != '0';
		m->extra += !m->point;
	}
}

/* An exponent after e or p; *exp is left alone if no digit follows. */
static int scan_exponent(struct scan_cursor *c, long *exp, int ch)
{
	int neg = 0, any = 0;
	long v = 0;

	ch = atxf_scan_next(c);
	if (ch == '+' || ch == '-') {
		neg = ch == '-';
		ch = atxf_scan_next(c);
	}
	for (; ch >= '0' && ch <= '9'; ch = atxf_scan_next(c)) {
		any = 1;
		if (v < 100000000)
			v = v * 10 + (ch - '0');
	}
	if (any)
		*exp = neg ? -v : v;
	return ch;
}

/* Append "e<exp>" or "p<exp>" in decimal. */
static void put_exponent(struct scan_token *t, char letter, long exp)
{
	char digits[24];
	int n = 0;
	unsigned long v = exp < 0 ? 0ul - (unsigned long)exp : (unsigned long)exp;

	put(t, letter);
	if (exp < 0)
		put(t, '-');
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	while (n > 0)
		put(t, digits[--n]);
}

int atxf_scan_float(struct scan_cursor *c, struct scan_token *t)
{
	struct mantissa m = { .base = 10 };
	long exp = 0;
	int ch;

	t->len = 0;
	t->text[0] = '\0';
	ch = take_sign(c, t);
	if (lower(ch) == 'i' || lower(ch) == 'n')
		return scan_word(c, t, ch);
	if (ch == '0') {
		ch = atxf_scan_next(c);
		if (lower(ch) == 'x') {
			put(t, '0');
			put(t, 'x');
			ch = atxf_scan_next(c);
			m.base = 16;
		} else {
			m.digits = 1;           /* a leading zero, as in "0.5" */
		}
	}
	ch = scan_mantissa(c, t, &m, ch);
	if (m.digits > 0 && lower(ch) == (m.base == 16 ? 'p' : 'e'))
		ch = scan_exponent(c, &exp, ch);
	atxf_scan_back(c, ch);
	if (m.digits == 0)
		return 0;
	if (!m.stored)
		put(t, '0');
	if (m.sticky) {
		if (!m.point)
			put(t, '.');
		put(t, '1');
	}
	put_exponent(t, m.base == 16 ? 'p' : 'e', exp + (m.base == 16 ? 4 : 1) * m.extra);
	return 1;
}
