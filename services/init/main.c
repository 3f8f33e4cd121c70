/*
 * init: the first process, started by the kernel from the boot archive
 * with the root capability (docs/boot.md).
 *
 * It reads boot.cfg from the archive, starts each `start` line's program
 * in order, says `init: ready (N programs started)`, then collects its
 * children as they end, one log line each. When the child started from an
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
#include <atxf/sys.h>
#include "bootcfg.h"
#include "programs.h"

#define DEBUG_EXIT_PORT 0xf4    /* -device isa-debug-exit,iobase=0xf4 */
#define EXIT_WITH_MAX   8

static char exit_with[EXIT_WITH_MAX][BOOTCFG_LINE_MAX + 1];
static unsigned exit_with_count;

static void note_exit_with(const struct bootcfg_directive *d)
{
	if (exit_with_count == EXIT_WITH_MAX) {
		printf("init: boot.cfg:%u: more than %d exit-with lines; ignored\n", d->line,
		       EXIT_WITH_MAX);
		return;
	}
	strcpy(exit_with[exit_with_count++], d->argv[0]);
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
	long pid = program_start(fs, d);

	if (pid == -ATXF_ENOENT) {
		printf("init: boot.cfg:%u: %s: not in the boot archive\n", d->line, d->argv[0]);
		return 0;
	}
	if (pid < 0) {
		printf("init: boot.cfg:%u: cannot start %s: %s\n", d->line, d->argv[0],
		       atxf_strerror((int)pid));
		return 0;
	}
	printf("init: started %s pid %ld\n", d->argv[0], pid);
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
		printf("init: no boot.cfg in the boot archive: nothing to start\n");
		return 0;
	}
	bootcfg_begin(&r, cfg, size);
	for (;;) {
		enum bootcfg_result res = bootcfg_next(&r, &d);

		if (res == BOOTCFG_END)
			return started;
		if (res == BOOTCFG_MALFORMED)
			printf("init: boot.cfg:%u: %s; line skipped\n", d.line, d.error);
		else if (d.kind == BOOTCFG_EXIT_WITH)
			note_exit_with(&d);
		else
			started += start(fs, &d);
	}
}

static void power_off(const char *name, int status)
{
	printf("init: %s ends the run (exit-with): powering off with status %d\n", name, status);
	fflush(stdout);
	atxf_outb(DEBUG_EXIT_PORT, (uint8_t)status);
}

static _Noreturn void idle_forever(void)
{
	for (;;)
		atxf_sleep_ns(ATXF_TIMEOUT_FOREVER);
}

/* Collects children as they end; when none is left, idles. */
static _Noreturn void reap(unsigned started)
{
	char name[BOOTCFG_LINE_MAX + 1];
	int status;

	for (;;) {
		long pid = atxf_proc_wait(0, &status, ATXF_TIMEOUT_FOREVER);

		if (pid == -ATXF_ENOENT)
			break;
		if (pid < 0) {
			printf("init: waiting for children failed: %s\n", atxf_strerror((int)pid));
			break;
		}
		program_forget((uint32_t)pid, name, sizeof(name));
		printf("init: %s pid %ld exited with status %d\n", name, pid, status);
		if (is_exit_with(name))
			power_off(name, status);
	}
	if (started)
		printf("init: every program has ended\n");
	fflush(stdout);
	idle_forever();
}

int main(void)
{
	struct archive fs;
	unsigned started = 0;

	if (archive_find(&fs))
		started = run_config(&fs);
	else
		printf("init: the kernel passed no boot archive: nothing to start\n");
	printf("init: ready (%u programs started)\n", started);
	reap(started);
}
