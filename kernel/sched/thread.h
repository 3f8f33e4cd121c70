/*
 * Kernel threads: a stack, saved registers and a place in the scheduler.
 * A thread runs entry(arg) and ends by returning or calling thread_exit().
 * It is joinable unless created with THREAD_DETACHED, in which case the
 * kernel frees it as soon as it has exited.
 */
#ifndef SCHED_THREAD_H
#define SCHED_THREAD_H

#include <stdbool.h>
#include <stdint.h>
#include "lib/list.h"
#include "sched/waitq.h"

#define THREAD_NAME_MAX    24
#define THREAD_STACK_PAGES 4            /* 16 KiB, plus an unmapped guard page */
#define PRIO_IDLE          0
#define PRIO_DEFAULT       16
#define PRIO_MAX           31

enum thread_state {
	THREAD_NEW,             /* created, not yet made ready */
	THREAD_READY,           /* on a run queue */
	THREAD_RUNNING,         /* some CPU's current */
	THREAD_BLOCKED,         /* on a wait queue */
	THREAD_SLEEPING,        /* on a CPU's sleeper list */
	THREAD_EXITING,         /* exited, still on its own stack */
	THREAD_DEAD,            /* off its stack; joinable threads wait here for join */
};

enum { THREAD_DETACHED = 1u << 0 };

struct cpu;
struct process;
struct aspace;

struct thread {
	uint64_t saved_rsp;     /* switch.S: stack pointer while switched out */
	uint32_t tid;
	uint32_t flags;         /* THREAD_DETACHED */
	char name[THREAD_NAME_MAX];
	enum thread_state state;
	unsigned priority;      /* PRIO_IDLE .. PRIO_MAX */
	struct list_node link;  /* run queue, sleeper list, wait queue or zombies */
	struct cpu *cpu;        /* the CPU whose run queue it belongs to */
	uint64_t wake_at;       /* ns: while sleeping */
	void *stack;            /* lowest byte of the stack (above the guard) */
	uint64_t stack_top;
	uint64_t cpu_ns;        /* time spent running */
	uint64_t run_start;     /* ns: when it last started running */
	int exit_code;
	struct waitq joiners;   /* threads in thread_join() on this one */
	struct process *proc;   /* owning user process, NULL for kernel threads */
	struct aspace *aspace;  /* loaded when it runs; NULL: any (kernel half) */
	void *fpu;              /* FPU/SSE save area, user threads only */
	uint64_t fs_base;       /* user threads: %fs base (TLS), loaded when it runs */
	struct list_node proc_link;     /* on its process's threads (proc/uthread.c) */
	bool waits_child;       /* sleeps in process_wait_child(): a child's end wakes it */
};

typedef void (*thread_entry_t)(void *arg);

/* Creates a ready thread; NULL when out of memory. */
struct thread *thread_create(const char *name, thread_entry_t entry, void *arg,
			     unsigned priority, unsigned flags);
/* The same, but not yet ready (THREAD_NEW): the caller fills in proc,
 * aspace or fpu, then starts it with sched_wake(). */
struct thread *thread_create_stopped(const char *name, thread_entry_t entry, void *arg,
				     unsigned priority, unsigned flags);
/* Frees a thread from thread_create_stopped() that was never started. */
void thread_destroy_stopped(struct thread *t);
_Noreturn void thread_exit(int code);
/* Waits for a joinable thread to exit, frees it, returns its exit code. */
int thread_join(struct thread *t);
struct thread *thread_current(void);

/* For the scheduler: the record of the code already running on this CPU
 * (the boot stack, which becomes the idle thread). */
struct thread *thread_adopt_boot(const char *name);
/* For the scheduler: completes the exit of a thread now off its stack
 * (wakes its joiners, or frees it if detached). */
void thread_reap(struct thread *t);
/* arch/x86_64: context.c, switch.S */
void arch_thread_setup(struct thread *t, thread_entry_t entry, void *arg);
/* Swaps the per-thread machine state that is not on the stack (FPU state,
 * address space) from prev to next. */
void arch_switch_state(struct thread *prev, struct thread *next);
void context_switch(uint64_t *save_rsp, uint64_t next_rsp);

#endif
