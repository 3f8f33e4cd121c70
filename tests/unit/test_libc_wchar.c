/*
 * UTF-8 and the wide functions as shipped (renamed tlibc_*), against glibc
 * in its C.UTF-8 locale: wcrtomb for every code point, mbrtowc on a million
 * seeded random byte strings (valid, broken and cut short, fed whole and a
 * byte at a time), the string conversions, <wctype.h> below 128, locale.
 *
 * Where glibc goes beyond Unicode the libc does not follow, on purpose
 * (RFC 3629, docs/libc.md): glibc encodes and decodes values above
 * U+10FFFF (up to six bytes), which the libc refuses; and glibc reports a
 * sequence that can only end badly (E0 80, F5, ...) as incomplete until
 * its last byte, where the libc says EILSEQ at the first byte that rules
 * out every Unicode scalar. The comparison checks each such case: glibc
 * must reject the sequence too, or decode it above U+10FFFF, once it is
 * completed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include "test_libc.h"
#include "test_libc_posix.h"

#define RANDOM_STRINGS 1000000
#define BAD     ((size_t)-1)
#define PARTIAL ((size_t)-2)

static int utf8_locale(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		fail_msg("the host has no C.UTF-8 locale to compare with");
	return 0;
}

static void test_wcrtomb_every_code_point(void **state)
{
	(void)state;
	for (unsigned c = 0; c <= 0x10ffff; c++) {
		char ours[8], glibc[8];
		TLIBC_MBSTATE st = { 0 };
		mbstate_t gst = { 0 };
		size_t a = tlibc_wcrtomb(ours, (wchar_t)c, &st), b = wcrtomb(glibc, (wchar_t)c, &gst);

		if (a != b || (a != BAD && memcmp(ours, glibc, a)))
			fail_msg("wcrtomb(U+%04X): %zd, glibc %zd", c, (ssize_t)a, (ssize_t)b);
	}
	for (unsigned c = 0x110000; c < 0x120000; c += 0x1111) {
		char buf[8];

		assert_int_equal(tlibc_wcrtomb(buf, (wchar_t)c, NULL), BAD);
		assert_int_equal(tlibc_errno, EILSEQ);
	}
}

/* glibc's verdict on bytes[0..n) completed with continuation bytes: 1 when
 * it rejects them or decodes them above U+10FFFF. */
static int glibc_rejects_completed(const char *bytes, size_t n)
{
	char buf[16];
	mbstate_t st = { 0 };
	wchar_t w = 0;
	size_t r;

	memcpy(buf, bytes, n);
	memset(buf + n, 0x80, 6);
	r = mbrtowc(&w, buf, n + 6, &st);
	return r == BAD || (unsigned)w > 0x10ffff;
}

/* ours and glibc agree on one mbrtowc call, as the header says they must;
 * start..end is the character so far. Returns 0 once decoding must stop. */
static int agree(size_t a, wchar_t wa, size_t b, wchar_t wb, const char *start,
		 const char *end)
{
	if (b == BAD || (b != PARTIAL && (unsigned)wb > 0x10ffff))
		return a == BAD ? 0 : -1;
	if (b == PARTIAL && a == BAD)
		return glibc_rejects_completed(start, (size_t)(end - start)) ? 0 : -1;
	if (a != b || (a != PARTIAL && wa != wb))
		return -1;
	return 1;
}

/* Bytes a decoder meets: ASCII, continuation bytes, every lead byte, the
 * edge bytes of RFC 3629's table, and noise. */
static unsigned char random_byte(uint64_t *s)
{
	static const unsigned char edges[] = {
		0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2,
		0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
	};

	if (rng_below(s, 2))
		return edges[rng_below(s, sizeof(edges))];
	return (unsigned char)rng_below(s, 256);
}

/* Decodes buf[0..n) whole-call by call with both, comparing each result. */
static void compare_decode(const char *buf, size_t n, int bytewise)
{
	TLIBC_MBSTATE st = { 0 };
	mbstate_t gst = { 0 };
	size_t pos = 0, char_start = 0;

	while (pos < n) {
		size_t len = bytewise ? 1 : n - pos;
		wchar_t wa = -1, wb = -1;
		size_t a = tlibc_mbrtowc(&wa, buf + pos, len, &st);
		size_t b = mbrtowc(&wb, buf + pos, len, &gst);
		int verdict = agree(a, wa, b, wb, buf + char_start, buf + pos + len);

		if (verdict < 0)
			fail_msg("mbrtowc at %zu of %zu (%s): %zd U+%04X, glibc %zd U+%04X", pos, n,
				 bytewise ? "bytewise" : "whole", (ssize_t)a, (unsigned)wa,
				 (ssize_t)b, (unsigned)wb);
		if (verdict == 0)
			return;
		pos += a == PARTIAL ? len : a ? a : 1;
		if (a != PARTIAL)
			char_start = pos;
	}
}

static void test_mbrtowc_random(void **state)
{
	uint64_t s = libc_test_seed();

	(void)state;
	for (int i = 0; i < RANDOM_STRINGS; i++) {
		char buf[8];
		size_t n = 1 + rng_below(&s, sizeof(buf));

		for (size_t k = 0; k < n; k++)
			buf[k] = (char)random_byte(&s);
		compare_decode(buf, n, (int)(i & 1));
	}
}

static void test_string_conversions(void **state)
{
	static const char text[] = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80!";
	wchar_t w[16], gw[16];
	char back[32];

	(void)state;
	assert_int_equal(tlibc_mbstowcs(w, text, 16), mbstowcs(gw, text, 16));
	assert_memory_equal(w, gw, 10 * sizeof(wchar_t));       /* 9 and the NUL */
	assert_int_equal(tlibc_mbstowcs(NULL, text, 0), 9);
	assert_int_equal(tlibc_wcstombs(back, w, sizeof(back)), strlen(text));
	assert_string_equal(back, text);
	assert_int_equal(tlibc_wcstombs(back, w, 4), 3);       /* é would not fit */
	assert_int_equal(tlibc_wcstombs(NULL, w, 0), strlen(text));
	errno = 0;
	assert_int_equal(tlibc_mbstowcs(w, "a\xc3(", 16), BAD);
	assert_int_equal(tlibc_errno, EILSEQ);
	assert_int_equal(tlibc_mbtowc(NULL, NULL, 0), 0);       /* no shift states */
	assert_int_equal(tlibc_mbtowc(w, "\xe2\x82", 2), -1);   /* incomplete */
	assert_int_equal(tlibc_wctomb(back, 0x20ac), 3);
	assert_int_equal(tlibc_mbsinit(NULL), 1);
}

static void test_wide_strings(void **state)
{
	wchar_t buf[8];

	(void)state;
	assert_int_equal(tlibc_wcslen(L"h\u00e9llo"), 5);
	assert_true(tlibc_wcscmp(L"abc", L"abd") < 0);
	assert_true(tlibc_wcscmp(L"\u20ac", L"a") > 0);
	{
		static const wchar_t abc[] = L"abc";

		assert_ptr_equal(tlibc_wcschr(abc, L'c'), abc + 2);
		assert_ptr_equal(tlibc_wcschr(abc, 0), abc + 3);
	}
	assert_null(tlibc_wcsstr(L"hello", L"lx"));
	tlibc_wcsncpy(buf, L"ab", 5);
	assert_int_equal(buf[1], L'b');
	assert_int_equal(buf[4], 0);
	wcscpy(buf, L"abcdef");
	tlibc_wmemmove(buf + 1, buf, 5);
	assert_true(!wcscmp(buf, L"aabcde"));
	wcscpy(buf, L"ab");
	assert_true(!wcscmp(tlibc_wcscat(buf, L"cd"), L"abcd"));
	assert_true(!wcscmp(tlibc_wcsncat(buf, L"efgh", 2), L"abcdef"));
	assert_int_equal(tlibc_wcsnlen(buf, 3), 3);
	assert_int_equal(tlibc_wcsnlen(buf, 10), 6);
}

static void test_wctype_ascii(void **state)
{
	(void)state;
	for (wint_t c = 0; c < 128; c++) {
		assert_int_equal(!!tlibc_iswalpha(c), !!iswalpha(c));
		assert_int_equal(!!tlibc_iswspace(c), !!iswspace(c));
		assert_int_equal(!!tlibc_iswpunct(c), !!iswpunct(c));
		assert_int_equal(!!tlibc_iswxdigit(c), !!iswxdigit(c));
		assert_int_equal(tlibc_towupper(c), towupper(c));
		assert_int_equal(!!tlibc_iswctype(c, tlibc_wctype("digit")), c >= '0' && c <= '9');
	}
	assert_int_equal(tlibc_wctype("nonsense"), 0);
	assert_false(tlibc_iswalpha(0xe9));                     /* documented: ASCII only */
	assert_int_equal(tlibc_towupper(0xe9), 0xe9);
}

static void test_locale(void **state)
{
	(void)state;
	assert_string_equal(tlibc_setlocale(LC_ALL, NULL), "C");
	assert_string_equal(tlibc_setlocale(LC_ALL, ""), "C");
	assert_string_equal(tlibc_setlocale(LC_CTYPE, "C.UTF-8"), "C.UTF-8");
	assert_string_equal(tlibc_setlocale(LC_CTYPE, NULL), "C.UTF-8");
	assert_string_equal(tlibc_setlocale(LC_NUMERIC, NULL), "C");
	assert_null(tlibc_setlocale(LC_ALL, "de_DE.UTF-8"));
	assert_string_equal(tlibc_setlocale(LC_CTYPE, NULL), "C.UTF-8");   /* unchanged */
	assert_null(tlibc_setlocale(99, "C"));
	assert_string_equal(tlibc_localeconv()->decimal_point, ".");
	assert_int_equal(tlibc_localeconv()->frac_digits, CHAR_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wcrtomb_every_code_point),
		cmocka_unit_test(test_mbrtowc_random),
		cmocka_unit_test(test_string_conversions),
		cmocka_unit_test(test_wide_strings),
		cmocka_unit_test(test_wctype_ascii),
		cmocka_unit_test(test_locale),
	};

	return cmocka_run_group_tests_name("libc wchar", tests, utf8_locale, NULL);
}
