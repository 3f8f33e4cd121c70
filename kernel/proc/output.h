/*
 * A process's standard output and error: the bytes of SYS_DEBUG_WRITE on
 * the console (lib/console.h), exactly as the program wrote them. Whole
 * lines go out at once. The partial line after the last '\n' waits in the
 * process's pending buffer for its newline, so that nothing (a kernel
 * line, another program's output) lands inside it. It goes out as it is,
 * leaving the console in the middle of the line, when
 *   - more would not fit in the buffer (OUTPUT_PENDING bytes),
 *   - the process makes a system call that may wait (output_flush(): a
 *     prompt shows before its answer is read),
 *   - the process has run OUTPUT_PARTIAL_TICKS timer ticks since it last
 *     wrote, without ending the line (progress dots), or
 *   - the process ends (output_release()).
 * Waiting and ticks count only what the process itself does, never how
 * long it was preempted, so on a loaded machine a line the program writes
 * in pieces still comes out whole.
 */
#ifndef PROC_OUTPUT_H
#define PROC_OUTPUT_H

#include <stddef.h>

#define OUTPUT_PENDING       4096       /* a long line, several times over */
#define OUTPUT_PARTIAL_TICKS 50         /* 50 ms of the process's own CPU time */

struct process;

struct output {
	char *pending;          /* OUTPUT_PENDING bytes from the first partial line; NULL before */
	size_t len;             /* bytes waiting in pending */
	unsigned ticks;         /* ticks the process ran since it last added to them */
};

/* p's bytes s[0..n): whole lines out, the rest kept. Returns n. */
long output_write(struct process *p, const char *s, size_t n);
/* Sends p's partial line out as it is (p is about to wait). */
void output_flush(struct process *p);
/* From the timer tick, with p the process that was running (or NULL). */
void output_tick(struct process *p);
/* p ends: its partial line goes out and the buffer is freed. */
void output_release(struct process *p);

#endif
