/* Frame-pointer backtraces for panics and exception reports. */
#ifndef ARCH_X86_64_BACKTRACE_H
#define ARCH_X86_64_BACKTRACE_H

#include <stdint.h>

/* Logs "backtrace:" and one line per frame, starting at rip with frame rbp. */
void backtrace_log(uint64_t rip, uint64_t rbp);
/* For a trapped context: also shows the word at rsp when it is a return
 * address, as "?": the caller of a function that faulted before (or
 * without) setting up its frame, which the rbp chain cannot show. */
void backtrace_log_trap(uint64_t rip, uint64_t rbp, uint64_t rsp);
/* Logs the backtrace of the caller. */
void backtrace_log_here(void);
/* The return addresses on the caller's stack, innermost first, into
 * out[0..n), the first skip of them left out (0: starting in the caller):
 * how many were found (the rest are 0). Cheap: no symbols. */
int backtrace_capture(uint64_t *out, int n, int skip);
/* Logs a captured trace, one line per frame. */
void backtrace_log_captured(const uint64_t *pcs, int n);

#endif
