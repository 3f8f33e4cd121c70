/*
 * atxf_device_log(): one kernel log line "NAME[PID]: instance: message"
 * (SYS_LOG_WRITE, <atxf/log.h>).
 */
#include <stdarg.h>
#include <stdio.h>
#include <atxf/log.h>
#include <atxf/sys.h>
#include "core.h"

static const char *who(const struct atxf_device *dev)
{
	if (!dev)
		return "driver";
	if (dev->instance && dev->instance[0])
		return dev->instance;
	return atxf__driver_name(dev);
}

void atxf_device_log(const struct atxf_device *dev, const char *fmt, ...)
{
	char line[ATXF_LOG_MAX + 1];
	va_list ap;
	size_t len;

	snprintf(line, sizeof(line), "%s: ", who(dev));
	len = strlen(line);
	va_start(ap, fmt);
	/* A longer message is cut, not split. */
	vsnprintf(line + len, sizeof(line) - len, fmt, ap);
	va_end(ap);
	atxf_log_write(line, strlen(line));
}
