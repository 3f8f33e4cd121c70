/* System calls about the calling process and time: exit, yield, sleep, the
 * monotonic clock, the wall clock and the caller's CPU time. */
#include <atxf/errors.h>
#include "proc/process.h"
#include "sched/sched.h"
#include "syscall/syscall.h"
#include "time/clock.h"
#include "time/wallclock.h"

long sys_exit(const struct syscall_args *args)
{
	process_exit((int)args->a[0]);
}

long sys_yield(const struct syscall_args *args)
{
	(void)args;
	sched_yield();
	return 0;
}

/* Sleeps at least a[0] nanoseconds; huge values sleep "forever" (a kill
 * still ends the sleep, and the process). */
long sys_sleep(const struct syscall_args *args)
{
	process_sleep(args->a[0]);
	return 0;
}

long sys_clock(const struct syscall_args *args)
{
	(void)args;
	return (long)clock_ns();
}

long sys_clock_realtime(const struct syscall_args *args)
{
	(void)args;
	return (long)wallclock_ns();
}

long sys_clock_cpu(const struct syscall_args *args)
{
	(void)args;
	return (long)process_cpu_ns(process_current());
}
