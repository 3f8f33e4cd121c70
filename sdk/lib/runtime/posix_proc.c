/* <unistd.h>'s process calls: getpid, getppid, sleep and usleep. */
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <atxf/sys.h>

#define INFO_BATCH 16

pid_t getpid(void)
{
	return (pid_t)atxf_start_info()->pid;
}

/* The kernel's process table names each one's parent. Init has none: 0. */
pid_t getppid(void)
{
	struct atxf_proc_info recs[INFO_BATCH];
	uint32_t me = atxf_start_info()->pid;
	int n;

	for (uint32_t index = 0; (n = atxf_proc_info(index, recs, INFO_BATCH)) > 0; index += n)
		for (int i = 0; i < n; i++)
			if (recs[i].pid == me)
				return (pid_t)recs[i].parent;
	return 0;
}

unsigned sleep(unsigned seconds)
{
	struct timespec ts = { .tv_sec = seconds };

	nanosleep(&ts, NULL);
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec ts = { .tv_sec = usec / 1000000u, .tv_nsec = usec % 1000000u * 1000l };

	return nanosleep(&ts, NULL);
}
