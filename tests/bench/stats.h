/*
 * Benchmark samples and what the runner reads from them: one line per
 * figure, `bench: NAME runs R median M p10 A p90 B` in TSC cycles, or
 * `bench: NAME n/a (WHY)` when the kernel cannot run it yet.
 */
#ifndef BENCH_STATS_H
#define BENCH_STATS_H

#include <stdint.h>

/* rdtsc fenced on both sides, so the measured code cannot move across it. */
static inline uint64_t bench_tsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("lfence; rdtsc; lfence" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

/* Sorts the samples and prints the figure's line. */
void bench_report(const char *name, uint64_t *samples, unsigned n);
/* Prints the n/a line: why is e.g. "kernel lacks SYS_IPC_CALL". */
void bench_na(const char *name, const char *why);
/* "kernel lacks SYS_NAME" when err is -ATXF_ENOSYS, else err's sentence. */
const char *bench_why(int err, const char *sys_name);

#endif
