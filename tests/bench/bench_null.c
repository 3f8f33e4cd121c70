/*
 * The null system call: number 33 is in no table, so the kernel's whole
 * work is the entry, the dispatch and the exit path; SYS_CLOCK, for
 * comparison, is the cheapest call that does something.
 */
#include <atxf/sys.h>
#include "bench.h"
#include "stats.h"

#define UNUSED_SYSCALL 33
#define WARMUP 100

static uint64_t samples[10000];

static uint64_t one(long nr)
{
	uint64_t t0 = bench_tsc();

	atxf_syscall(nr, 0, 0, 0, 0, 0, 0);
	return bench_tsc() - t0;
}

static void measure(const char *name, long nr, unsigned runs)
{
	for (unsigned i = 0; i < WARMUP; i++)
		one(nr);
	for (unsigned i = 0; i < runs; i++)
		samples[i] = one(nr);
	bench_report(name, samples, runs);
}

void bench_null(unsigned runs)
{
	measure("null-syscall", UNUSED_SYSCALL, runs);
	measure("clock-syscall", SYS_CLOCK, runs);
}
