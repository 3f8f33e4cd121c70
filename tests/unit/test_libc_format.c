/*
 * The printf engine (sdk/lib/libc/format.c) through atxf_vsnprintf, compiled
 * for the host: literal expectations for every conversion, flag, width,
 * precision and length, snprintf's truncation rules, and many generated
 * cases checked against glibc's snprintf (seeded: LIBC_TEST_SEED=n).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include "format.h"
#include "test_libc.h"

static int fmt(char *buf, size_t size, const char *f, ...) __attribute__((format(printf, 3, 4)));
static int fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;
	int n;

	va_start(ap, f);
	n = atxf_vsnprintf(buf, size, f, ap);
	va_end(ap);
	return n;
}

/* The same without the format attribute, for the cases -Wformat objects to:
 * the point is what we do then. */
static int fmt_unchecked(char *buf, size_t size, const char *f, ...)
{
	va_list ap;
	int n;

	va_start(ap, f);
	n = atxf_vsnprintf(buf, size, f, ap);
	va_end(ap);
	return n;
}

static void check(const char *want, const char *got, int n, const char *what, int line)
{
	if (strcmp(got, want) != 0 || n != (int)strlen(want))
		fail_msg("line %d: %s: got \"%s\" (%d), want \"%s\" (%zu)", line, what, got, n,
			 want, strlen(want));
}

/*
 * EXPECT("want", "format", args...): format into a big buffer and compare.
 * Unchecked, because many cases are flag combinations that gcc warns are
 * redundant ("%-05d"); C defines them, so they are tested.
 */
#define EXPECT(want, ...)                                               \
	do {                                                            \
		char b_[512];                                           \
		int n_ = fmt_unchecked(b_, sizeof(b_), __VA_ARGS__);    \
		check(want, b_, n_, #__VA_ARGS__, __LINE__);            \
	} while (0)

static void test_signed(void **state)
{
	(void)state;
	EXPECT("0", "%d", 0);
	EXPECT("42 -42", "%d %i", 42, -42);
	EXPECT("2147483647", "%d", INT_MAX);
	EXPECT("-2147483648", "%d", INT_MIN);
	EXPECT("-9223372036854775808", "%ld", LONG_MIN);
	EXPECT("-9223372036854775808", "%lld", LLONG_MIN);
	EXPECT("9223372036854775807", "%lld", LLONG_MAX);
	EXPECT("-9223372036854775808", "%jd", INTMAX_MIN);
	EXPECT("-1 -5", "%zd %td", (ssize_t)-1, (ptrdiff_t)-5);
	EXPECT("44 -128", "%hhd %hhd", 300, 128);
	EXPECT("4464 -1", "%hd %hd", 70000, 65535);
	EXPECT("+7 +0 -7", "%+d %+d %+d", 7, 0, -7);
	EXPECT(" 7 -7", "% d % d", 7, -7);
	EXPECT("+7", "%+ d", 7);
}

static void test_width_and_padding(void **state)
{
	(void)state;
	EXPECT("   42|", "%5d|", 42);
	EXPECT("42   |", "%-5d|", 42);
	EXPECT("00042", "%05d", 42);
	EXPECT("-0042", "%05d", -42);
	EXPECT("+0042", "%+05d", 42);
	EXPECT(" 0042", "% 05d", 42);
	EXPECT("+42  |", "%-+5d|", 42);
	EXPECT("42   |", "%-05d|", 42);          /* '-' beats '0' */
	EXPECT("12345", "%3d", 12345);          /* width is a minimum */
	EXPECT("     -2147483648", "%16d", INT_MIN);
	EXPECT("-000002147483648", "%016d", INT_MIN);
	EXPECT("-9223372036854775808", "%5lld", LLONG_MIN);
}

static void test_precision(void **state)
{
	(void)state;
	EXPECT("042", "%.3d", 42);
	EXPECT("-042", "%.3d", -42);
	EXPECT("     042", "%08.3d", 42);     /* a precision turns '0' off */
	EXPECT("042     |", "%-8.3d|", 42);
	EXPECT("", "%.0d", 0);                 /* zero with precision 0: no digits */
	EXPECT("     ", "%5.0d", 0);
	EXPECT("+", "%+.0d", 0);
	EXPECT(" ", "% .0d", 0);
	EXPECT("", "%.0u", 0u);
	EXPECT("", "%.0x", 0u);
	EXPECT("", "%.d", 0);                  /* '.' alone means precision 0 */
	EXPECT("5", "%.d", 5);
	EXPECT("00000000000000000001", "%.20d", 1);
	EXPECT("1", "%.0d", 1);
}

static void test_unsigned(void **state)
{
	(void)state;
	EXPECT("0 4294967295", "%u %u", 0u, UINT_MAX);
	EXPECT("18446744073709551615", "%lu", ULONG_MAX);
	EXPECT("18446744073709551615", "%llu", ULLONG_MAX);
	EXPECT("18446744073709551615", "%zu", SIZE_MAX);
	EXPECT("18446744073709551615", "%ju", UINTMAX_MAX);
	EXPECT("4294967295", "%u", -1);
	EXPECT("7 65535", "%hhu %hu", 256 + 7, -1);
	EXPECT("123", "%+u", 123u);             /* '+' and ' ' are for signed only */
	EXPECT("123", "% u", 123u);
	EXPECT("  17", "%4zu", (size_t)17);
}

static void test_hex_and_octal(void **state)
{
	(void)state;
	EXPECT("ff FF", "%x %X", 255u, 255u);
	EXPECT("0xff 0XFF", "%#x %#X", 255u, 255u);
	EXPECT("0 0", "%#x %#X", 0u, 0u);      /* no 0x for zero */
	EXPECT("deadbeefcafebabe", "%llx", 0xdeadbeefcafebabeULL);
	EXPECT("DEADBEEFCAFEBABE", "%llX", 0xdeadbeefcafebabeULL);
	EXPECT("ffffffffffffffff", "%lx", ULONG_MAX);
	EXPECT("0x00deadbeef", "%#012llx", 0xdeadbeefULL);
	EXPECT("  0xdeadbeef", "%#12x", 0xdeadbeefu);
	EXPECT("0xdeadbeef  |", "%-#12x|", 0xdeadbeefu);
	EXPECT("0000002a", "%08x", 42u);
	EXPECT("0x0002a", "%#.5x", 42u);
	EXPECT("17 021", "%o %#o", 15u, 17u);
	EXPECT("010", "%#o", 8u);
	EXPECT("0", "%#o", 0u);
	EXPECT("0", "%#.0o", 0u);               /* '#' keeps one 0 */
	EXPECT("010", "%#.3o", 8u);             /* already starts with 0 */
	EXPECT("  010", "%#5o", 8u);
	EXPECT("1777777777777777777777", "%llo", ULLONG_MAX);
	EXPECT("ff", "%hhx", 0x1ff);
	EXPECT("ffff", "%hx", -1);
}

static void test_pointer(void **state)
{
	(void)state;
	EXPECT("0x1234", "%p", (void *)0x1234);
	EXPECT("0x0", "%p", (void *)0);
	EXPECT("0xffffffffffffffff", "%p", (void *)UINTPTR_MAX);
	EXPECT("          0x1234|", "%16p|", (void *)0x1234);
	EXPECT("0x1234          |", "%-16p|", (void *)0x1234);
}

static void test_char_and_string(void **state)
{
	char unterminated[3] = { 'x', 'y', 'z' };
	char b[16];

	(void)state;
	EXPECT("A", "%c", 'A');
	EXPECT("    A|A    |", "%5c|%-5c|", 'A', 'A');
	EXPECT("\xe9", "%c", 0xe9);
	EXPECT("hello", "%s", "hello");
	EXPECT("     hello|", "%10s|", "hello");
	EXPECT("hello     |", "%-10s|", "hello");
	EXPECT("hel", "%.3s", "hello");
	EXPECT("  hel", "%5.3s", "hello");
	EXPECT("hello", "%.10s", "hello");
	EXPECT("", "%.0s", "hello");
	EXPECT("", "%s", "");
	assert_int_equal(fmt_unchecked(b, sizeof(b), "%s|%.2s", (char *)NULL, (char *)NULL), 9);
	assert_string_equal(b, "(null)|(n");
	/* The precision bounds the read: the array has no NUL (ASan checks). */
	EXPECT("xyz", "%.3s", unterminated);
	/* %c of 0 stores a NUL and counts it. */
	assert_int_equal(fmt(b, sizeof(b), "a%cb", 0), 3);
	assert_memory_equal(b, "a\0b", 4);
}

static void test_star(void **state)
{
	(void)state;
	EXPECT("   42", "%*d", 5, 42);
	EXPECT("42   |", "%*d|", -5, 42);      /* negative width: '-' */
	EXPECT("00042", "%.*d", 5, 42);
	EXPECT("42", "%.*d", -1, 42);          /* negative precision: none */
	EXPECT("00042", "%0*d", 5, 42);
	EXPECT("  042", "%*.*d", 5, 3, 42);
	EXPECT("ab   |", "%-*.*s|", 5, 2, "abc");
	EXPECT("  7 x", "%*d %c", 3, 7, 'x');  /* the arguments after stay in line */
}

static void test_lengths_keep_arguments_in_line(void **state)
{
	(void)state;
	EXPECT("1 2 3 4 5 6 7 8 end", "%hhd %hd %d %ld %lld %jd %zd %td %s",
	       (signed char)1, (short)2, 3, 4L, 5LL, (intmax_t)6, (ssize_t)7, (ptrdiff_t)8, "end");
	EXPECT("ffffffffffffffff x", "%llx %c", ULLONG_MAX, 'x');
}

static void test_special_conversions(void **state)
{
	int n = 77;
	char b[64];

	(void)state;
	EXPECT("100%", "100%%");
	EXPECT("%", "%");                       /* a lone '%' at the end */
	EXPECT("a%yb", "a%yb");                 /* unknown: copied as it is */
	EXPECT("[%5y]", "[%5y]");
	/* %n is refused: nothing printed, nothing stored, next argument used. */
	assert_int_equal(fmt_unchecked(b, sizeof(b), "ab%ncd%d", &n, 5), 5);
	assert_string_equal(b, "abcd5");
	assert_int_equal(n, 77);
	/* Floating point takes its double (long double with L) and prints it
	 * (tests/unit/test_libc_fp_printf.c has the rest). */
	EXPECT("1.500000 7", "%f %d", 1.5, 7);
	EXPECT(" 2.000e+00|3 8", "%10.3e|%Lg %d", 2.0, (long double)3.0, 8);
}

static void test_snprintf_truncation(void **state)
{
	char b[16];

	(void)state;
	assert_int_equal(fmt(NULL, 0, "hello %d", 12345), 11);
	memset(b, '#', sizeof(b));
	assert_int_equal(fmt(b, 0, "hello"), 5);
	assert_int_equal(b[0], '#');             /* size 0 writes nothing */
	assert_int_equal(fmt(b, 1, "hello"), 5);
	assert_string_equal(b, "");
	assert_int_equal(fmt(b, 5, "hello world"), 11);
	assert_string_equal(b, "hell");
	assert_int_equal(b[5], '#');             /* nothing past size */
	assert_int_equal(fmt(b, 6, "hello"), 5); /* exact fit */
	assert_string_equal(b, "hello");
	assert_int_equal(fmt(b, 5, "hello"), 5); /* one short */
	assert_string_equal(b, "hell");
	assert_int_equal(fmt(b, 10, "%1000d", 1), 1000);
	assert_string_equal(b, "         ");
	assert_int_equal(fmt(b, 4, "%-8s|", "ab"), 9);
	assert_string_equal(b, "ab ");
}

/* More than INT_MAX characters cannot be counted in an int: -1 (EOVERFLOW). */
static void test_length_overflow(void **state)
{
	(void)state;
	assert_int_equal(fmt_unchecked(NULL, 0, "%*d", INT_MAX, 1), INT_MAX);
	assert_int_equal(fmt_unchecked(NULL, 0, "x%*d", INT_MAX, 1), -1);
	assert_int_equal(fmt_unchecked(NULL, 0, "%2147483647d%d", 1, 2), -1);
	/* An absurd width saturates at INT_MAX instead of wrapping around. */
	assert_int_equal(fmt_unchecked(NULL, 0, "%99999999999d", 1), INT_MAX);
}

/* ---- generated cases, checked against the host's snprintf */

enum arg_kind { ARG_INT, ARG_UINT, ARG_WIDE, ARG_UWIDE, ARG_CHAR, ARG_STR, ARG_PTR };

struct gen_case {
	char fmt[64];
	int stars;              /* bit 0: '*' width, bit 1: '.*' precision */
	int width, prec;        /* the '*' arguments */
	enum arg_kind kind;
	long long i;            /* the value for the integer kinds and %c */
	const char *s;
	void *p;
};

typedef int (*snprintf_fn)(char *, size_t, const char *, ...);

#define CALL_STARS(fn, b, n, g, v)                                                  \
	((g)->stars == 0 ? fn(b, n, (g)->fmt, v) :                                   \
	 (g)->stars == 1 ? fn(b, n, (g)->fmt, (g)->width, v) :                       \
	 (g)->stars == 2 ? fn(b, n, (g)->fmt, (g)->prec, v) :                        \
			   fn(b, n, (g)->fmt, (g)->width, (g)->prec, v))

/* Pass the value with exactly the type its length modifier promises. */
static int call(snprintf_fn fn, char *b, size_t n, const struct gen_case *g)
{
	switch (g->kind) {
	case ARG_INT:   return CALL_STARS(fn, b, n, g, (int)g->i);
	case ARG_UINT:  return CALL_STARS(fn, b, n, g, (unsigned)g->i);
	case ARG_WIDE:  return CALL_STARS(fn, b, n, g, (long long)g->i);
	case ARG_UWIDE: return CALL_STARS(fn, b, n, g, (unsigned long long)g->i);
	case ARG_CHAR:  return CALL_STARS(fn, b, n, g, (int)g->i);
	case ARG_STR:   return CALL_STARS(fn, b, n, g, g->s);
	default:        return CALL_STARS(fn, b, n, g, g->p);
	}
}

static const char *pick(uint64_t *rng, const char *const *set, size_t n)
{
	return set[rng_below(rng, n)];
}

static long long gen_value(uint64_t *rng)
{
	static const long long special[] = { 0, 1, -1, 7, -7, 10, 127, 128, 255, 256,
		65535, 65536, INT_MAX, INT_MIN, (long long)UINT_MAX, LLONG_MAX, LLONG_MIN };

	if (rng_below(rng, 3) == 0)
		return special[rng_below(rng, sizeof(special) / sizeof(special[0]))];
	/* A random number of significant bits, so that every length shows up. */
	return (long long)(rng_next(rng) >> rng_below(rng, 64));
}

/* Flags that C defines (or glibc ignores consistently) for each conversion. */
static const char *conv_flags(char conv)
{
	switch (conv) {
	case 'd': case 'i': return "-+ 0";
	case 'u': return "-+ 0";
	case 'x': case 'X': case 'o': return "-+ 0#";
	default: return "-";
	}
}

static void gen_spec(uint64_t *rng, struct gen_case *g, char conv, char *p)
{
	const char *flags = conv_flags(conv);
	int allow_prec = conv != 'c' && conv != 'p';

	*p++ = '%';
	for (const char *f = flags; *f; f++)
		if (rng_below(rng, 4) == 0)
			*p++ = *f;
	switch (rng_below(rng, 3)) {
	case 1: p += sprintf(p, "%d", (int)rng_below(rng, 30)); break;
	case 2: *p++ = '*'; g->stars |= 1; g->width = (int)rng_below(rng, 61) - 30; break;
	}
	switch (allow_prec ? rng_below(rng, 4) : 0) {
	case 1: *p++ = '.'; break;
	case 2: p += sprintf(p, ".%d", (int)rng_below(rng, 25)); break;
	case 3: p += sprintf(p, ".*"); g->stars |= 2; g->prec = (int)rng_below(rng, 25) - 3; break;
	}
	*p = '\0';
}

static void gen_case(uint64_t *rng, struct gen_case *g)
{
	static const char convs[] = "diuxXocsp";
	static const char *const lengths[] = { "", "", "hh", "h", "l", "ll", "j", "z", "t" };
	static const char *const strings[] = { "", "a", "hello", "hello, world", "\xe9t\xe9 \x01" };
	char conv = convs[rng_below(rng, sizeof(convs) - 1)];
	const char *len = "";
	char spec[32];

	memset(g, 0, sizeof(*g));
	gen_spec(rng, g, conv, spec);
	if (strchr("diuxXo", conv))
		len = pick(rng, lengths, sizeof(lengths) / sizeof(lengths[0]));
	snprintf(g->fmt, sizeof(g->fmt), "%s%s%s%c%s", rng_below(rng, 2) ? "<" : "", spec, len,
		 conv, rng_below(rng, 2) ? ">" : "");
	g->i = gen_value(rng);
	g->s = pick(rng, strings, sizeof(strings) / sizeof(strings[0]));
	g->p = (void *)(uintptr_t)(gen_value(rng) | 1);
	if (conv == 'c') {
		g->kind = ARG_CHAR;
		g->i &= 0xff;
	} else if (conv == 's')
		g->kind = ARG_STR;
	else if (conv == 'p')
		g->kind = ARG_PTR;
	else if (len[0] == '\0' || len[0] == 'h')
		g->kind = strchr("di", conv) ? ARG_INT : ARG_UINT;
	else
		g->kind = strchr("di", conv) ? ARG_WIDE : ARG_UWIDE;
}

static void describe(const struct gen_case *g, char *out, size_t n)
{
	snprintf(out, n, "format \"%s\" width*=%d prec*=%d value=%lld str=\"%s\" ptr=%p",
		 g->fmt, g->stars & 1 ? g->width : 0, g->stars & 2 ? g->prec : 0, g->i, g->s, g->p);
}

/* Run one case at one buffer size through both, bytes past size included. */
static void compare_at(const struct gen_case *g, size_t size)
{
	char ours[160], host[160], what[256];
	int n_ours, n_host;

	memset(ours, 0xaa, sizeof(ours));
	memset(host, 0xaa, sizeof(host));
	n_ours = call(fmt, ours, size, g);
	n_host = call(snprintf, host, size, g);
	if (n_ours != n_host || memcmp(ours, host, sizeof(ours)) != 0) {
		describe(g, what, sizeof(what));
		fail_msg("%s, size %zu: ours \"%.*s\" (%d), host \"%.*s\" (%d)", what, size,
			 (int)(size ? size : 1), ours, n_ours, (int)(size ? size : 1), host, n_host);
	}
}

static void test_generated_against_host(void **state)
{
	uint64_t rng = libc_test_seed();

	(void)state;
	for (int i = 0; i < 30000; i++) {
		struct gen_case g;

		gen_case(&rng, &g);
		compare_at(&g, 128);
		compare_at(&g, rng_below(&rng, 24));  /* truncated, mostly */
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signed),
		cmocka_unit_test(test_width_and_padding),
		cmocka_unit_test(test_precision),
		cmocka_unit_test(test_unsigned),
		cmocka_unit_test(test_hex_and_octal),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_char_and_string),
		cmocka_unit_test(test_star),
		cmocka_unit_test(test_lengths_keep_arguments_in_line),
		cmocka_unit_test(test_special_conversions),
		cmocka_unit_test(test_snprintf_truncation),
		cmocka_unit_test(test_length_overflow),
		cmocka_unit_test(test_generated_against_host),
	};

	return cmocka_run_group_tests_name("libc printf engine", tests, NULL, NULL);
}
