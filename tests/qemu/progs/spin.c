/*
 * spin.atxf: a CPU-bound process, for the preemption scenario. Two of them
 * started side by side must both finish: neither ever blocks or yields, so
 * only the timer can switch between them.
 *
 *   spin.atxf [MS [LABEL]]      MS defaults to 1000, LABEL to "spin"
 *
 * Counts loop iterations until MS milliseconds of the kernel's clock have
 * passed, then prints
 *   spin LABEL: N iterations in T ms
 * and exits 0. T is the measured time, in whole milliseconds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <atxf/log.h>
#include <atxf/sys.h>

/* Clock reads are system calls: one per batch keeps the loop CPU-bound. */
#define BATCH 4096

static uint64_t spin_until(uint64_t deadline)
{
	uint64_t n = 0;

	do {
		for (int i = 0; i < BATCH; i++) {
			n++;
			/* An empty asm the compiler must assume reads n: the loop stays a loop. */
			__asm__ volatile("" : "+r"(n));
		}
	} while (atxf_clock_ns() < deadline);
	return n;
}

int main(int argc, char **argv)
{
	uint64_t ms = argc > 1 ? (uint64_t)atoi(argv[1]) : 1000;
	const char *label = argc > 2 ? argv[2] : "spin";
	uint64_t start = atxf_clock_ns();
	uint64_t n = spin_until(start + ms * 1000000u);
	uint64_t took = atxf_clock_ns() - start;

	atxf_log("spin %s: %llu iterations in %llu ms\n", label, (unsigned long long)n,
		 (unsigned long long)(took / 1000000u));
	return 0;
}
