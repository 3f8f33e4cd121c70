/*
 * The PC's CMOS real-time clock (MC146818, QEMU's "mc146818rtc"): read once
 * at boot for the wall time (time/wallclock.c).
 */
#ifndef ARCH_X86_64_CMOS_RTC_H
#define ARCH_X86_64_CMOS_RTC_H

#include <stdint.h>

struct rtc_date {
	unsigned year;          /* e.g. 2026 */
	unsigned month;         /* 1..12 */
	unsigned day;           /* 1..31 */
	unsigned hour, min, sec;
};

/* Reads the clock: 0, or -1 when it never settles or reads nonsense. */
int cmos_rtc_read(struct rtc_date *d);

#endif
