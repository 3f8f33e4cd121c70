/*
 * Process and time calls of <atxf/sys.h>: exit, yield, sleep, clock, the
 * console (program output and log lines), and spawning and watching other
 * processes.
 */
#include <atxf/sys.h>
#include "../libc/hooks.h"
#include "trap.h"

_Noreturn void atxf_exit(int status)
{
	/* SYS_EXIT does not return. Should a kernel ever let it, asking again
	 * is the only thing a _Noreturn function can do. */
	for (;;)
		sys_EXIT(status);
}

void atxf_yield(void)
{
	sys_YIELD();
}

int atxf_sleep_ns(uint64_t ns)
{
	return (int)sys_SLEEP((long)ns);
}

uint64_t atxf_clock_ns(void)
{
	return (uint64_t)sys_CLOCK();
}

uint64_t atxf_wallclock_ns(void)
{
	return (uint64_t)sys_CLOCK_REALTIME();
}

uint64_t atxf_cpu_ns(void)
{
	return (uint64_t)sys_CLOCK_CPU();
}

long atxf_debug_write(const char *buf, unsigned long len)
{
	return sys_DEBUG_WRITE(ATXF_PTR(buf), (long)len);
}

int atxf_log_write(const char *text, unsigned long len)
{
	return (int)sys_LOG_WRITE(ATXF_PTR(text), (long)len);
}

long atxf_log_read(atxf_handle_t klog, char *buf, unsigned long len)
{
	return sys_LOG_READ(klog, ATXF_PTR(buf), (long)len);
}

long atxf_proc_spawn(const struct atxf_spawn *spawn)
{
	return sys_PROC_SPAWN(ATXF_PTR(spawn), 0);
}

int atxf_proc_wait(uint32_t pid, int *status, uint64_t timeout_ns)
{
	return (int)sys_PROC_WAIT(pid, ATXF_PTR(status), (long)timeout_ns);
}

int atxf_proc_watch(atxf_handle_t port, uint64_t bits)
{
	return (int)sys_PROC_WATCH(port, (long)bits);
}

int atxf_proc_kill(uint32_t pid)
{
	return (int)sys_PROC_KILL(pid);
}

int atxf_proc_info(uint32_t index, struct atxf_proc_info *out, uint32_t n)
{
	return (int)sys_PROC_INFO(index, ATXF_PTR(out), n);
}
