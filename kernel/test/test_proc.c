/*
 * Process self-test with real ATXF programs from the boot archive
 * (hello.atxf, spin.atxf; tests/qemu/progs): spawn through the loader, wait
 * with and without timeouts, kill, a refused image, orphans and zombies of
 * a parent that goes away, and afterwards every frame back.
 *
 * The kinit thread plays the parent (process_adopt_current()). The whole
 * round runs twice and the frame count is compared across the second: the
 * first fills the kernel heap's size classes, which keep their frames.
 */
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "lib/log.h"
#include "lib/string.h"
#include "mm/heap.h"
#include "mm/pmm.h"
#include "proc/bootfs.h"
#include "proc/loader.h"
#include "proc/process.h"
#include "proc/startinfo.h"
#include "sched/sched.h"
#include "test/ktest.h"
#include "time/clock.h"

#define SPIN_FOREVER "100000"           /* ms: ends only by a kill */
#define FRAME_SLACK  4                  /* KVA page tables are never freed */

static struct process *parent;

/* Starts archive member name with argv = { name, a1, a2 } (a2 may be NULL);
 * returns the pid, or a negative ATXF_E*. image overrides the member's
 * bytes when not NULL. */
static long spawn(const char *name, const char *a1, const char *a2, const void *image)
{
	const char *argv[3] = { name, a1, a2 };
	struct start_args args = { .argc = a2 ? 3 : 2, .argv = argv };
	struct atxf_ustar_entry e;
	struct process *p;
	int err;

	if (!bootfs_find(bootfs_get(), name, &e))
		return -ATXF_ENOENT;
	p = process_create(name, parent);
	if (!p)
		return -ATXF_ENOMEM;
	err = loader_exec(p, image ? image : e.data, e.size, &args, PRIO_DEFAULT);
	if (!err)
		return p->pid;
	process_destroy(p);
	return err;
}

/* Waits for child pid (0: any): its pid with *status, or the error. */
static long collect(uint32_t pid, uint64_t timeout_ns, int *status)
{
	int err;
	struct process *z = process_wait_child(parent, pid, timeout_ns, &err);

	if (!z)
		return err;
	*status = z->exit_status;
	pid = z->pid;
	process_reap(z);
	return pid;
}

static int check_exit_status(void)
{
	long pid = spawn("hello.atxf", "5", NULL, NULL);
	int status = -1;

	KTEST_CHECK(pid > 0, "cannot spawn hello.atxf (%ld)", pid);
	KTEST_CHECK(collect(0, ATXF_TIMEOUT_FOREVER, &status) == pid && status == 5,
		    "hello.atxf 5 gave status %d, want 5", status);
	return 0;
}

static int check_timeouts_and_kill(void)
{
	long pid = spawn("spin.atxf", SPIN_FOREVER, "victim", NULL);
	int status = -1;
	uint64_t t0;

	KTEST_CHECK(pid > 0, "cannot spawn spin.atxf (%ld)", pid);
	KTEST_CHECK(collect(pid, ATXF_TIMEOUT_NONE, &status) == -ATXF_EAGAIN,
		    "a poll of a running child must say EAGAIN");
	t0 = clock_ns();
	KTEST_CHECK(collect(pid, 20 * NS_PER_MS, &status) == -ATXF_ETIMEDOUT &&
		    clock_ns() - t0 >= 20 * NS_PER_MS, "a 20 ms wait must time out after 20 ms");
	KTEST_CHECK(process_kill(NULL, pid, false) == -ATXF_EPERM, "only the parent may kill");
	KTEST_CHECK(process_kill(parent, pid, false) == 0, "the parent cannot kill its child");
	KTEST_CHECK(collect(pid, ATXF_TIMEOUT_FOREVER, &status) == pid &&
		    status == ATXF_EXIT_KILLED, "killed child ended with %d, want %d", status,
		    ATXF_EXIT_KILLED);
	KTEST_CHECK(process_kill(parent, pid, false) == -ATXF_ENOENT, "a reaped pid lives on");
	KTEST_CHECK(collect(pid, ATXF_TIMEOUT_NONE, &status) == -ATXF_ENOENT, "reaped twice");
	KTEST_CHECK(collect(0, ATXF_TIMEOUT_FOREVER, &status) == -ATXF_ENOENT,
		    "waiting with no children must fail at once");
	return 0;
}

static int check_refusal(void)
{
	struct atxf_ustar_entry e;
	uint8_t *copy;
	long pid;

	KTEST_CHECK(bootfs_find(bootfs_get(), "hello.atxf", &e), "no hello.atxf");
	copy = kmalloc(e.size);
	KTEST_CHECK(copy, "no memory for a copy of hello.atxf");
	memcpy(copy, e.data, e.size);
	copy[0] ^= 0xff;                        /* the magic */
	pid = spawn("hello.atxf", "0", NULL, copy);
	kfree(copy);
	KTEST_CHECK(pid == -ATXF_ENOEXEC, "a bad magic gave %ld, want ENOEXEC", pid);
	return 0;
}

/* The ATXF_PROC_* state of process pid, or 0 if there is none. */
static uint32_t state_of(uint32_t pid)
{
	struct atxf_proc_info r;

	for (uint32_t i = 0; process_info(i, &r, 1); i++)
		if (r.pid == pid)
			return r.state;
	return 0;
}

/* Waits up to a second for pid's state to become want (0: gone). */
static bool await_state(uint32_t pid, uint32_t want)
{
	for (int ms = 0; ms < 1000; ms++) {
		if (state_of(pid) == want)
			return true;
		sched_sleep_ns(NS_PER_MS);
	}
	return false;
}

/* The parent goes away with a zombie and a living child: the zombie is
 * freed, the orphan frees itself when it ends. */
static int check_orphans(void)
{
	long spinner = spawn("spin.atxf", SPIN_FOREVER, "orphan", NULL);
	long zombie = spawn("hello.atxf", "0", NULL, NULL);

	KTEST_CHECK(spinner > 0 && zombie > 0, "cannot spawn (%ld, %ld)", spinner, zombie);
	KTEST_CHECK(await_state(zombie, ATXF_PROC_ZOMBIE), "hello.atxf did not end");
	process_abandon(parent);
	parent = NULL;
	KTEST_CHECK(!state_of(zombie), "the zombie outlived its parent");
	KTEST_CHECK(process_kill(NULL, spinner, true) == 0, "cannot kill the orphan");
	KTEST_CHECK(await_state(spinner, 0), "the killed orphan was not freed");
	return 0;
}

static int round(void)
{
	parent = process_create("ktest-parent", NULL);
	KTEST_CHECK(parent, "cannot create the parent");
	process_adopt_current(parent);
	if (check_exit_status() || check_timeouts_and_kill() || check_refusal() ||
	    check_orphans())
		return -1;
	return 0;
}

int ktest_proc(void)
{
	uint64_t before;
	long leaked;

	KTEST_CHECK(bootfs_get(), "no boot archive");
	if (round())
		return -1;
	before = pmm_free_frames();
	if (round())
		return -1;
	leaked = (long)(before - pmm_free_frames());
	klog("ktest proc: spawn, wait, timeouts, kill, refusal, orphans: %ld frames net", leaked);
	KTEST_CHECK(leaked <= FRAME_SLACK, "%ld frames leaked", leaked);
	return 0;
}
