/*
 * lbench: the Linux peer of bench.atxf (tests/bench/linux), a static
 * program that the Linux guest's /init runs. Its figures, one line each,
 * are what tests/bench/linux/guests.py reads off the serial console:
 *
 *   lbench: NAME runs R median M p10 A p90 B      (TSC cycles per trip)
 *   lbench: DEV WORKLOAD ops N bytes B ns T       (one storage workload)
 *   lbench: NAME n/a (WHY)
 */
#ifndef LBENCH_H
#define LBENCH_H

#include <stdint.h>

/* rdtsc fenced on both sides, as bench.atxf's stats.h reads it. */
static inline uint64_t lb_tsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("lfence; rdtsc; lfence" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

uint64_t lb_now_ns(void);
/* Sorts the samples and prints the figure's line. */
void lb_report(const char *name, uint64_t *samples, unsigned n);
void lb_na(const char *name, const char *why);

void lb_getppid(unsigned runs);
void lb_pipe(unsigned runs);
void lb_futex(unsigned runs);
/* The four storage workloads (storage.h) on one block device; 0 or -1. */
int lb_storage(const char *dev, const char *name);

#endif
