/*
 * lbench main: `lbench ipc RUNS` measures the IPC peers (lb_ipc.c);
 * `lbench blk DEV NAME` runs the storage workloads on /dev/DEV and names
 * its lines NAME (lb_storage.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lbench.h"

#define MAX_RUNS 10000

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "ipc") == 0) {
		unsigned runs = (unsigned)strtoul(argv[2], NULL, 0);

		if (runs == 0 || runs > MAX_RUNS)
			runs = MAX_RUNS;
		lb_getppid(runs * 5 > MAX_RUNS ? MAX_RUNS : runs * 5);
		lb_pipe(runs);
		lb_futex(runs);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "blk") == 0)
		return lb_storage(argv[2], argv[3]) ? 1 : 0;
	fprintf(stderr, "usage: lbench ipc RUNS | lbench blk DEV NAME\n");
	return 2;
}
