/*
 * <time.h>'s calendar as shipped (renamed tlibc_*), against glibc in UTC:
 * gmtime_r and timegm on a million seeded random times across ±3000
 * years, mktime's normalization of out-of-range fields, every strftime
 * conversion on random dates (the ISO week edges included), asctime.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "test_libc.h"
#include "test_libc_posix.h"

#define RANDOM_TIMES 1000000
#define SPAN_SECS    (3000ll * 366 * 86400)   /* about ±3000 years around 1970 */

static int utc(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static void assert_tm_equal(const struct tm *a, const struct tm *b, long long t)
{
	if (a->tm_year != b->tm_year || a->tm_mon != b->tm_mon || a->tm_mday != b->tm_mday ||
	    a->tm_hour != b->tm_hour || a->tm_min != b->tm_min || a->tm_sec != b->tm_sec ||
	    a->tm_wday != b->tm_wday || a->tm_yday != b->tm_yday || a->tm_isdst != b->tm_isdst)
		fail_msg("t=%lld: %d-%d-%d %d:%d:%d wday %d yday %d, glibc %d-%d-%d %d:%d:%d "
			 "wday %d yday %d", t, a->tm_year, a->tm_mon, a->tm_mday, a->tm_hour,
			 a->tm_min, a->tm_sec, a->tm_wday, a->tm_yday, b->tm_year, b->tm_mon,
			 b->tm_mday, b->tm_hour, b->tm_min, b->tm_sec, b->tm_wday, b->tm_yday);
}

static void check_time(time_t t)
{
	struct tm ours, glibc;
	time_t back;

	assert_non_null(tlibc_gmtime_r(&t, &ours));
	assert_non_null(gmtime_r(&t, &glibc));
	assert_tm_equal(&ours, &glibc, (long long)t);
	assert_string_equal(ours.tm_zone, "GMT");
	back = tlibc_timegm(&ours);
	assert_int_equal(back, t);
}

static void test_gmtime_edges(void **state)
{
	static const time_t edges[] = {
		0, -1, 1, 86399, 86400, -86400, 951782400 /* 2000-02-29 */, 951868800,
		4107542399 /* 2100-02-28 23:59:59 */, 4107542400, -2208988800 /* 1900 */,
		-62135596800 /* 0001-01-01 */, -62167219200 /* 0000-01-01 */, 253402300799,
		2147483647, -2147483648, 1796175002,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
		check_time(edges[i]);
}

static void test_gmtime_random(void **state)
{
	uint64_t s = libc_test_seed();

	(void)state;
	for (int i = 0; i < RANDOM_TIMES; i++)
		check_time((time_t)((long long)rng_below(&s, 2 * SPAN_SECS) - SPAN_SECS));
}

/* Fields out of range normalize as if added up (C11 7.27.2.3), like glibc. */
static void test_mktime_normalizes(void **state)
{
	uint64_t s = libc_test_seed();

	(void)state;
	for (int i = 0; i < 200000; i++) {
		struct tm a = {
			.tm_year = (int)rng_below(&s, 400) - 100, .tm_mon = (int)rng_below(&s, 61) - 30,
			.tm_mday = (int)rng_below(&s, 200) - 80, .tm_hour = (int)rng_below(&s, 100) - 50,
			.tm_min = (int)rng_below(&s, 400) - 200, .tm_sec = (int)rng_below(&s, 8000) - 4000,
		};
		struct tm b = a;
		time_t ours = tlibc_mktime(&a), glibc = timegm(&b);

		assert_int_equal(ours, glibc);
		assert_tm_equal(&a, &b, (long long)glibc);
	}
	assert_true(tlibc_difftime(10, 3) == 7.0);
}

static void test_localtime_is_utc(void **state)
{
	time_t t = 1796175002;
	struct tm tm;

	(void)state;
	assert_non_null(tlibc_localtime_r(&t, &tm));
	assert_int_equal(tm.tm_hour, 1);
	assert_int_equal(tm.tm_gmtoff, 0);
	assert_string_equal(tm.tm_zone, "UTC");
}

static const char *const formats[] = {
	"%a %A %b %B %h", "%c", "%C %y %Y %G %g", "%d %e %j %m", "%D %F %T %R %r",
	"%H %I %M %S %p", "%u %w %U %W %V", "%x %X", "%n%t%%", "%z %Z",
	"%Ec %EY %Od %OH", "plain text", "%q unknown %", "",
};

static void check_strftime(const struct tm *tm)
{
	for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
		char ours[256], glibc[256];
		size_t a = tlibc_strftime(ours, sizeof(ours), formats[f], tm);
		size_t b = strftime(glibc, sizeof(glibc), formats[f], tm);

		if (a != b || memcmp(ours, glibc, a))
			fail_msg("strftime \"%s\": \"%.*s\" (%zu), glibc \"%.*s\" (%zu)", formats[f],
				 (int)a, ours, a, (int)b, glibc, b);
	}
}

static void test_strftime_random(void **state)
{
	uint64_t s = libc_test_seed();

	(void)state;
	for (int i = 0; i < 100000; i++) {
		time_t t = (time_t)((long long)rng_below(&s, 2 * 400ll * 366 * 86400) -
				    400ll * 366 * 86400);
		struct tm tm;

		gmtime_r(&t, &tm);
		check_strftime(&tm);
	}
}

/* Every day around each new year from 1990 to 2040: the ISO week edges. */
static void test_strftime_iso_weeks(void **state)
{
	(void)state;
	for (int y = 1990; y <= 2040; y++) {
		struct tm base = { .tm_year = y - 1900, .tm_mday = 1 };
		time_t jan1 = timegm(&base);

		for (int d = -10; d <= 10; d++) {
			time_t t = jan1 + d * 86400;
			struct tm tm;

			gmtime_r(&t, &tm);
			check_strftime(&tm);
		}
	}
}

static void test_strftime_too_small(void **state)
{
	struct tm tm = { .tm_year = 126, .tm_mon = 11, .tm_mday = 2 };
	char buf[11];

	(void)state;
	assert_int_equal(tlibc_strftime(buf, 11, "%Y-%m-%d", &tm), 10);
	assert_string_equal(buf, "2026-12-02");
	assert_int_equal(tlibc_strftime(buf, 10, "%Y-%m-%d!", &tm), 0);
}

static void test_asctime(void **state)
{
	uint64_t s = libc_test_seed();

	(void)state;
	for (int i = 0; i < 10000; i++) {
		time_t t = (time_t)rng_below(&s, 253402300799ull);
		struct tm tm;
		char ours[26], glibc[26];

		gmtime_r(&t, &tm);
		assert_string_equal(tlibc_asctime_r(&tm, ours), asctime_r(&tm, glibc));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gmtime_edges),
		cmocka_unit_test(test_gmtime_random),
		cmocka_unit_test(test_mktime_normalizes),
		cmocka_unit_test(test_localtime_is_utc),
		cmocka_unit_test(test_strftime_random),
		cmocka_unit_test(test_strftime_iso_weeks),
		cmocka_unit_test(test_strftime_too_small),
		cmocka_unit_test(test_asctime),
	};

	return cmocka_run_group_tests_name("libc time", tests, utc, NULL);
}
