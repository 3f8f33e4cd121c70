/*
 * The kernel's formatted output: snprintf into a buffer. Supported: %d %i
 * %u %x %X %p %s %c %%, the l/ll/z length modifiers, the '-' and '0' flags,
 * a field width and a precision (both may be '*'). Nothing else (no floats).
 */
#ifndef LIB_PRINTF_H
#define LIB_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

/* Like C's vsnprintf: returns the length the full output would have. */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
