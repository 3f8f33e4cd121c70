/* The periodic tick (time/timer.h); the hardware side is arch/x86_64/lapic.c. */
#include "arch/x86_64/lapic.h"
#include "proc/output.h"
#include "proc/process.h"
#include "sched/sched.h"
#include "time/clock.h"
#include "time/timer.h"

static volatile uint64_t ticks;

void timer_init(void)
{
	lapic_timer_start(TIMER_HZ);
}

void timer_tick(void)
{
	ticks++;
	output_tick(process_current());         /* the process this tick interrupted */
	sched_tick(clock_ns());
}

uint64_t timer_ticks(void)
{
	return ticks;
}
