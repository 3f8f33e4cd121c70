/*
 * threads-reap.atxf: a process of 8 threads that is killed, or faults,
 * gives back everything. Run as the first process (init=threads-reap.atxf:
 * it needs ROOT and the archive). For each of ROUNDS rounds (default 5) it
 * spawns threads-end.atxf twice, "hold" then "fault"; it kills the first
 * once the threads are waiting (100 ms) and waits for both. After the first
 * round (the kernel heap's own growth), the machine's free RAM
 * (SYS_MEM_INFO) must come back to what it was before each round, within
 * 64 KiB. Prints
 *   threads-reap: round R: killed status S1, faulted status S2, free RAM changed by K KiB
 * per round and "threads-reap: done" at the end (exit 0), or
 * "threads-reap: FAIL ..." (exit 1).
 */
#include <stdio.h>
#include <stdlib.h>
#include "archive_spawn.h"

static long spawn(const char *mode)
{
	const char *argv[] = { "threads-end.atxf", mode, NULL };

	return archive_spawn(argv, 2, 0);
}

static long free_kib(void)
{
	struct atxf_mem_info mi;

	return atxf_mem_info(&mi) < 0 ? 0 : (long)(mi.ram_free / 1024);
}

static int end_of(long pid, int kill_it)
{
	int status = -1, err;

	if (kill_it) {
		atxf_sleep_ns(100000000);
		err = atxf_proc_kill((uint32_t)pid);
		if (err < 0)
			return printf("threads-reap: FAIL: kill: %s\n", atxf_strerror(err)), -1;
	}
	err = atxf_proc_wait((uint32_t)pid, &status, ATXF_TIMEOUT_FOREVER);
	if (err < 0)
		return printf("threads-reap: FAIL: wait: %s\n", atxf_strerror(err)), -1;
	return status;
}

static int round_trip(int r)
{
	long before = free_kib(), held = spawn("hold"), faulty, change;
	int killed, faulted;

	if (held < 0)
		return printf("threads-reap: FAIL: spawn: %s\n", atxf_strerror((int)held)), 1;
	killed = end_of(held, 1);
	faulty = spawn("fault");
	if (faulty < 0)
		return printf("threads-reap: FAIL: spawn: %s\n", atxf_strerror((int)faulty)), 1;
	faulted = end_of(faulty, 0);
	change = free_kib() - before;
	printf("threads-reap: round %d: killed status %d, faulted status %d, free RAM changed "
	       "by %ld KiB\n", r, killed, faulted, change);
	fflush(stdout);
	if (killed != ATXF_EXIT_KILLED || faulted != ATXF_EXIT_FAULT_BASE + 14)
		return printf("threads-reap: FAIL: wrong status\n"), 1;
	if (r > 1 && (change < -64 || change > 64))
		return printf("threads-reap: FAIL: memory not given back\n"), 1;
	return 0;
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 5;

	for (int r = 1; r <= rounds; r++)
		if (round_trip(r))
			return 1;
	printf("threads-reap: done\n");
	return 0;
}
