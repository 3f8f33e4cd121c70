/*
 * Wait queues: a list of blocked threads and the lock that guards both the
 * list and the condition the threads wait for. The usual pattern:
 *
 *	flags = spin_lock_irqsave(&wq->lock);
 *	while (!condition)
 *		waitq_wait_locked(wq);  // unlocks, sleeps, relocks
 *	spin_unlock_irqrestore(&wq->lock, flags);
 *
 * and the waker changes the condition and calls waitq_wake_*_locked() under
 * the same lock, so no wakeup is ever lost.
 */
#ifndef SCHED_WAITQ_H
#define SCHED_WAITQ_H

#include "lib/list.h"
#include "sched/spinlock.h"

struct waitq {
	struct spinlock lock;
	struct list_node waiters;
};

void waitq_init(struct waitq *wq, const char *name);
/* With wq->lock held: blocks until woken, then returns with it held again. */
void waitq_wait_locked(struct waitq *wq);
/* With wq->lock held: makes one / every waiter ready. Returns how many. */
int waitq_wake_one_locked(struct waitq *wq);
int waitq_wake_all_locked(struct waitq *wq);

#endif
