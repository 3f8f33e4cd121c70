/*
 * strftime (C11 7.27.3.5) in the C locale, and asctime/ctime (7.27.3.1-2).
 * Every C11 conversion is here, with POSIX's E and O modifiers accepted and
 * ignored (the C locale has no alternative forms). %z is +0000 and %Z the
 * tm's zone name: the system runs in UTC (<time.h>). An unknown conversion
 * is copied as written, as glibc does.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const day_names[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};
static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* The output so far; n counts what was wanted even past max. */
struct out {
	char *s;
	size_t max, n;
};

static void put(struct out *o, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++, o->n++)
		if (o->n < o->max)
			o->s[o->n] = text[i];
}

static void puts_(struct out *o, const char *text)
{
	put(o, text, strlen(text));
}

static void putnum(struct out *o, const char *fmt, long v)
{
	char buf[24];

	put(o, buf, (size_t)snprintf(buf, sizeof(buf), fmt, v));
}

static const char *name_of(const char *const *names, int i, int n)
{
	return i >= 0 && i < n ? names[i] : "?";
}

static int is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int weekday_mod(long v)
{
	return (int)((v % 7 + 7) % 7);
}

/* ISO 8601 years have 53 weeks when they start on a Thursday, or on a
 * Wednesday in a leap year; jan1 counts from Monday = 0. */
static int iso_weeks_in(long year, int jan1)
{
	return jan1 == 3 || (jan1 == 2 && is_leap(year)) ? 53 : 52;
}

/* ISO 8601 week-based year and week (%G %g %V): week 1 holds the year's
 * first Thursday; weeks start on Monday. */
static int iso_week(const struct tm *tm, long *iso_year)
{
	long year = tm->tm_year + 1900L;
	int wday = weekday_mod(tm->tm_wday + 6);        /* Monday = 0 */
	int jan1 = weekday_mod(wday - tm->tm_yday);
	int week = (tm->tm_yday - wday + 10) / 7;

	if (week < 1) {
		year--;
		week = iso_weeks_in(year, weekday_mod(jan1 - 365 - is_leap(year)));
	} else if (week > iso_weeks_in(year, jan1)) {
		year++;
		week = 1;
	}
	*iso_year = year;
	return week;
}

static void format(struct out *o, const char *fmt, const struct tm *tm);

/* One conversion c; returns 0 if c is not one. */
static int convert(struct out *o, char c, const struct tm *tm)
{
	long iso_year;
	int hour12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;

	switch (c) {
	case 'a': put(o, name_of(day_names, tm->tm_wday, 7), 3); break;
	case 'A': puts_(o, name_of(day_names, tm->tm_wday, 7)); break;
	case 'b': case 'h': put(o, name_of(month_names, tm->tm_mon, 12), 3); break;
	case 'B': puts_(o, name_of(month_names, tm->tm_mon, 12)); break;
	case 'c': format(o, "%a %b %e %H:%M:%S %Y", tm); break;
	case 'C': putnum(o, "%02ld", (tm->tm_year + 1900L) / 100); break;
	case 'd': putnum(o, "%02ld", tm->tm_mday); break;
	case 'D': format(o, "%m/%d/%y", tm); break;
	case 'e': putnum(o, "%2ld", tm->tm_mday); break;
	case 'F': format(o, "%Y-%m-%d", tm); break;
	case 'g': iso_week(tm, &iso_year); putnum(o, "%02ld", (iso_year % 100 + 100) % 100); break;
	case 'G': iso_week(tm, &iso_year); putnum(o, "%ld", iso_year); break;
	case 'H': putnum(o, "%02ld", tm->tm_hour); break;
	case 'I': putnum(o, "%02ld", hour12); break;
	case 'j': putnum(o, "%03ld", tm->tm_yday + 1L); break;
	case 'm': putnum(o, "%02ld", tm->tm_mon + 1L); break;
	case 'M': putnum(o, "%02ld", tm->tm_min); break;
	case 'n': puts_(o, "\n"); break;
	case 'p': puts_(o, tm->tm_hour < 12 ? "AM" : "PM"); break;
	case 'r': format(o, "%I:%M:%S %p", tm); break;
	case 'R': format(o, "%H:%M", tm); break;
	case 'S': putnum(o, "%02ld", tm->tm_sec); break;
	case 't': puts_(o, "\t"); break;
	case 'T': format(o, "%H:%M:%S", tm); break;
	case 'u': putnum(o, "%ld", tm->tm_wday ? tm->tm_wday : 7); break;
	case 'U': putnum(o, "%02ld", (tm->tm_yday + 7L - tm->tm_wday) / 7); break;
	case 'V': putnum(o, "%02ld", iso_week(tm, &iso_year)); break;
	case 'w': putnum(o, "%ld", tm->tm_wday); break;
	case 'W': putnum(o, "%02ld", (tm->tm_yday + 7L - (tm->tm_wday + 6) % 7) / 7); break;
	case 'x': format(o, "%m/%d/%y", tm); break;
	case 'X': format(o, "%H:%M:%S", tm); break;
	case 'y': putnum(o, "%02ld", ((tm->tm_year + 1900L) % 100 + 100) % 100); break;
	case 'Y': putnum(o, "%ld", tm->tm_year + 1900L); break;
	case 'z': puts_(o, "+0000"); break;
	case 'Z': puts_(o, tm->tm_zone ? tm->tm_zone : "UTC"); break;
	case '%': puts_(o, "%"); break;
	default: return 0;
	}
	return 1;
}

static void format(struct out *o, const char *fmt, const struct tm *tm)
{
	for (const char *p = fmt; *p; p++) {
		const char *start = p;

		if (*p != '%' || !p[1]) {
			put(o, p, 1);
			continue;
		}
		p++;
		if ((*p == 'E' || *p == 'O') && p[1])
			p++;
		if (!convert(o, *p, tm))
			put(o, start, (size_t)(p - start + 1));
	}
}

/* C11: the count without the NUL, or 0 (contents unspecified) when it and
 * the NUL do not fit in max. */
size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
		const struct tm *restrict tm)
{
	struct out o = { s, max, 0 };

	format(&o, fmt, tm);
	if (o.n >= max)
		return 0;
	s[o.n] = '\0';
	return o.n;
}

/* C11 7.27.3.1's exact format: "Sun Sep 16 01:03:52 1973\n". */
char *asctime_r(const struct tm *restrict tm, char *restrict buf)
{
	snprintf(buf, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n",
		 name_of(day_names, tm->tm_wday, 7), name_of(month_names, tm->tm_mon, 12),
		 tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
	return buf;
}

char *asctime(const struct tm *tm)
{
	static char buf[26];

	return asctime_r(tm, buf);
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;

	return localtime_r(t, &tm) ? asctime_r(&tm, buf) : NULL;
}

char *ctime(const time_t *t)
{
	static char buf[26];

	return ctime_r(t, buf);
}
