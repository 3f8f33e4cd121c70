/*
 * killer.atxf: ends another program, for the kill scenario.
 *
 *   killer.atxf VICTIM WAITNAME
 *   start line: `with root` (SYS_PROC_KILL of a process that is not one's
 *   own child needs ATXF_CAP_ROOT)
 *
 * Waits (up to 10 s) until WAITNAME is registered with the name service,
 * so the scenario decides when, then finds the process started as VICTIM
 * (SYS_PROC_INFO) and kills it (SYS_PROC_KILL). Output:
 *   killer: killed VICTIM pid P
 * Exit 0, or 1 after `killer: FAIL: ...`.
 */
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/sys.h>

#define WAIT_NS 10000000000ull
#define BATCH   16

static int fail(const char *what, int err)
{
	atxf_log("killer: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

/* The pid of the live process named name, or -ATXF_ENOENT. */
static long find(const char *name)
{
	struct atxf_proc_info recs[BATCH];
	uint32_t index = 0;
	int n;

	while ((n = atxf_proc_info(index, recs, BATCH)) > 0) {
		for (int i = 0; i < n; i++)
			if (!strncmp(recs[i].name, name, sizeof(recs[i].name)) &&
			    recs[i].state != ATXF_PROC_ZOMBIE)
				return recs[i].pid;
		index += (uint32_t)n;
	}
	return n < 0 ? n : -ATXF_ENOENT;
}

int main(int argc, char **argv)
{
	atxf_handle_t cue;
	long pid;
	int err;

	if (argc != 3) {
		atxf_log("killer: usage: killer.atxf VICTIM WAITNAME\n");
		return 2;
	}
	cue = atxf_name_lookup(argv[2], WAIT_NS);
	if (cue < 0)
		return fail("waiting for the cue name", cue);
	pid = find(argv[1]);
	if (pid < 0)
		return fail("finding the victim", (int)pid);
	err = atxf_proc_kill((uint32_t)pid);
	if (err < 0)
		return fail("SYS_PROC_KILL", err);
	atxf_log("killer: killed %s pid %ld\n", argv[1], pid);
	return 0;
}
