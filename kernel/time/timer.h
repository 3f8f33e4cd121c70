/*
 * The periodic tick: it drives preemption and wakes sleepers. The clock
 * (time/clock.h) is separate and exact; the tick only bounds how late a
 * sleeper wakes (one period) and how long a time slice may overrun.
 */
#ifndef TIME_TIMER_H
#define TIME_TIMER_H

#include <stdint.h>

#define TIMER_HZ 1000

/* Starts the tick on this CPU. */
void timer_init(void);
/* Called by the architecture's timer interrupt. */
void timer_tick(void);
uint64_t timer_ticks(void);

#endif
