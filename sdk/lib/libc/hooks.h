/*
 * The three functions the libc needs from the ATXF runtime (libatxf's
 * system call layer). They are the libc's only way out of the process;
 * naming them in one header, and nowhere else, lets the host tests replace
 * them (tests/unit/test_libc_hooks.c).
 *
 *   atxf_debug_write(buf, len)  <atxf/sys.h>: the program's output;
 *                               bytes written (maybe fewer) or -ATXF_E*
 *   atxf_exit(status)           <atxf/sys.h>: end the process; it does not
 *                               flush stdio, the callers here do
 *   atxf_heap_grow(bytes)       below
 */
#ifndef ATXF_LIBC_HOOKS_H
#define ATXF_LIBC_HOOKS_H

#include <atxf/sys.h>

/*
 * Map bytes (a multiple of ATXF_PAGE_SIZE) of fresh read-write memory for
 * the heap. Returns its page-aligned start, or NULL when there is none.
 * Consecutive calls may return adjacent memory; the heap then merges it.
 */
void *atxf_heap_grow(unsigned long bytes);

#endif /* ATXF_LIBC_HOOKS_H */
