/*
 * atxf_log() (<atxf/log.h>): format one line and hand it to the kernel's
 * log with SYS_LOG_WRITE, which adds the timestamp and "NAME[PID]: ".
 * Portable: its one system call is atxf_log_write, which libatxf-fake
 * provides too, so host tests of device logic see the same lines.
 */
#include <stdio.h>
#include <atxf/log.h>
#include <atxf/sys.h>

int atxf_vlog(const char *fmt, va_list ap)
{
	char text[ATXF_LOG_MAX + 1];
	int n = vsnprintf(text, sizeof(text), fmt, ap);

	if (n < 0)
		return -ATXF_EINVAL;
	/* A longer line is cut here; the kernel would cut it anyway. */
	return atxf_log_write(text, (size_t)n < sizeof(text) ? (size_t)n : sizeof(text) - 1);
}

int atxf_log(const char *fmt, ...)
{
	va_list ap;
	int err;

	va_start(ap, fmt);
	err = atxf_vlog(fmt, ap);
	va_end(ap);
	return err;
}
