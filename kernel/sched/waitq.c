/* Wait queues (sched/waitq.h). */
#include "core/panic.h"
#include "sched/sched.h"
#include "sched/waitq.h"

void waitq_init(struct waitq *wq, const char *name)
{
	wq->lock = (struct spinlock)SPINLOCK_INIT(name);
	list_init(&wq->waiters);
}

void waitq_wait_locked(struct waitq *wq)
{
	struct thread *self = thread_current();

	list_push_back(&wq->waiters, &self->link);
	sched_block(&wq->lock);                 /* releases wq->lock */
	spin_lock_raw(&wq->lock);
}

int waitq_wake_one_locked(struct waitq *wq)
{
	struct list_node *n = list_pop_front(&wq->waiters);

	if (!n)
		return 0;
	sched_wake(container_of(n, struct thread, link));
	return 1;
}

int waitq_wake_all_locked(struct waitq *wq)
{
	int n = 0;

	while (waitq_wake_one_locked(wq))
		n++;
	return n;
}
