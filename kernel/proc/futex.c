/*
 * Futexes (proc/futex.h). Waiters sit on one list under futex_lock, keyed
 * by process and address: few threads wait at once, so a scan is cheaper
 * than a table. The value check and the enqueue happen under the lock a
 * waker must take, so a wake that follows the waker's store is never
 * lost. A waiter sleeps with sched_sleep_until() like every user wait, so a
 * kill (uthread_wake_all_locked) ends it too.
 */
#include <stdbool.h>
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "arch/x86_64/usermode.h"
#include "lib/list.h"
#include "proc/futex.h"
#include "proc/process.h"
#include "sched/sched.h"
#include "time/clock.h"

struct futex_waiter {
	struct list_node link;  /* on waiters while it waits */
	struct process *proc;
	uint64_t uaddr;
	struct thread *thread;
	bool woken;             /* taken off the list by futex_wake() */
};

static struct spinlock futex_lock = SPINLOCK_INIT("futex");
static struct list_node waiters = { &waiters, &waiters };

static uint64_t deadline_after(uint64_t timeout_ns)
{
	uint64_t now = clock_ns();

	return timeout_ns > UINT64_MAX - now ? UINT64_MAX : now + timeout_ns;
}

/* Sleeps until w is woken, the deadline passes or p is killed. Lock held. */
static int sleep_on(struct futex_waiter *w, uint64_t deadline)
{
	for (;;) {
		if (w->woken)
			return 0;
		if (__atomic_load_n(&w->proc->killed, __ATOMIC_RELAXED))
			return -ATXF_EAGAIN;
		if (clock_ns() >= deadline)
			return -ATXF_ETIMEDOUT;
		sched_sleep_until(deadline, &futex_lock);
		spin_lock_raw(&futex_lock);
	}
}

int futex_wait(struct process *p, uint64_t uaddr, uint32_t expected, uint64_t timeout_ns)
{
	struct futex_waiter w = { .proc = p, .uaddr = uaddr, .thread = thread_current() };
	uint64_t deadline = deadline_after(timeout_ns);
	uint64_t flags;
	uint32_t now;
	int err;

	if (uaddr & 3)
		return -ATXF_EINVAL;
	flags = spin_lock_irqsave(&futex_lock);
	/* User pages are mapped when they are made, so this read never
	 * sleeps: it is safe under the lock. */
	if (copy_from_user(&now, uaddr, sizeof(now)))
		err = -ATXF_EFAULT;
	else if (now != expected || timeout_ns == ATXF_TIMEOUT_NONE)
		err = now != expected ? -ATXF_EAGAIN : -ATXF_ETIMEDOUT;
	else {
		list_push_back(&waiters, &w.link);
		err = sleep_on(&w, deadline);
		if (!w.woken)
			list_remove(&w.link);
	}
	spin_unlock_irqrestore(&futex_lock, flags);
	return err;
}

int futex_wake(struct process *p, uint64_t uaddr, uint32_t n)
{
	uint64_t flags = spin_lock_irqsave(&futex_lock);
	struct list_node *pos = waiters.next;
	int woken = 0;

	while (pos != &waiters && (uint32_t)woken < n) {
		struct futex_waiter *w = container_of(pos, struct futex_waiter, link);

		pos = pos->next;
		if (w->proc != p || w->uaddr != uaddr)
			continue;
		list_remove(&w->link);
		w->woken = true;
		sched_wake_sleeper(w->thread);
		woken++;
	}
	spin_unlock_irqrestore(&futex_lock, flags);
	return woken;
}
