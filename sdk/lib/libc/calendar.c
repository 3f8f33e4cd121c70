/*
 * Broken-down time in UTC (C11 7.27.2.3, 7.27.3.3-4, POSIX timegm and the
 * _r forms): the proleptic Gregorian calendar, counted in days from
 * 1970-01-01 with the era arithmetic below (400-year eras of 146097 days,
 * years starting in March so the leap day comes last). There are no time
 * zones: localtime is gmtime and mktime is timegm (<time.h>).
 */
#include <errno.h>
#include <limits.h>
#include <time.h>

#define SECS_PER_DAY 86400l
#define DAYS_PER_ERA 146097l    /* 400 Gregorian years */
#define EPOCH_SHIFT  719468l    /* days from 0000-03-01 to 1970-01-01 */

char *tzname[2] = { "UTC", "UTC" };
long timezone;
int daylight;

void tzset(void)
{
}

static long floor_div(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static long floor_mod(long a, long b)
{
	return a - floor_div(a, b) * b;
}

/* Days since 1970-01-01 of year-month(1..12)-day. */
static long days_from_civil(long y, long m, long d)
{
	long era, yoe, doy;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * DAYS_PER_ERA + yoe * 365 + yoe / 4 - yoe / 100 + doy - EPOCH_SHIFT;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += EPOCH_SHIFT;
	era = floor_div(z, DAYS_PER_ERA);
	doe = z - era * DAYS_PER_ERA;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int day_of_year(long y, int m, int d)
{
	return (int)(days_from_civil(y, m, d) - days_from_civil(y, 1, 1));
}

struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	long days = floor_div(*t, SECS_PER_DAY), secs = *t - days * SECS_PER_DAY, year;
	int mon, mday;

	civil_from_days(days, &year, &mon, &mday);
	if (year - 1900 > INT_MAX || year - 1900 < INT_MIN) {
		errno = EOVERFLOW;
		return NULL;
	}
	tm->tm_year = (int)(year - 1900);
	tm->tm_mon = mon - 1;
	tm->tm_mday = mday;
	tm->tm_yday = day_of_year(year, mon, mday);
	tm->tm_wday = (int)floor_mod(days + 4, 7);     /* 1970-01-01 was a Thursday */
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "GMT";
	return tm;
}

struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	if (!gmtime_r(t, tm))
		return NULL;
	tm->tm_zone = "UTC";
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

struct tm *localtime(const time_t *t)
{
	static struct tm tm;

	return localtime_r(t, &tm);
}

/* Normalizes every field (C11: they may be out of range, and the result is
 * as if they were added up), then writes the fields back in range. */
time_t timegm(struct tm *tm)
{
	long year = (long)tm->tm_year + 1900 + floor_div(tm->tm_mon, 12);
	long mon = floor_mod(tm->tm_mon, 12);
	long days = days_from_civil(year, mon + 1, 1) + tm->tm_mday - 1;
	time_t t = days * SECS_PER_DAY + (long)tm->tm_hour * 3600 + (long)tm->tm_min * 60 +
		   tm->tm_sec;

	if (!gmtime_r(&t, tm))
		return (time_t)-1;
	return t;
}

time_t mktime(struct tm *tm)
{
	time_t t = timegm(tm);

	if (t != (time_t)-1)
		tm->tm_zone = "UTC";
	return t;
}

double difftime(time_t t1, time_t t0)
{
	return (double)(t1 - t0);
}
