/*
 * sleeper.atxf: measures one 100 ms sleep with the kernel's own clock, for
 * the scenario that wants it to end within 100..150 ms. Prints
 *   sleeper: sleep(100 ms) took N.NNN ms (N: digits)
 * and exits 0 (1 if the sleep call itself failed).
 */
#include <stdint.h>
#include <stdio.h>
#include <atxf/log.h>
#include <atxf/sys.h>

#define SLEEP_NS 100000000u     /* 100 ms */

int main(void)
{
	uint64_t start = atxf_clock_ns();
	int ret = atxf_sleep_ns(SLEEP_NS);
	uint64_t took = atxf_clock_ns() - start;

	if (ret < 0) {
		atxf_log("sleeper: sleep failed: %s\n", atxf_strerror(ret));
		return 1;
	}
	/* The libc's printf has no %f: whole milliseconds, then microseconds. */
	atxf_log("sleeper: sleep(100 ms) took %llu.%03llu ms\n",
		 (unsigned long long)(took / 1000000u), (unsigned long long)(took / 1000u % 1000u));
	return 0;
}
