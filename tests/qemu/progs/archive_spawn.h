/*
 * For test programs that run as the first process (init=NAME.atxf): they
 * hold ROOT and the boot archive, and start programs from it themselves.
 */
#ifndef PROGS_ARCHIVE_SPAWN_H
#define PROGS_ARCHIVE_SPAWN_H

#include <string.h>
#include <atxf/proc.h>
#include <atxf/sys.h>
#include <atxf/ustar.h>

/* Spawns archive member argv[0] with argv[0..argc) and a memory limit of
 * mem_mib MiB (0: the caller's own): the pid or -ATXF_E*. */
static inline long archive_spawn(const char *const *argv, uint32_t argc, uint32_t mem_mib)
{
	const struct atxf_start_info *si = atxf_start_info();
	struct atxf_ustar_entry e;
	struct atxf_spawn s;

	if (atxf_ustar_find((const void *)(uintptr_t)si->bootfs, si->bootfs_size, argv[0],
			    &e) != 1)
		return -ATXF_ENOENT;
	memset(&s, 0, sizeof(s));
	s.image = (uint64_t)(uintptr_t)e.data;
	s.image_size = e.size;
	s.name = (uint64_t)(uintptr_t)argv[0];
	s.argc = argc;
	s.argv = (uint64_t)(uintptr_t)argv;
	s.mem_limit_mib = mem_mib;
	return atxf_proc_spawn(&s);
}

#endif
