/*
 * What init starts and remembers: programs spawned from the boot archive,
 * and the name each child pid was started from (for its exit line and
 * exit-with).
 */
#ifndef INIT_PROGRAMS_H
#define INIT_PROGRAMS_H

#include <stdint.h>
#include "bootcfg.h"

#define INIT_CHILDREN_MAX 64

/* The boot archive, mapped read-only into init by the kernel. */
struct archive {
	const void *data;
	uint64_t size;
};

/* Finds the boot archive in init's start info; 0 if the kernel passed none. */
int archive_find(struct archive *a);
/* Reads member name; returns its bytes and sets *size, or NULL. */
const char *archive_member(const struct archive *a, const char *name, uint64_t *size);

/*
 * Sets NAME=VALUE (an env line's word) in the environment every later
 * program_start() passes, replacing NAME's earlier value. 0, or -ATXF_ENOSPC
 * when ATXF_SPAWN_MAX_ENV names are already set.
 */
int program_setenv(const char *entry);

/* Spawns the start directive d from the archive with caps[0..ncaps) as
 * its handles 0.. (docs/syscalls.md §2) and a memory limit of mem_mib MiB
 * (0: init's own), its environment the env lines' and extra_env (one
 * NAME=VALUE, or NULL): the pid, or -ATXF_E* (-ATXF_ENOENT: no such
 * member). The child is remembered. */
long program_start(const struct archive *a, const struct bootcfg_directive *d,
		   const atxf_handle_t *caps, unsigned ncaps, uint32_t mem_mib,
		   const char *extra_env);
/* The name pid was started as, forgetting the child; "?" if unknown. */
const char *program_forget(uint32_t pid, char *buf, unsigned size);

#endif
