/*
 * klog(): format one line into a stack buffer, then hand it to the console
 * (lib/console.h), which writes it whole, at the start of a line, under its
 * lock, so lines from different threads (and, later, CPUs) never mix, and
 * never with a program's output.
 */
#include <stdarg.h>
#include "lib/console.h"
#include "lib/log.h"
#include "lib/printf.h"
#include "time/clock.h"

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
	console_kernel_line(line, (size_t)n);
}

void klog_panic_mode(void)
{
	console_panic_mode();
}
