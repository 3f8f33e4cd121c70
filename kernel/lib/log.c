/*
 * klog(): format one line into a stack buffer, then write it to the console
 * under a lock so lines from different threads (and, later, CPUs) never mix.
 */
#include <stdarg.h>
#include <stdbool.h>
#include "arch/x86_64/serial.h"
#include "lib/log.h"
#include "lib/printf.h"
#include "sched/spinlock.h"
#include "time/clock.h"

static struct spinlock log_lock = SPINLOCK_INIT("log");
static bool panic_mode;

static int format_prefix(char *buf, size_t size)
{
	uint64_t us = clock_ns() / NS_PER_US;

	return ksnprintf(buf, size, "[%5lu.%06lu] ", us / 1000000, us % 1000000);
}

void klog(const char *fmt, ...)
{
	char line[LOG_LINE_MAX + 2];
	va_list ap;
	int n = format_prefix(line, LOG_LINE_MAX);

	va_start(ap, fmt);
	n += kvsnprintf(line + n, LOG_LINE_MAX - n, fmt, ap);
	va_end(ap);
	if (n >= LOG_LINE_MAX) {
		n = LOG_LINE_MAX - 1;
		line[n - 3] = line[n - 2] = line[n - 1] = '.';
	}
	line[n++] = '\n';

	if (panic_mode) {
		serial_write(line, n);
		return;
	}
	uint64_t flags = spin_lock_irqsave(&log_lock);
	serial_write(line, n);
	spin_unlock_irqrestore(&log_lock, flags);
}

void klog_panic_mode(void)
{
	panic_mode = true;
}
