/*
 * The functions the libc needs from the ATXF runtime (libatxf's system
 * call layer). They are the libc's only way out of the process;
 * naming them in one header, and nowhere else, lets the host tests replace
 * them (tests/unit/test_libc_hooks.c).
 *
 *   atxf_debug_write(buf, len)  <atxf/sys.h>: the program's output;
 *                               bytes written (maybe fewer) or -ATXF_E*
 *   atxf_exit(status)           <atxf/sys.h>: end the process; it does not
 *                               flush stdio, the callers here do
 *   atxf_heap_grow(bytes)       below
 *   atxf_heap_release(p, bytes) below
 *   atxf_yield(), atxf_clock_ns()   <atxf/sys.h>
 *   atxf_stdin_read(buf, len)   <atxf/stdin.h>: descriptor 0's bytes
 *   atxf_futex_wait/_wake, atxf_thread_create/_exit, atxf_tls_set
 *                               <atxf/sys.h>: the kernel's threads (pthread*.c)
 */
#ifndef ATXF_LIBC_HOOKS_H
#define ATXF_LIBC_HOOKS_H

#include <atxf/stdin.h>
#include <atxf/sys.h>

/*
 * Map bytes (a multiple of ATXF_PAGE_SIZE) of fresh read-write memory for
 * the heap. Returns its page-aligned start, or NULL when there is none.
 * Consecutive calls may return adjacent memory; the heap then merges it.
 */
void *atxf_heap_grow(unsigned long bytes);

/* Give back memory that atxf_heap_grow() returned (all of one result, or a
 * page-aligned part of one): 0, or a negative ATXF_E* code. */
int atxf_heap_release(void *p, unsigned long bytes);

#endif /* ATXF_LIBC_HOOKS_H */
