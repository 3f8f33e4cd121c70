/*
 * What init hands a program it starts: the handles of its `start` line's
 * capability clauses (bootcap.h), derived from init's root capability.
 */
#ifndef INIT_GRANTS_H
#define INIT_GRANTS_H

#include <atxf/cap.h>
#include "bootcfg.h"
#include "programs.h"

/* What a start line sets besides handles. */
struct grants_extra {
	uint32_t mem_mib;       /* `mem:SIZE` in MiB; 0 if none */
	char stdin_env[64];     /* `stdin:MEMBER`: "ATXF_STDIN=H:OFFSET:SIZE"; "" if none */
};

/*
 * Derives d's capability clauses into out[0..), in order (`bootfs` shares
 * fs; `stdin:MEMBER` shares the pages of that member read-only, and says
 * where in x->stdin_env, for the child's handle ATXF_HANDLE_FIRST_EXTRA +
 * its place in out); a `mem:SIZE` clause takes no handle but sets
 * x->mem_mib. Returns how many handles it made, or -1 after logging
 * `init: boot.cfg:LINE: CLAUSE: REASON` (nothing is left held).
 */
int grants_make(const struct bootcfg_directive *d, const struct archive *fs,
		atxf_handle_t *out, struct grants_extra *x);
/* Drops init's copies once the child has its own. */
void grants_drop(const atxf_handle_t *caps, unsigned n);
/* 1 if d has the `root` clause: the program is trusted as init is. */
int grants_root(const struct bootcfg_directive *d);

#endif
