/*
 * The kernel log: one line per call, prefixed with the time since kernel
 * entry ("[    0.012345] "), written to the console (lib/console.h, COM1),
 * always at the start of a line.
 */
#ifndef LIB_LOG_H
#define LIB_LOG_H

/* Longer lines are cut and end in "...". Room for a program's log line:
 * timestamp, name, pid and ATXF_LOG_MAX (<atxf/log.h>) bytes of text. */
#define LOG_LINE_MAX 512

void klog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* From here on the log ignores its lock: a panicking CPU must get its report
 * out even if it was interrupted while holding the lock. */
void klog_panic_mode(void);

#endif
