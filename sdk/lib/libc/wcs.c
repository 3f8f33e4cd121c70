/* Wide string and memory functions (C11 7.29.4): <string.h>'s, one wchar_t
 * (a code point) at a time. Collation is code point order (the C locale). */
#include <wchar.h>

size_t wcsnlen(const wchar_t *s, size_t max)
{
	const wchar_t *end = wmemchr(s, 0, max);

	return end ? (size_t)(end - s) : max;
}

size_t wcslen(const wchar_t *s)
{
	return wcsnlen(s, (size_t)-1);
}

int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n)
{
	for (; n > 0; a++, b++, n--) {
		if (*a != *b)
			return *a < *b ? -1 : 1;
		if (*a == 0)
			return 0;
	}
	return 0;
}

int wcscmp(const wchar_t *a, const wchar_t *b)
{
	return wcsncmp(a, b, (size_t)-1);
}

int wcscoll(const wchar_t *a, const wchar_t *b)
{
	return wcscmp(a, b);
}

wchar_t *wcscpy(wchar_t *restrict dst, const wchar_t *restrict src)
{
	wchar_t *d = dst;

	while ((*d++ = *src++) != 0)
		;
	return dst;
}

/* Pads with NULs to n, as strncpy does. */
wchar_t *wcsncpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n)
{
	size_t len = wcsnlen(src, n);

	wmemcpy(dst, src, len);
	wmemset(dst + len, 0, n - len);
	return dst;
}

/* At most n of src, always followed by a NUL. */
wchar_t *wcsncat(wchar_t *restrict dst, const wchar_t *restrict src, size_t n)
{
	wchar_t *end = dst + wcslen(dst);
	size_t len = wcsnlen(src, n);

	wmemcpy(end, src, len)[len] = 0;
	return dst;
}

wchar_t *wcscat(wchar_t *restrict dst, const wchar_t *restrict src)
{
	return wcsncat(dst, src, (size_t)-1);
}

wchar_t *wcschr(const wchar_t *s, wchar_t c)
{
	for (;; s++) {
		if (*s == c)
			return (wchar_t *)s;
		if (*s == 0)
			return NULL;
	}
}

wchar_t *wcsrchr(const wchar_t *s, wchar_t c)
{
	const wchar_t *last = NULL;

	for (;; s++) {
		if (*s == c)
			last = s;
		if (*s == 0)
			return (wchar_t *)last;
	}
}

static int in_set(wchar_t c, const wchar_t *set)
{
	for (; *set; set++)
		if (*set == c)
			return 1;
	return 0;
}

size_t wcsspn(const wchar_t *s, const wchar_t *accept)
{
	size_t n = 0;

	while (s[n] && in_set(s[n], accept))
		n++;
	return n;
}

size_t wcscspn(const wchar_t *s, const wchar_t *reject)
{
	size_t n = 0;

	while (s[n] && !in_set(s[n], reject))
		n++;
	return n;
}

wchar_t *wcspbrk(const wchar_t *s, const wchar_t *accept)
{
	s += wcscspn(s, accept);
	return *s ? (wchar_t *)s : NULL;
}

wchar_t *wcsstr(const wchar_t *haystack, const wchar_t *needle)
{
	size_t n = wcslen(needle);

	for (; *haystack; haystack++)
		if (wmemcmp(haystack, needle, n) == 0)
			return (wchar_t *)haystack;
	return n == 0 ? (wchar_t *)haystack : NULL;
}

wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n)
{
	for (; n > 0; s++, n--)
		if (*s == c)
			return (wchar_t *)s;
	return NULL;
}

int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n)
{
	for (; n > 0; a++, b++, n--)
		if (*a != *b)
			return *a < *b ? -1 : 1;
	return 0;
}

wchar_t *wmemcpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = src[i];
	return dst;
}

wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n)
{
	if (dst < src)
		return wmemcpy(dst, src, n);
	while (n-- > 0)
		dst[n] = src[n];
	return dst;
}

wchar_t *wmemset(wchar_t *s, wchar_t c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		s[i] = c;
	return s;
}
