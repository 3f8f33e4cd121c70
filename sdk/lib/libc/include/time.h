/*
 * <time.h> for ATXF programs (C11 7.27, POSIX clocks and nanosleep).
 *
 * The wall clock is UTC: the kernel reads the CMOS real-time clock once at
 * boot and counts from there with its monotonic clock (SYS_CLOCK_REALTIME,
 * docs/syscalls.md). There are no time zones, so localtime() is gmtime()
 * (with tm_zone "UTC") and mktime() is timegm(). clock() is the CPU time
 * the kernel has charged to the process.
 */
#ifndef _ATXF_TIME_H
#define _ATXF_TIME_H

#include <bits/target.h>

#include <stddef.h>
#include <sys/types.h>

#define CLOCKS_PER_SEC 1000000l
#define TIME_UTC 1

#define CLOCK_REALTIME           0
#define CLOCK_MONOTONIC          1
#define CLOCK_PROCESS_CPUTIME_ID 2

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

struct tm {
	int tm_sec;             /* 0..60 */
	int tm_min;
	int tm_hour;
	int tm_mday;            /* 1..31 */
	int tm_mon;             /* 0..11 */
	int tm_year;            /* years since 1900 */
	int tm_wday;            /* 0 = Sunday */
	int tm_yday;            /* 0..365 */
	int tm_isdst;           /* always 0: UTC has no daylight saving */
	long tm_gmtoff;         /* seconds east of UTC: 0 */
	const char *tm_zone;    /* "GMT" from gmtime, "UTC" from localtime */
};

clock_t clock(void);
time_t time(time_t *t);
double difftime(time_t t1, time_t t0);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
int timespec_get(struct timespec *ts, int base);
int clock_gettime(clockid_t clk, struct timespec *ts);
int clock_getres(clockid_t clk, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm);
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *restrict tm, char *restrict buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);
size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
		const struct tm *restrict tm);

/* POSIX's time-zone interface, for programs that call it: always UTC. */
extern char *tzname[2];
extern long timezone;
extern int daylight;
void tzset(void);

#endif /* _ATXF_TIME_H */
