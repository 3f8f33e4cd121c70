/*
 * <string.h> and <strings.h> as shipped (target objects, renamed tlibc_*):
 * the memory functions against a byte-by-byte reference for every
 * alignment, length and overlap, and the string functions on their edge
 * cases (empty strings, bytes above 127, NUL, truncation, tokenizing).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "test_libc.h"

#define AREA 192

static unsigned char src[AREA], dst[AREA], ref[AREA];

static void scramble(uint64_t *rng)
{
	for (int i = 0; i < AREA; i++) {
		src[i] = (unsigned char)rng_next(rng);
		dst[i] = ref[i] = (unsigned char)rng_next(rng);
	}
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

/* Every destination/source alignment and every length up to 64. */
static void test_memcpy_and_memset(void **state)
{
	uint64_t rng = 1;

	(void)state;
	for (int d = 0; d < 16; d++)
		for (int s = 0; s < 16; s++)
			for (int n = 0; n <= 64; n++) {
				scramble(&rng);
				for (int i = 0; i < n; i++)
					ref[d + i] = src[s + i];
				assert_ptr_equal(tlibc_memcpy(dst + d, src + s, n), dst + d);
				assert_memory_equal(dst, ref, AREA);
			}
	for (int d = 0; d < 16; d++)
		for (int n = 0; n <= 80; n++) {
			scramble(&rng);
			memset(ref + d, 0x80 | n, n);
			assert_ptr_equal(tlibc_memset(dst + d, 0x80 | n | 0x100, n), dst + d);
			assert_memory_equal(dst, ref, AREA);
		}
}

/* memmove within one buffer, both directions, every overlap. */
static void test_memmove_overlap(void **state)
{
	uint64_t rng = 2;

	(void)state;
	for (int d = 0; d < 40; d++)
		for (int s = 0; s < 40; s++)
			for (int n = 0; n <= 100; n += 1 + n / 8) {
				unsigned char tmp[AREA];

				scramble(&rng);
				memcpy(ref, dst, AREA);
				memcpy(tmp, dst + s, n);
				memcpy(ref + d, tmp, n);
				assert_ptr_equal(tlibc_memmove(dst + d, dst + s, n), dst + d);
				assert_memory_equal(dst, ref, AREA);
			}
}

static void test_memcmp_and_memchr(void **state)
{
	(void)state;
	assert_int_equal(tlibc_memcmp("abc", "abd", 3) < 0, 1);
	assert_int_equal(tlibc_memcmp("abd", "abc", 3) > 0, 1);
	assert_int_equal(tlibc_memcmp("abc", "abd", 2), 0);
	assert_int_equal(tlibc_memcmp("a", "b", 0), 0);
	assert_true(tlibc_memcmp("\x80", "\x7f", 1) > 0);   /* bytes are unsigned */
	assert_int_equal(tlibc_memcmp("ab\0x", "ab\0y", 4) < 0, 1);  /* NUL is not the end */
	const char hay[] = "find\0the \xe9 here";
	assert_ptr_equal(tlibc_memchr(hay, 't', sizeof(hay)), hay + 5);
	assert_ptr_equal(tlibc_memchr(hay, 0xe9, sizeof(hay)), hay + 9);
	assert_ptr_equal(tlibc_memchr(hay, 0x100 | 'f', sizeof(hay)), hay);
	assert_ptr_equal(tlibc_memchr(hay, '\0', sizeof(hay)), hay + 4);
	assert_null(tlibc_memchr(hay, 't', 5));
	assert_null(tlibc_memchr(hay, 'z', sizeof(hay)));
}

static void test_length_and_compare(void **state)
{
	(void)state;
	assert_int_equal(tlibc_strlen(""), 0);
	assert_int_equal(tlibc_strlen("hello"), 5);
	assert_int_equal(tlibc_strnlen("hello", 3), 3);
	assert_int_equal(tlibc_strnlen("hello", 99), 5);
	assert_int_equal(tlibc_strnlen("", 0), 0);
	assert_int_equal(tlibc_strcmp("", ""), 0);
	assert_int_equal(tlibc_strcmp("abc", "abc"), 0);
	assert_true(tlibc_strcmp("abc", "abd") < 0);
	assert_true(tlibc_strcmp("ab", "abc") < 0);
	assert_true(tlibc_strcmp("abc", "ab") > 0);
	assert_true(tlibc_strcmp("\xe9", "e") > 0);          /* unsigned char */
	assert_int_equal(tlibc_strncmp("abcX", "abcY", 3), 0);
	assert_true(tlibc_strncmp("abcX", "abcY", 4) < 0);
	assert_int_equal(tlibc_strncmp("ab", "ab", 100), 0);  /* stops at the NUL */
	assert_int_equal(tlibc_strncmp("a", "b", 0), 0);
	assert_true(tlibc_strncmp("\x80", "\x01", 1) > 0);
}

/* The sign of every comparison agrees with glibc's on random strings. */
static void test_compare_random(void **state)
{
	uint64_t rng = libc_test_seed();

	(void)state;
	for (int i = 0; i < 20000; i++) {
		char a[8] = { 0 }, b[8] = { 0 };
		size_t n = rng_below(&rng, 9);

		for (int k = 0; k < 7; k++) {
			/* A small alphabet, so that long common prefixes happen. */
			a[k] = "ab\xe9\x7f"[rng_below(&rng, 4)];
			b[k] = rng_below(&rng, 4) ? a[k] : "ab\xe9\x7f"[rng_below(&rng, 4)];
		}
		a[rng_below(&rng, 8)] = '\0';
		b[rng_below(&rng, 8)] = '\0';
		assert_int_equal(sign(tlibc_strcmp(a, b)), sign(strcmp(a, b)));
		assert_int_equal(sign(tlibc_strncmp(a, b, n)), sign(strncmp(a, b, n)));
		assert_int_equal(sign(tlibc_memcmp(a, b, n)), sign(memcmp(a, b, n)));
		assert_int_equal(sign(tlibc_strcasecmp(a, b)), sign(strcasecmp(a, b)));
	}
}

static void test_copy_and_concatenate(void **state)
{
	char b[16];

	(void)state;
	assert_ptr_equal(tlibc_strcpy(b, "hello"), b);
	assert_string_equal(b, "hello");
	assert_ptr_equal(tlibc_strcat(b, ", you"), b);
	assert_string_equal(b, "hello, you");
	assert_ptr_equal(tlibc_stpcpy(b, "end"), b + 3);
	assert_string_equal(b, "end");
	assert_ptr_equal(tlibc_stpcpy(b, ""), b);
	assert_int_equal(b[0], '\0');
	memset(b, 'x', sizeof(b));
	assert_ptr_equal(tlibc_strncpy(b, "ab", 6), b);
	assert_memory_equal(b, "ab\0\0\0\0xx", 8);          /* padded with NULs */
	memset(b, 'x', sizeof(b));
	tlibc_strncpy(b, "abcdef", 3);
	assert_memory_equal(b, "abcx", 4);                  /* and no NUL if long */
	strcpy(b, "ab");
	assert_ptr_equal(tlibc_strncat(b, "cdef", 2), b);
	assert_string_equal(b, "abcd");                     /* always a NUL */
	tlibc_strncat(b, "xy", 10);
	assert_string_equal(b, "abcdxy");
	tlibc_strncat(b, "zzz", 0);
	assert_string_equal(b, "abcdxy");
}

static void test_search(void **state)
{
	const char *s = "a/b/c\xe9";

	(void)state;
	assert_ptr_equal(tlibc_strchr(s, '/'), s + 1);
	assert_ptr_equal(tlibc_strrchr(s, '/'), s + 3);
	assert_ptr_equal(tlibc_strchr(s, '\0'), s + 6);     /* the NUL is found */
	assert_ptr_equal(tlibc_strrchr(s, '\0'), s + 6);
	assert_ptr_equal(tlibc_strchr(s, 0xe9), s + 5);     /* passed as an int */
	assert_ptr_equal(tlibc_strchr(s, (char)0xe9), s + 5);
	assert_null(tlibc_strchr(s, 'z'));
	assert_null(tlibc_strrchr(s, 'z'));
	assert_null(tlibc_strchr("", 'a'));
	assert_ptr_equal(tlibc_strstr(s, ""), s);
	const char *empty = "";
	assert_ptr_equal(tlibc_strstr(empty, ""), empty);
	const char *h = "aaaab aaab";
	assert_ptr_equal(tlibc_strstr(h, "aab"), h + 2);
	assert_ptr_equal(tlibc_strstr(h, "b a"), h + 4);
	assert_ptr_equal(tlibc_strstr(h, "aaab"), h + 1);
	assert_null(tlibc_strstr(h, "aaaaa"));
	assert_null(tlibc_strstr("ab", "abc"));              /* needle longer */
	assert_null(tlibc_strstr("", "a"));
	assert_int_equal(tlibc_strspn("  \tword", " \t"), 3);
	assert_int_equal(tlibc_strspn("abc", ""), 0);
	assert_int_equal(tlibc_strspn("\xe9\xe9x", "\xe9"), 2);
	assert_int_equal(tlibc_strcspn("key=value", "=;"), 3);
	assert_int_equal(tlibc_strcspn("key", "=;"), 3);
	assert_int_equal(tlibc_strcspn("key", ""), 3);
}

static void test_strtok_r(void **state)
{
	char line[] = ",,a,bb;;c,";
	char nested[] = "x=1 y=2";
	char *save, *tok, *outer, *inner, *pair;

	(void)state;
	assert_string_equal(tlibc_strtok_r(line, ",;", &save), "a");
	assert_string_equal(tlibc_strtok_r(NULL, ",;", &save), "bb");
	assert_string_equal(tlibc_strtok_r(NULL, ",;", &save), "c");
	assert_null(tlibc_strtok_r(NULL, ",;", &save));
	assert_null(tlibc_strtok_r(NULL, ",;", &save));      /* and stays done */
	char empty[] = ",,,";
	assert_null(tlibc_strtok_r(empty, ",", &save));
	/* Two tokenizers at once: the point of the _r. */
	tok = tlibc_strtok_r(nested, " ", &outer);
	pair = tlibc_strtok_r(tok, "=", &inner);
	assert_string_equal(pair, "x");
	assert_string_equal(tlibc_strtok_r(NULL, "=", &inner), "1");
	tok = tlibc_strtok_r(NULL, " ", &outer);
	assert_string_equal(tlibc_strtok_r(tok, "=", &inner), "y");
	assert_string_equal(tlibc_strtok_r(NULL, "=", &inner), "2");
	assert_null(tlibc_strtok_r(NULL, " ", &outer));
}

static void test_strdup(void **state)
{
	char *a, *b, *c;

	(void)state;
	a = tlibc_strdup("copy me");
	b = tlibc_strndup("copy me", 4);
	c = tlibc_strndup("ab", 10);
	assert_string_equal(a, "copy me");
	assert_string_equal(b, "copy");
	assert_string_equal(c, "ab");
	assert_int_equal(tlibc_atxf_heap_check(), 0);
	tlibc_free(a);
	tlibc_free(b);
	tlibc_free(c);
	/* The bound means the source need not be terminated. */
	char raw[3] = { 'x', 'y', 'z' };
	a = tlibc_strndup(raw, 3);
	assert_string_equal(a, "xyz");
	tlibc_free(a);
}

static void test_strcasecmp(void **state)
{
	(void)state;
	assert_int_equal(tlibc_strcasecmp("Hello", "hELLO"), 0);
	assert_true(tlibc_strcasecmp("abc", "ABD") < 0);
	assert_true(tlibc_strcasecmp("ABC", "ab") > 0);
	assert_int_equal(tlibc_strncasecmp("DRIVER-x", "driver-y", 7), 0);
	assert_true(tlibc_strncasecmp("DRIVER-x", "driver-y", 8) < 0);
	assert_true(tlibc_strcasecmp("\xc9", "\xe9") != 0);   /* ASCII only */
	assert_true(tlibc_strcasecmp("[", "A") < 0);           /* folded to lower case */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memcpy_and_memset),
		cmocka_unit_test(test_memmove_overlap),
		cmocka_unit_test(test_memcmp_and_memchr),
		cmocka_unit_test(test_length_and_compare),
		cmocka_unit_test(test_compare_random),
		cmocka_unit_test(test_copy_and_concatenate),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_strtok_r),
		cmocka_unit_test(test_strdup),
		cmocka_unit_test(test_strcasecmp),
	};

	return cmocka_run_group_tests_name("libc string", tests, NULL, NULL);
}
