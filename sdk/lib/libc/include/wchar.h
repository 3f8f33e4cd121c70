/*
 * <wchar.h> for ATXF programs: the multibyte conversions (always UTF-8,
 * whatever setlocale() was told: sdk/lib/libc/utf8.c) and the wide string
 * and memory functions (wcs.c). wchar_t holds a Unicode code point. There
 * is no wide stdio (fwprintf, fgetwc) and no wcstol/wcstod family yet.
 */
#ifndef _ATXF_WCHAR_H
#define _ATXF_WCHAR_H

#include <bits/target.h>

#include <stddef.h>

typedef unsigned int wint_t;
#define WEOF ((wint_t)0xffffffffu)
#ifndef WCHAR_MIN
#define WCHAR_MIN __WCHAR_MIN__
#define WCHAR_MAX __WCHAR_MAX__
#endif

/* A conversion in progress: the code point so far, how many continuation
 * bytes are still owed and the range the next one must fall in (which
 * refuses overlong forms and surrogates at the first wrong byte). */
typedef struct {
	unsigned wc;
	unsigned char left;
	unsigned char lo, hi;
} mbstate_t;

wint_t btowc(int c);
int wctob(wint_t wc);
int mbsinit(const mbstate_t *ps);
size_t mbrlen(const char *restrict s, size_t n, mbstate_t *restrict ps);
size_t mbrtowc(wchar_t *restrict pwc, const char *restrict s, size_t n, mbstate_t *restrict ps);
size_t wcrtomb(char *restrict s, wchar_t wc, mbstate_t *restrict ps);
size_t mbsrtowcs(wchar_t *restrict dst, const char **restrict src, size_t len,
		 mbstate_t *restrict ps);
size_t wcsrtombs(char *restrict dst, const wchar_t **restrict src, size_t len,
		 mbstate_t *restrict ps);

size_t wcslen(const wchar_t *s);
size_t wcsnlen(const wchar_t *s, size_t max);
int wcscmp(const wchar_t *a, const wchar_t *b);
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
int wcscoll(const wchar_t *a, const wchar_t *b);
wchar_t *wcscpy(wchar_t *restrict dst, const wchar_t *restrict src);
wchar_t *wcsncpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n);
wchar_t *wcscat(wchar_t *restrict dst, const wchar_t *restrict src);
wchar_t *wcsncat(wchar_t *restrict dst, const wchar_t *restrict src, size_t n);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wcsrchr(const wchar_t *s, wchar_t c);
size_t wcsspn(const wchar_t *s, const wchar_t *accept);
size_t wcscspn(const wchar_t *s, const wchar_t *reject);
wchar_t *wcspbrk(const wchar_t *s, const wchar_t *accept);
wchar_t *wcsstr(const wchar_t *haystack, const wchar_t *needle);
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n);
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wmemcpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n);
wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *wmemset(wchar_t *s, wchar_t c, size_t n);

#endif /* _ATXF_WCHAR_H */
