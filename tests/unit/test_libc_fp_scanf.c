/*
 * The scanf family as shipped (tlibc_*) against glibc's sscanf: the
 * return value and every stored byte, for a table of inputs and formats
 * (every conversion, width, '*', %n, scansets, failures and the end of
 * input), random numbers through %d %x %f %lf %Lf %a; and vfscanf on a
 * stream that delivers its input a few bytes at a time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "stream.h"
#include "test_libc_fp.h"

extern struct atxf_stream *const tlibc_stdin;
int tlibc_vfscanf(struct atxf_stream *f, const char *fmt, va_list ap);
int tlibc_fscanf(struct atxf_stream *f, const char *fmt, ...);
int tlibc_scanf(const char *fmt, ...);

static unsigned long differences;

/* Both scanfs with the same format into two sets of 4 slots of 64 bytes. */
static void compare(const char *in, const char *fmt)
{
	unsigned char w[4][64], g[4][64];
	int rw, rg;

	memset(w, 0x55, sizeof(w));
	memset(g, 0x55, sizeof(g));
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	rw = sscanf(in, fmt, w[0], w[1], w[2], w[3]);
	rg = tlibc_sscanf(in, fmt, g[0], g[1], g[2], g[3]);
#pragma GCC diagnostic pop
	if (rw != rg || memcmp(w, g, sizeof(w)) != 0) {
		if (differences++ < 10)
			printf("DIFF sscanf(\"%s\", \"%s\"): glibc %d, ours %d, or the values\n",
			       in, fmt, rw, rg);
	}
}

static const char *const cases[][2] = {
	{ "42", "%d" }, { "-42 17", "%d %d" }, { "  +7x", "%d%c" }, { "x", "%d" },
	{ "", "%d" }, { "   ", "%d" }, { "12", "%d%d" }, { "99999999999", "%d" },
	{ "99999999999999999999999", "%lld" }, { "-12", "%u" }, { "0x1f", "%x" },
	{ "0X1F", "%i" }, { "077", "%i" }, { "0x", "%i%n" }, { "0xg", "%x%n" }, { "+", "%d" },
	{ "-", "%u" }, { "12345", "%3d%d" }, { "300", "%hhd" }, { "70000", "%hd" },
	{ "123", "%ld" }, { "5", "%jd" }, { "6", "%zd" }, { "7", "%td" }, { "0x10", "%p" },
	{ "17", "%o" }, { "19", "%o%d" }, { "abc def", "%s%s" }, { "abcdef", "%3s%s" },
	{ "abc", "%2c%s" }, { "a", "%c%c" }, { " a", "%c" }, { " a", " %c" },
	{ "abc]def", "%[]a-c]%s" }, { "x-y", "%[-xy]" }, { "hello, world", "%[^,], %s" },
	{ "123abc", "%[0-9]%[a-z]" }, { "abc", "%[0-9]" }, { "abc", "%*s%n" },
	{ "12 34", "%*d %d" }, { "% 5", "%% %d" }, { "5%", "%d%%" }, { "abc", "abd" },
	{ "abc", "abc%n" }, { "", "abc" }, { "a b", "a%nb%n" }, { "key=value", "%[^=]=%s" },
	{ "1.5", "%f" }, { "-1.5e3", "%lf" }, { "1e+x", "%lf%n" }, { "100ergs", "%lf%n" },
	{ "infinitx", "%lf%n" }, { "INFINITY", "%f%n" }, { "-inf", "%Lf" }, { "nan(12)x", "%lf%n" },
	{ "NAN", "%lf%n" }, { "0x1p", "%lf%n" }, { "0xg", "%lf%n" }, { "0x", "%lf%n" },
	{ "-", "%lf" }, { ".", "%lf" }, { ".5", "%lf" }, { "5.", "%lf%n" }, { "12.5e3", "%3f%s" },
	{ "-0x1.8p1", "%a" }, { "1.5e", "%lf%s" }, { "0.1", "%Lf" }, { "1e-400", "%lf" },
	{ "1e400", "%f" }, { "0x1.fffffffffffff8p1023", "%la" }, { "3.25 x", "%e %c" },
	{ "7 8.5 str c", "%d %g %s %c" }, { "00000000000000000000000000001", "%lf" },
	{ "0.000000000000000000000000000000000001e36", "%lf" }, { "1.2.3", "%lf%n" },
	{ "12 34", "%d%n%d%n" }, { "  \t\n 5", "%d" }, { "5", "%5d" }, { "-0", "%lf" },
	{ "1", "%z" }, { "1", "%" }, { "abc", "%5c" },
};

static void test_table_against_glibc(void **state)
{
	(void)state;
	differences = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		compare(cases[i][0], cases[i][1]);
	assert_int_equal(differences, 0);
}

/* Numbers far longer than any buffer: they still round right. */
static void test_long_numbers(void **state)
{
	static char s[30000];

	(void)state;
	differences = 0;
	memset(s, '9', 25000);
	s[25000] = '\0';
	compare(s, "%lf");
	compare(s, "%Lf");
	compare(s, "%d");
	s[3] = '.';
	compare(s, "%Lf");
	memset(s, '0', 25000);
	memcpy(s, "0.", 2);
	strcpy(s + 25000, "15e24990");
	compare(s, "%lf%n");
	strcpy(s, "1.00000000000000011102230246251565404236316680908203125");
	memset(s + strlen(s), '0', 20000);
	strcpy(s + strlen(s), "1 tail");
	compare(s, "%lf %s");
	assert_int_equal(differences, 0);
}

static void test_random_numbers(void **state)
{
	uint64_t seed = libc_test_seed();
	static const char *const fmts[] = { "%lf%n", "%f%n", "%Lf%n", "%le %n", "%lg%n", "%la%n" };
	char b[400];

	(void)state;
	differences = 0;
	for (long i = 0; i < 100000; i++) {
		double x = rng_double(&seed);

		switch (i % 4) {
		case 0: snprintf(b, sizeof(b), "%.17g rest", x); break;
		case 1: snprintf(b, sizeof(b), "%a,", x); break;
		case 2: snprintf(b, sizeof(b), "%.*e", (int)rng_below(&seed, 25), x); break;
		default: snprintf(b, sizeof(b), "%lld %llx", (long long)rng_next(&seed),
				  (unsigned long long)rng_next(&seed)); break;
		}
		if (i % 4 == 3) {
			compare(b, "%lld %llx%n");
			compare(b, "%d %hx%n");
		} else {
			compare(b, fmts[i % 6]);
		}
	}
	assert_int_equal(differences, 0);
}

/* A stream whose read hands out the input three bytes at a time. */
static const char *feed;

static long feed_read(char *buf, unsigned long len)
{
	unsigned long n = strlen(feed);

	if (n > 3)
		n = 3;
	if (n > len)
		n = len;
	memcpy(buf, feed, n);
	feed += n;
	return (long)n;
}

static void test_vfscanf_on_a_stream(void **state)
{
	static struct atxf_stream f = { .read = feed_read };
	int a = 0, n = 0;
	double d = 0;
	char word[16] = "";

	(void)state;
	feed = "  12 2.5e1 word\nnext 9";
	assert_int_equal(tlibc_fscanf(&f, "%d %lf %15s%n", &a, &d, word, &n), 3);
	assert_int_equal(a, 12);
	assert_true(d == 25.0);
	assert_string_equal(word, "word");
	assert_int_equal(n, 15);
	/* The byte after the match stays in the stream for the next call. */
	assert_int_equal(tlibc_fscanf(&f, "%s %d", word, &a), 2);
	assert_string_equal(word, "next");
	assert_int_equal(a, 9);
	assert_int_equal(tlibc_fscanf(&f, "%d", &a), -1);
	assert_true(f.eof);
}

/* stdin has no input yet: scanf sees the end of the input at once. */
static void test_scanf_on_stdin_is_at_end(void **state)
{
	int a = 5;

	(void)state;
	assert_int_equal(tlibc_scanf("%d", &a), -1);
	assert_int_equal(a, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_against_glibc),
		cmocka_unit_test(test_long_numbers),
		cmocka_unit_test(test_random_numbers),
		cmocka_unit_test(test_vfscanf_on_a_stream),
		cmocka_unit_test(test_scanf_on_stdin_is_at_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
