/*
 * init: the first process, started by the kernel from the boot archive
 * with the root capability (docs/boot.md).
 *
 * It starts the name service first (names.c), then reads boot.cfg from
 * the archive, starts each `start` line's program in order with a send
 * right to the name service as handle ATXF_HANDLE_NAMESERVICE, says
 * `init: ready (N programs started)`, then serves name requests and run
 * requests (system(), runs.c) and collects its children as they end, one
 * log line each. When the child started from an
 * `exit-with` name ends, init powers the machine off through QEMU's
 * isa-debug-exit device with that child's exit status (QEMU exits with
 * (status << 1) | 1; without the device the write does nothing and init
 * goes on). A malformed line is logged and skipped.
 *
 * Built with x86_64-atxf-gcc like any ATXF program (rule 4).
 */
#include <stdio.h>
#include <string.h>
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/sys.h>
#include "bootcfg.h"
#include "grants.h"
#include "names.h"
#include "programs.h"
#include "runs.h"

#define DEBUG_EXIT_PORT 0xf4    /* -device isa-debug-exit,iobase=0xf4 */
#define EXIT_WITH_MAX   8
/* The notification bit the kernel sets on the name service's port when a
 * child of init ends (SYS_PROC_WATCH): init then collects it at once. */
#define CHILD_ENDED_BIT 1ull

static char exit_with[EXIT_WITH_MAX][BOOTCFG_LINE_MAX + 1];
static unsigned exit_with_count;

static void note_exit_with(const struct bootcfg_directive *d)
{
	if (exit_with_count == EXIT_WITH_MAX) {
		atxf_log("init: boot.cfg:%u: more than %d exit-with lines; ignored\n", d->line,
			 EXIT_WITH_MAX);
		return;
	}
	strcpy(exit_with[exit_with_count++], d->argv[0]);
}

static void note_env(const struct bootcfg_directive *d)
{
	if (program_setenv(d->argv[0]) < 0)
		atxf_log("init: boot.cfg:%u: more than %d env names; ignored\n", d->line,
			 ATXF_SPAWN_MAX_ENV);
}

static int is_exit_with(const char *name)
{
	for (unsigned i = 0; i < exit_with_count; i++)
		if (!strcmp(exit_with[i], name))
			return 1;
	return 0;
}

/* Starts one `start` line's program; 1 if it runs. */
static int start(const struct archive *fs, const struct bootcfg_directive *d)
{
	atxf_handle_t caps[ATXF_SPAWN_MAX_CAPS] = { ATXF_HANDLE_NONE, names_client_handle() };
	atxf_handle_t *extra = caps + ATXF_HANDLE_FIRST_EXTRA;
	struct grants_extra x;
	int n = grants_make(d, fs, extra, &x);
	long pid;

	if (n < 0)
		return 0;
	pid = program_start(fs, d, caps, ATXF_HANDLE_FIRST_EXTRA + (unsigned)n, x.mem_mib,
			    x.stdin_env[0] ? x.stdin_env : NULL);
	grants_drop(extra, (unsigned)n);
	if (pid == -ATXF_ENOENT) {
		atxf_log("init: boot.cfg:%u: %s: not in the boot archive\n", d->line, d->argv[0]);
		return 0;
	}
	if (pid < 0) {
		atxf_log("init: boot.cfg:%u: cannot start %s: %s\n", d->line, d->argv[0],
			 atxf_strerror((int)pid));
		return 0;
	}
	atxf_log("init: started %s pid %ld\n", d->argv[0], pid);
	/* ROOT lets it start drivers: it names their instances (devmgr). */
	if (grants_root(d))
		names_trust((uint32_t)pid, d->argv[0]);
	return 1;
}

/* Runs boot.cfg; returns how many programs it started. */
static unsigned run_config(const struct archive *fs)
{
	struct bootcfg_directive d;
	struct bootcfg_reader r;
	unsigned started = 0;
	uint64_t size;
	const char *cfg = archive_member(fs, "boot.cfg", &size);

	if (!cfg) {
		atxf_log("init: no boot.cfg in the boot archive: nothing to start\n");
		return 0;
	}
	bootcfg_begin(&r, cfg, size);
	for (;;) {
		enum bootcfg_result res = bootcfg_next(&r, &d);

		if (res == BOOTCFG_END)
			return started;
		if (res == BOOTCFG_MALFORMED)
			atxf_log("init: boot.cfg:%u: %s; line skipped\n", d.line, d.error);
		else if (d.kind == BOOTCFG_EXIT_WITH)
			note_exit_with(&d);
		else if (d.kind == BOOTCFG_ENV)
			note_env(&d);
		else
			started += start(fs, &d);
	}
}

static void power_off(const char *name, int status)
{
	atxf_log("init: %s ends the run (exit-with): powering off with status %d\n", name, status);
	fflush(stdout);
	atxf_outb(DEBUG_EXIT_PORT, (uint8_t)status);
}

static _Noreturn void idle_forever(void)
{
	for (;;)
		atxf_sleep_ns(ATXF_TIMEOUT_FOREVER);
}

/* An exit-with program that ended: the run ends once the others that
 * ended by then are collected too, so the log has each of their lines. */
static struct {
	int due;
	char name[BOOTCFG_LINE_MAX + 1];
	int status;
} ending;

/* One child ended: its line, its names, and exit-with. */
static void ended(long pid, int status)
{
	char name[BOOTCFG_LINE_MAX + 1];

	program_forget((uint32_t)pid, name, sizeof(name));
	atxf_log("init: %s pid %ld exited with status %d\n", name, pid, status);
	names_forget((uint32_t)pid);
	runs_ended((uint32_t)pid, status);
	if (is_exit_with(name) && !ending.due) {
		ending.due = 1;
		memcpy(ending.name, name, sizeof(ending.name));
		ending.status = status;
	}
}

/*
 * Collects every child that has ended, waiting up to timeout_ns for the
 * first, then ends the run if an exit-with program was among them.
 * Returns 1 while children remain, 0 when none is left.
 */
static int reap(uint64_t timeout_ns)
{
	int status, left = 1;

	for (;;) {
		long pid = atxf_proc_wait(0, &status, timeout_ns);

		if (pid == -ATXF_EAGAIN || pid == -ATXF_ETIMEDOUT)
			break;
		if (pid == -ATXF_ENOENT) {
			left = 0;
			break;
		}
		if (pid < 0) {
			atxf_log("init: waiting for children failed: %s\n", atxf_strerror((int)pid));
			left = 0;
			break;
		}
		ended(pid, status);
		timeout_ns = ATXF_TIMEOUT_NONE;
	}
	if (ending.due == 1) {
		ending.due = 2;         /* once: without isa-debug-exit the run goes on */
		power_off(ending.name, ending.status);
	}
	return left;
}

/*
 * init's loop: answer name requests as they come, and collect each child
 * that ends as soon as the kernel says so (a notification on the name
 * service's port, which wakes names_serve_one). Without a name service, or
 * once no child is left to collect, it only does the other.
 */
static _Noreturn void serve_and_reap(unsigned started)
{
	int children = 1, serving = names_client_handle() >= 0;

	while (children || serving) {
		if (serving && names_serve_one(ATXF_TIMEOUT_FOREVER) < 0)
			serving = 0;
		if (runs_take_started())
			children = 1;
		if (children)
			children = reap(serving ? ATXF_TIMEOUT_NONE : ATXF_TIMEOUT_FOREVER);
		if (!children && started) {
			atxf_log("init: every program has ended\n");
			started = 0;
		}
		fflush(stdout);
	}
	idle_forever();
}

/* The watch comes before the first program, so no ending goes unheard. */
static void start_names(void)
{
	int err = names_start();

	if (err < 0) {
		atxf_log("init: no name service: creating its port failed: %s\n", atxf_strerror(err));
		return;
	}
	atxf_log("init: name service ready\n");
	err = atxf_proc_watch(names_client_handle(), CHILD_ENDED_BIT);
	if (err < 0)
		atxf_log("init: watching its children failed (%s): ended programs are "
			 "collected only when a name request comes\n", atxf_strerror(err));
}

int main(void)
{
	struct archive fs;
	unsigned started = 0;

	start_names();
	if (archive_find(&fs)) {
		runs_init(&fs);
		started = run_config(&fs);
	} else {
		atxf_log("init: the kernel passed no boot archive: nothing to start\n");
	}
	atxf_log("init: ready (%u programs started)\n", started);
	fflush(stdout);
	serve_and_reap(started);
}
