/*
 * The wall clock (wallclock.h): the offset between the RTC's UTC time at
 * boot and the monotonic clock, fixed once. Leap seconds do not exist here,
 * as in POSIX time.
 */
#include "arch/x86_64/cmos_rtc.h"
#include "lib/log.h"
#include "time/clock.h"
#include "time/wallclock.h"

#define SECS_PER_DAY 86400ull

static uint64_t epoch_offset_ns;        /* wall time = clock_ns() + this */

static int leap(unsigned y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days from 1970-01-01 to d's date: whole years, then whole months. */
static uint64_t days_since_epoch(const struct rtc_date *d)
{
	static const unsigned short month_start[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
	};
	uint64_t days = 0;

	for (unsigned y = 1970; y < d->year; y++)
		days += 365 + leap(y);
	days += month_start[d->month - 1] + (d->month > 2 && leap(d->year));
	return days + d->day - 1;
}

void wallclock_init(void)
{
	struct rtc_date d;
	uint64_t secs;

	if (cmos_rtc_read(&d)) {
		klog("clock: no readable CMOS RTC; wall time counts from 1970-01-01 at boot");
		epoch_offset_ns = 0;
		return;
	}
	secs = days_since_epoch(&d) * SECS_PER_DAY + d.hour * 3600ull + d.min * 60ull + d.sec;
	epoch_offset_ns = secs * NS_PER_SEC - clock_ns();
	klog("clock: wall time %04u-%02u-%02u %02u:%02u:%02u UTC from the CMOS RTC", d.year,
	     d.month, d.day, d.hour, d.min, d.sec);
}

uint64_t wallclock_ns(void)
{
	return clock_ns() + epoch_offset_ns;
}
