/*
 * atxf_device_log(): one line "instance: message" on the debug console,
 * written in one call so lines from different drivers do not interleave.
 */
#include <stdarg.h>
#include <stdio.h>
#include <atxf/sys.h>
#include "core.h"

#define LOG_LINE_MAX 160

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
	char line[LOG_LINE_MAX];
	va_list ap;
	size_t len;

	snprintf(line, sizeof(line), "%s: ", who(dev));
	len = strlen(line);
	va_start(ap, fmt);
	/* Leave room for the newline; a longer message is cut, not split. */
	vsnprintf(line + len, sizeof(line) - len - 1, fmt, ap);
	va_end(ap);
	len = strlen(line);
	line[len++] = '\n';
	atxf_debug_write(line, len);
}
