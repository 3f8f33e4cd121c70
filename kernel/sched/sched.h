/*
 * The scheduler: preemptive, strict priority between levels (0..31, higher
 * runs first), round-robin with a time slice within a level. Per-CPU run
 * queues, each with its own lock; one CPU today.
 */
#ifndef SCHED_SCHED_H
#define SCHED_SCHED_H

#include <stdint.h>
#include "sched/cpu.h"
#include "sched/thread.h"

#define SCHED_SLICE_NS (10 * 1000 * 1000ul)     /* 10 ms */

/* Makes the boot context this CPU's idle thread. */
void sched_init(void);
/* Gives up the CPU to any ready thread of the same or higher priority. */
void sched_yield(void);
/* Sleeps at least ns nanoseconds (the timer tick bounds the oversleep). */
void sched_sleep_ns(uint64_t ns);
/*
 * Sleeps until the clock reaches deadline (UINT64_MAX: until woken) or
 * sched_wake_sleeper() ends the sleep early. Call with interrupts off and
 * `unlock` held; it is released once the thread is on the sleeper list, so
 * a waker that takes it first cannot miss us. Returns with interrupts still
 * off and `unlock` not held: the caller re-checks its condition.
 */
void sched_sleep_until(uint64_t deadline, struct spinlock *unlock);
/* Ends t's sleep early if it is sleeping; does nothing otherwise. */
void sched_wake_sleeper(struct thread *t);
/* Makes a new, blocked or sleeping thread ready. */
void sched_wake(struct thread *t);
/* From the timer interrupt: wakes sleepers, ends time slices. */
void sched_tick(uint64_t now_ns);
/* At the end of every interrupt: switch if a reschedule is pending. */
void sched_preempt_point(void);
/* Blocks the current thread; `unlock` is released once it is off the CPU's
 * books, so a waker holding it cannot miss us (waitq.c). */
void sched_block(struct spinlock *unlock);
/* The current thread's name, or "boot" before the scheduler runs. */
const char *sched_current_name(void);
/* For thread.c: runs on a new thread's first switch-in. */
void sched_thread_started(void);
/* For thread_exit(): leaves the CPU for good. */
_Noreturn void sched_exit_current(void);

#endif
