/*
 * memlimit.atxf: the per-process memory limit, from the spawner's side. Run
 * as the first process (init=memlimit.atxf), so it holds ROOT and the boot
 * archive, and has no limit of its own. It spawns bigmem.atxf from the
 * archive three times and waits for each:
 *   limit 64 MiB, "bigmem.atxf 32 40": fits, exits 0;
 *   limit 16 MiB, "bigmem.atxf 32 8":  the 32 MiB block is refused, exits 1;
 *   limit 0 (the spawner's: none), "bigmem.atxf 32 8": exits 0.
 * bigmem reports the limit it sees. Prints
 *   memlimit: limit L MiB: bigmem exited with status S
 * for each, then "memlimit: done" and exits 0; "memlimit: FAIL ..." on an
 * error (exit 1).
 */
#include <stdio.h>
#include "archive_spawn.h"

static long spawn_bigmem(uint32_t limit_mib, const char *big, const char *small)
{
	const char *argv[] = { "bigmem.atxf", big, small, NULL };

	return archive_spawn(argv, 3, limit_mib);
}

static int run(uint32_t limit_mib, const char *big, const char *small)
{
	long pid = spawn_bigmem(limit_mib, big, small);
	int status, err;

	if (pid < 0) {
		printf("memlimit: FAIL: spawning bigmem.atxf: %s\n", atxf_strerror((int)pid));
		return 1;
	}
	err = atxf_proc_wait((uint32_t)pid, &status, ATXF_TIMEOUT_FOREVER);
	if (err < 0) {
		printf("memlimit: FAIL: waiting for bigmem.atxf: %s\n", atxf_strerror(err));
		return 1;
	}
	printf("memlimit: limit %u MiB: bigmem exited with status %d\n", limit_mib, status);
	fflush(stdout);
	return 0;
}

int main(void)
{
	if (run(64, "32", "40") || run(16, "32", "8") || run(0, "32", "8"))
		return 1;
	printf("memlimit: done\n");
	return 0;
}
