/*
 * The per-CPU record. Each CPU reaches its own through %gs (this_cpu());
 * fields that only the owning CPU touches, with interrupts off, need no lock.
 * One CPU runs today; everything that would be shared between CPUs already
 * sits behind the run queue's lock.
 */
#ifndef SCHED_CPU_H
#define SCHED_CPU_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86_64/arch_cpu.h"
#include "lib/list.h"
#include "sched/spinlock.h"

#define PRIO_LEVELS 32          /* 0 (idle) .. 31, as in <atxf/proc.h> */

struct thread;

/* Ready threads by priority; round-robin within a level. */
struct runqueue {
	struct spinlock lock;   /* guards this struct and its CPU's sleepers */
	uint32_t ready_mask;    /* bit p set: queue[p] is not empty */
	struct list_node queue[PRIO_LEVELS];
	struct list_node sleepers;      /* sleeping threads, earliest wake first */
	unsigned nr_ready;
};

struct cpu {
	struct arch_cpu arch;   /* first: assembly finds it at %gs:0 */
	unsigned id;
	struct thread *current;
	struct thread *idle;
	struct thread *prev;    /* the thread just switched away from */
	struct list_node zombies;       /* exited threads waiting to be reaped */
	bool need_resched;      /* switch at the next preemption point */
	uint64_t slice_end;     /* ns: when current's time slice ends */
	uint64_t switches;      /* context switches, for the log and tests */
	struct runqueue rq;
};

static inline struct cpu *this_cpu(void)
{
	return arch_this_cpu();
}

/* Sets up the boot CPU's record, descriptor tables and %gs. */
void cpu_init_boot(void);

#endif
