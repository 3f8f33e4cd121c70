/*
 * The threads of a user process. Each is a detached kernel thread whose
 * first act is to drop into ring 3; every later kernel entry (syscall,
 * interrupt, fault) runs on its own kernel stack with the process's address
 * space loaded. The first starts at the program's entry (process_start()),
 * the others where SYS_THREAD_CREATE says. The scheduler frees each one as
 * it ends; a user-level join waits on the word its end clears
 * (SYS_THREAD_EXIT, docs/syscalls.md §7).
 */
#ifndef PROC_UTHREAD_H
#define PROC_UTHREAD_H

#include <stdbool.h>
#include <stdint.h>

struct process;
struct thread;

/* Where a new thread enters ring 3. */
struct uthread_start {
	uint64_t rip;
	uint64_t rsp;
	uint64_t arg;           /* in rdi */
	uint64_t fs_base;       /* its TLS pointer */
};

/* Starts a new thread of p. Its tid, or -ATXF_ENOMEM, or -ATXF_EAGAIN
 * (p is ending, or has ATXF_THREADS_MAX threads already). log_init: the
 * first thread of init, which logs when it reaches ring 3. */
long uthread_create(struct process *p, const struct uthread_start *st, bool log_init);

/* Takes the calling thread t off p's threads. Unless it was the last, it
 * ends here and never returns; the last returns, and ends the process. */
void uthread_leave(struct process *p, struct thread *t);

/* proc_lock held: ends the sleep of every thread of p (a kill or an exit
 * must interrupt any wait). */
void uthread_wake_all_locked(struct process *p);
/* proc_lock held: wakes p's threads that wait for a child to end. */
void uthread_wake_child_waiters_locked(struct process *p);

#endif
