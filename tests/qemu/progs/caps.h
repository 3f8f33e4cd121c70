/*
 * Finding the capabilities init gave a test program (docs/boot.md: the
 * `with` clauses of its start line become handles ATXF_HANDLE_FIRST_EXTRA
 * on, in order). The programs look them up by kind, so a scenario may list
 * them in any order.
 */
#ifndef PROGS_CAPS_H
#define PROGS_CAPS_H

#include <atxf/proc.h>
#include <atxf/sys.h>

/* The first handle init gave of this kind (its details in *info), or
 * -ATXF_EPERM when there is none. */
static inline atxf_handle_t given_cap(uint32_t kind, struct atxf_cap_info *info)
{
	const struct atxf_start_info *si = atxf_start_info();

	for (atxf_handle_t h = ATXF_HANDLE_FIRST_EXTRA; h < (atxf_handle_t)si->ncaps; h++)
		if (atxf_cap_query(h, info) == 0 && info->kind == kind)
			return h;
	return -ATXF_EPERM;
}

#endif
