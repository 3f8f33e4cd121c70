/*
 * The start information: the kernel's struct atxf_start_info, checked and
 * copied once by the start-up code, and handed out by atxf_start_info().
 */
#include <stddef.h>
#include <atxf/sys.h>
#include "start.h"

/* More arguments than this is not something the kernel would pass: the
 * pointer does not point at a start info. */
#define ARGC_SANE 4096

static char *empty_argv[1];             /* {NULL}: argv when there are none */
static struct atxf_start_info info;     /* what atxf_start_info() returns */
static int recorded;

static void set_empty(void)
{
	info.magic = ATXF_START_MAGIC;
	info.argc = 0;
	info.argv = (uint64_t)(uintptr_t)empty_argv;
	info.pid = 0;
	info.ncaps = 0;
	info.envc = 0;
	info.envp = (uint64_t)(uintptr_t)empty_argv;
}

static int plausible(const struct atxf_start_info *si)
{
	if (si == NULL || (uintptr_t)si % _Alignof(struct atxf_start_info) != 0)
		return 0;
	return si->magic == ATXF_START_MAGIC;
}

const struct atxf_start_info *__atxf_start_record(const struct atxf_start_info *si)
{
	set_empty();
	recorded = 1;
	if (!plausible(si))
		return &info;
	info.pid = si->pid;
	info.ncaps = si->ncaps;
	info.bootfs = si->bootfs;
	info.bootfs_size = si->bootfs_size;
	/* Keep pid and handles even when the arguments are unusable. */
	if (si->argv != 0 && si->argc <= ARGC_SANE) {
		info.argc = si->argc;
		info.argv = si->argv;
	}
	if (si->envp != 0 && si->envc <= ATXF_SPAWN_MAX_ENV) {
		info.envc = si->envc;
		info.envp = si->envp;
	}
	return &info;
}

const struct atxf_start_info *atxf_start_info(void)
{
	if (!recorded)
		set_empty();
	return &info;
}
