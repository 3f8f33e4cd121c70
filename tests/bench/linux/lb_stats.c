/* lbench's figure lines: the same statistics as bench.atxf's stats.c. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "lbench.h"

static int by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void lb_report(const char *name, uint64_t *samples, unsigned n)
{
	qsort(samples, n, sizeof(*samples), by_value);
	printf("lbench: %s runs %u median %llu p10 %llu p90 %llu\n", name, n,
	       (unsigned long long)samples[n / 2], (unsigned long long)samples[n / 10],
	       (unsigned long long)samples[n * 9 / 10]);
	fflush(stdout);
}

void lb_na(const char *name, const char *why)
{
	printf("lbench: %s n/a (%s)\n", name, why);
	fflush(stdout);
}

uint64_t lb_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}
