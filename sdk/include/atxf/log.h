/*
 * Logging for services and drivers: one kernel log line per call,
 *
 *   [    1.234567] NAME[PID]: text
 *
 * with the kernel's timestamp and the caller's name and pid in front. A
 * program's printf output is something else: its own bytes on the console,
 * as they are (docs/boot.md, "The serial console"). A service or driver
 * logs; a program that talks to its user prints.
 *
 * A trailing '\n' is accepted and dropped, so a printf format moves over
 * unchanged. Other control characters (an inner '\n' among them) become
 * spaces: a call is one line, and cannot forge a second one. Text beyond
 * ATXF_LOG_MAX bytes is cut.
 */
#ifndef ATXF_LOG_H
#define ATXF_LOG_H

#include <stdarg.h>

#define ATXF_LOG_MAX 400        /* bytes of text one line carries */

/* Formats like printf and logs the line: 0, or a negative ATXF_E* code. */
int atxf_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int atxf_vlog(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
