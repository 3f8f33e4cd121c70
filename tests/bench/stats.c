/* Benchmark figures (stats.h): median and 10th/90th percentiles. */
#include <stdio.h>
#include <stdlib.h>
#include <atxf/sys.h>
#include "stats.h"

static int by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void bench_report(const char *name, uint64_t *samples, unsigned n)
{
	if (!n) {
		bench_na(name, "no samples");
		return;
	}
	qsort(samples, n, sizeof(*samples), by_value);
	printf("bench: %s runs %u median %llu p10 %llu p90 %llu\n", name, n,
	       (unsigned long long)samples[n / 2], (unsigned long long)samples[n / 10],
	       (unsigned long long)samples[n * 9 / 10]);
}

void bench_na(const char *name, const char *why)
{
	printf("bench: %s n/a (%s)\n", name, why);
}

const char *bench_why(int err, const char *sys_name)
{
	static char buf[96];

	if (err == -ATXF_ENOSYS)
		snprintf(buf, sizeof(buf), "kernel lacks %s", sys_name);
	else
		snprintf(buf, sizeof(buf), "%s: %s", sys_name, atxf_strerror(err));
	return buf;
}
