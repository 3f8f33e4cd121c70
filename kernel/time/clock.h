/*
 * The kernel's monotonic clock: nanoseconds since kernel entry (the first
 * instruction of boot.S). It never goes back and needs no interrupts, so it
 * timestamps the log from the first line. The x86_64 implementation is the
 * TSC (arch/x86_64/tsc.c).
 */
#ifndef TIME_CLOCK_H
#define TIME_CLOCK_H

#include <stdint.h>

#define NS_PER_US   1000ul
#define NS_PER_MS   1000000ul
#define NS_PER_SEC  1000000000ul

/* Calibrates the clock; before this returns, clock_ns() reads 0. */
void clock_init(void);
uint64_t clock_ns(void);
/* The clock's source frequency in Hz, for the log. */
uint64_t clock_source_hz(void);
/* Busy-waits for ns nanoseconds (for hardware settle times and calibration). */
void clock_spin_ns(uint64_t ns);

#endif
