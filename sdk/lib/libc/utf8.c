/*
 * Multibyte conversions in UTF-8 (C11 7.29.6 and 7.22.7-8): the only
 * encoding ATXF programs have, in "C" and "C.UTF-8" alike (locale.c).
 * Strictly RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF; a bad byte is EILSEQ the moment it is seen, as in glibc.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#define BAD     ((size_t)-1)    /* EILSEQ */
#define PARTIAL ((size_t)-2)    /* n bytes were a valid start, not a whole character */

static size_t fail(mbstate_t *ps)
{
	*ps = (mbstate_t){ 0 };
	errno = EILSEQ;
	return BAD;
}

/* Sets up *ps for the lead byte b (>= 0x80); 0 when b cannot start one. */
static int lead(mbstate_t *ps, unsigned b)
{
	ps->lo = 0x80;
	ps->hi = 0xbf;
	if (b >= 0xc2 && b <= 0xdf) {
		ps->wc = b & 0x1f;
		ps->left = 1;
	} else if (b >= 0xe0 && b <= 0xef) {
		ps->wc = b & 0x0f;
		ps->left = 2;
		ps->lo = b == 0xe0 ? 0xa0 : 0x80;       /* not overlong */
		ps->hi = b == 0xed ? 0x9f : 0xbf;       /* not a surrogate */
	} else if (b >= 0xf0 && b <= 0xf4) {
		ps->wc = b & 0x07;
		ps->left = 3;
		ps->lo = b == 0xf0 ? 0x90 : 0x80;       /* not overlong */
		ps->hi = b == 0xf4 ? 0x8f : 0xbf;       /* not above U+10FFFF */
	} else {
		return 0;
	}
	return 1;
}

size_t mbrtowc(wchar_t *restrict pwc, const char *restrict s, size_t n, mbstate_t *restrict ps)
{
	static mbstate_t own;
	size_t used = 0;

	if (!ps)
		ps = &own;
	if (!s) {
		pwc = NULL;
		s = "";
		n = 1;
	}
	while (used < n) {
		unsigned b = (unsigned char)s[used++];

		if (ps->left == 0) {
			if (b < 0x80) {
				if (pwc)
					*pwc = (wchar_t)b;
				return b ? used : 0;
			}
			if (!lead(ps, b))
				return fail(ps);
			continue;
		}
		if (b < ps->lo || b > ps->hi)
			return fail(ps);
		ps->wc = ps->wc << 6 | (b & 0x3f);
		ps->lo = 0x80;
		ps->hi = 0xbf;
		if (--ps->left == 0) {
			if (pwc)
				*pwc = (wchar_t)ps->wc;
			return used;
		}
	}
	return PARTIAL;
}

size_t mbrlen(const char *restrict s, size_t n, mbstate_t *restrict ps)
{
	static mbstate_t own;

	return mbrtowc(NULL, s, n, ps ? ps : &own);
}

size_t wcrtomb(char *restrict s, wchar_t wc, mbstate_t *restrict ps)
{
	unsigned c = (unsigned)wc;
	static mbstate_t own;

	if (!ps)
		ps = &own;
	if (!s)
		return 1;                               /* the reset sequence: one NUL */
	if (c < 0x80) {
		s[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		s[0] = (char)(0xc0 | c >> 6);
		s[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return fail(ps);
	if (c < 0x10000) {
		s[0] = (char)(0xe0 | c >> 12);
		s[1] = (char)(0x80 | (c >> 6 & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	s[0] = (char)(0xf0 | c >> 18);
	s[1] = (char)(0x80 | (c >> 12 & 0x3f));
	s[2] = (char)(0x80 | (c >> 6 & 0x3f));
	s[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

int mbsinit(const mbstate_t *ps)
{
	return !ps || ps->left == 0;
}

wint_t btowc(int c)
{
	return c >= 0 && c < 0x80 ? (wint_t)c : WEOF;
}

int wctob(wint_t wc)
{
	return wc < 0x80 ? (int)wc : EOF;
}

/* C11 7.29.6.4.1: stops at the NUL (and sets *src to NULL), at a bad
 * sequence, or when len wide characters are stored. */
size_t mbsrtowcs(wchar_t *restrict dst, const char **restrict src, size_t len,
		 mbstate_t *restrict ps)
{
	static mbstate_t own;
	const char *s = *src;
	size_t count = 0;

	if (!ps)
		ps = &own;
	while (!dst || count < len) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, 4, ps);

		if (k == BAD || k == PARTIAL) {
			if (dst)
				*src = s;
			if (k == PARTIAL)               /* a NUL came inside a character */
				return fail(ps);
			return BAD;
		}
		if (dst)
			dst[count] = wc;
		if (k == 0) {
			if (dst)
				*src = NULL;
			return count;
		}
		s += k;
		count++;
	}
	*src = s;
	return count;
}

/* C11 7.29.6.4.2: stops before a character that would not fit in len bytes. */
size_t wcsrtombs(char *restrict dst, const wchar_t **restrict src, size_t len,
		 mbstate_t *restrict ps)
{
	const wchar_t *w = *src;
	size_t count = 0;
	char buf[4];

	for (;; w++) {
		size_t k = wcrtomb(buf, *w, ps);

		if (k == BAD) {
			if (dst)
				*src = w;
			return BAD;
		}
		if (dst && count + k > len) {
			*src = w;
			return count;
		}
		if (dst)
			for (size_t i = 0; i < k; i++)
				dst[count + i] = buf[i];
		if (*w == 0) {
			if (dst)
				*src = NULL;
			return count;
		}
		count += k;
	}
}

int mbtowc(wchar_t *restrict pwc, const char *restrict s, size_t n)
{
	mbstate_t st = { 0 };
	size_t k;

	if (!s)
		return 0;                       /* UTF-8 has no shift states */
	k = mbrtowc(pwc, s, n, &st);
	if (k == PARTIAL) {
		errno = EILSEQ;
		return -1;
	}
	return k == BAD ? -1 : (int)k;
}

int mblen(const char *s, size_t n)
{
	return mbtowc(NULL, s, n);
}

int wctomb(char *s, wchar_t wc)
{
	mbstate_t st = { 0 };

	if (!s)
		return 0;
	return (int)wcrtomb(s, wc, &st);
}

size_t mbstowcs(wchar_t *restrict dst, const char *restrict src, size_t n)
{
	mbstate_t st = { 0 };
	const char *s = src;

	return mbsrtowcs(dst, &s, n, &st);
}

size_t wcstombs(char *restrict dst, const wchar_t *restrict src, size_t n)
{
	mbstate_t st = { 0 };
	const wchar_t *w = src;

	return wcsrtombs(dst, &w, n, &st);
}
