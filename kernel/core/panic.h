/* The end of the line: report, backtrace, halt (or power QEMU off). */
#ifndef CORE_PANIC_H
#define CORE_PANIC_H

#include <stdbool.h>

_Noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Like panic() without the backtrace: for callers that printed their own
 * report of the failing context (exceptions). */
_Noreturn void panic_reported(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Makes panics power QEMU off with QEMU_EXIT_PANIC (cmdline panic=exit). */
void panic_set_exit(bool on);

#define ASSERT(cond)                                                          \
	do {                                                                  \
		if (!(cond))                                                  \
			panic("assertion failed: %s (%s:%d)", #cond, __FILE__, \
			      __LINE__);                                      \
	} while (0)

#endif
