/*
 * The fake clock: nanoseconds since the reset, moved only by the code's own
 * waits (atxf_delay_us, atxf_sleep_ns), by the test, and by an optional step
 * per read. A timeout in device logic thus expires after exactly the waits
 * the code made, on every run and on any machine.
 */
#include "fake_internal.h"

static uint64_t now;
static uint64_t step;           /* added by every read */

void __atxf_fake_reset_clock(void)
{
	now = 0;
	step = 0;
}

/* Saturating: sleeping "forever" leaves the clock at its end, not at 0. */
static void advance(uint64_t ns)
{
	now = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
}

uint64_t atxf_time_ns(void)
{
	advance(step);
	return now;
}

uint64_t atxf_clock_ns(void)
{
	return atxf_time_ns();
}

void atxf_delay_us(uint32_t us)
{
	advance((uint64_t)us * 1000u);
}

int atxf_sleep_ns(uint64_t ns)
{
	advance(ns);
	return 0;
}

void atxf_yield(void)
{
}

void atxf_fake_clock_advance(uint64_t ns)
{
	advance(ns);
}

void atxf_fake_clock_step(uint64_t ns_per_read)
{
	step = ns_per_read;
}
