/*
 * <time.h>'s clocks and sleep, on the kernel's three clocks: the wall clock
 * (SYS_CLOCK_REALTIME: the CMOS RTC at boot, carried forward), the
 * monotonic clock (SYS_CLOCK) and the process's CPU time (SYS_CLOCK_CPU).
 * All count nanoseconds.
 */
#include <errno.h>
#include <time.h>
#include <atxf/sys.h>

#define NS_PER_SEC 1000000000ull
/* Every clock counts nanoseconds; the tick is the TSC's, finer than that. */
#define CLOCK_RESOLUTION_NS 1

static int read_clock(clockid_t clk, uint64_t *ns)
{
	switch (clk) {
	case CLOCK_REALTIME: *ns = atxf_wallclock_ns(); return 0;
	case CLOCK_MONOTONIC: *ns = atxf_clock_ns(); return 0;
	case CLOCK_PROCESS_CPUTIME_ID: *ns = atxf_cpu_ns(); return 0;
	default:
		errno = EINVAL;
		return -1;
	}
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	uint64_t ns;

	if (read_clock(clk, &ns))
		return -1;
	ts->tv_sec = (time_t)(ns / NS_PER_SEC);
	ts->tv_nsec = (long)(ns % NS_PER_SEC);
	return 0;
}

int clock_getres(clockid_t clk, struct timespec *ts)
{
	uint64_t ns;

	if (read_clock(clk, &ns))
		return -1;
	if (ts)
		*ts = (struct timespec){ 0, CLOCK_RESOLUTION_NS };
	return 0;
}

int timespec_get(struct timespec *ts, int base)
{
	if (base != TIME_UTC || clock_gettime(CLOCK_REALTIME, ts))
		return 0;
	return base;
}

time_t time(time_t *t)
{
	time_t now = (time_t)(atxf_wallclock_ns() / NS_PER_SEC);

	if (t)
		*t = now;
	return now;
}

clock_t clock(void)
{
	return (clock_t)(atxf_cpu_ns() / (NS_PER_SEC / CLOCKS_PER_SEC));
}

/* Nothing interrupts a sleep on ATXF (no signal arrives from outside), so
 * *rem is always zero when there is one. */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
	if (req->tv_sec < 0 || req->tv_nsec < 0 || req->tv_nsec >= (long)NS_PER_SEC) {
		errno = EINVAL;
		return -1;
	}
	atxf_sleep_ns((uint64_t)req->tv_sec * NS_PER_SEC + (uint64_t)req->tv_nsec);
	if (rem)
		*rem = (struct timespec){ 0, 0 };
	return 0;
}
