/*
 * The initial user stack: the argument strings, argv and the struct
 * atxf_start_info (<atxf/proc.h>) that _start receives in rdi, laid out as
 * docs/syscalls.md §2 draws it.
 */
#ifndef PROC_STARTINFO_H
#define PROC_STARTINFO_H

#include <stdint.h>
#include <atxf/proc.h>

#define START_STRINGS_MAX ATXF_SPAWN_STRINGS_MAX  /* argument and environment strings */

struct start_args {
	uint32_t argc;                  /* <= ATXF_SPAWN_MAX_ARGS */
	const char *const *argv;        /* kernel copies of the strings */
	uint32_t envc;                  /* <= ATXF_SPAWN_MAX_ENV */
	const char *const *envp;        /* kernel copies, "NAME=VALUE" each */
	uint64_t bootfs, bootfs_size;   /* init only; 0 for others */
};

struct process;

/* Writes the start stack into the EMBRYO p and sets p->user_sp and
 * p->start_info. 0, -ATXF_EINVAL (too many or too long arguments or
 * environment strings) or
 * -ATXF_ENOMEM. */
int startinfo_build(struct process *p, const struct start_args *a);

#endif
