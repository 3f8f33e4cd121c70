/*
 * The wall clock: UTC nanoseconds since 1970-01-01, for SYS_CLOCK_REALTIME.
 * It is the CMOS RTC's reading at boot carried forward by the monotonic
 * clock (clock.h), so it never jumps and never goes back.
 */
#ifndef TIME_WALLCLOCK_H
#define TIME_WALLCLOCK_H

#include <stdint.h>

/* Reads the RTC once; logs the time, or that there is none (then the
 * wall clock counts from the epoch at boot). */
void wallclock_init(void);
uint64_t wallclock_ns(void);

#endif
