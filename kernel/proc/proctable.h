/*
 * The table of processes, private to kernel/proc: the list of every
 * process and the lock that guards it and the family links (process.h).
 */
#ifndef PROC_PROCTABLE_H
#define PROC_PROCTABLE_H

#include "proc/process.h"
#include "sched/spinlock.h"

extern struct spinlock proc_lock;
extern struct list_node all_processes;

/* The process with this pid (any state), or NULL. proc_lock held. */
struct process *process_find_locked(uint32_t pid);

#endif
