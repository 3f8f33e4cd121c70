/*
 * Questions to the process table and the calls that wait on it: find a
 * process, kill it, wait for a child, sleep, list processes (for ps).
 *
 * A user thread never blocks on a wait queue: it sleeps (sched_sleep_until)
 * with proc_lock as the lock it releases, and whoever changes what it waits
 * for (a child's exit, a kill) wakes it with sched_wake_sleeper() under the
 * same lock. So no wake-up is lost, and one mechanism covers timeouts,
 * waiting forever, and a kill that must end any wait.
 */
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "lib/log.h"
#include "lib/string.h"
#include "proc/proctable.h"
#include "proc/uthread.h"
#include "sched/sched.h"
#include "time/clock.h"

struct spinlock proc_lock = SPINLOCK_INIT("processes");
struct list_node all_processes = { &all_processes, &all_processes };

struct process *process_find_locked(uint32_t pid)
{
	list_for_each(n, &all_processes) {
		struct process *p = container_of(n, struct process, link);

		if (p->pid == pid)
			return p;
	}
	return NULL;
}

static uint64_t deadline_after(uint64_t timeout_ns)
{
	uint64_t now = clock_ns();

	return timeout_ns > UINT64_MAX - now ? UINT64_MAX : now + timeout_ns;
}

int process_kill(struct process *killer, uint32_t pid, bool any)
{
	uint64_t flags = spin_lock_irqsave(&proc_lock);
	struct process *p = process_find_locked(pid);
	int err = 0;

	if (!p || p->state == PROC_ZOMBIE)
		err = -ATXF_ENOENT;
	else if (!any && p->parent != killer)
		err = -ATXF_EPERM;
	else if (!p->killed) {
		__atomic_store_n(&p->killed, true, __ATOMIC_RELAXED);
		uthread_wake_all_locked(p);
		if (killer)
			klog("kill: %s pid %u, by %s pid %u", p->name, p->pid, killer->name,
			     killer->pid);
		else
			klog("kill: %s pid %u, by the kernel", p->name, p->pid);
	}
	spin_unlock_irqrestore(&proc_lock, flags);
	return err;
}

/* A zombie child matching pid (0: any), or NULL; *found says whether any
 * child matched at all. Lock held. */
static struct process *zombie_child_locked(struct process *parent, uint32_t pid, bool *found)
{
	*found = false;
	list_for_each(n, &parent->children) {
		struct process *c = container_of(n, struct process, sibling);

		if (pid && c->pid != pid)
			continue;
		*found = true;
		if (c->state == PROC_ZOMBIE)
			return c;
	}
	return NULL;
}

struct process *process_wait_child(struct process *parent, uint32_t pid, uint64_t timeout_ns,
				   int *err)
{
	struct thread *self = thread_current();
	uint64_t deadline = deadline_after(timeout_ns);
	uint64_t flags = spin_lock_irqsave(&proc_lock);
	struct process *z = NULL;
	bool found;

	for (;;) {
		z = zombie_child_locked(parent, pid, &found);
		if (z || !found) {
			*err = z ? 0 : -ATXF_ENOENT;
			break;
		}
		if (parent->killed || timeout_ns == ATXF_TIMEOUT_NONE) {
			*err = -ATXF_EAGAIN;
			break;
		}
		if (clock_ns() >= deadline) {
			*err = -ATXF_ETIMEDOUT;
			break;
		}
		self->waits_child = true;
		sched_sleep_until(deadline, &proc_lock);
		spin_lock_raw(&proc_lock);
		self->waits_child = false;
	}
	spin_unlock_irqrestore(&proc_lock, flags);
	return z;
}

void process_sleep(uint64_t ns)
{
	struct process *p = process_current();
	uint64_t deadline = deadline_after(ns);
	uint64_t flags = spin_lock_irqsave(&proc_lock);

	while (!p->killed && clock_ns() < deadline) {
		sched_sleep_until(deadline, &proc_lock);
		spin_lock_raw(&proc_lock);
	}
	spin_unlock_irqrestore(&proc_lock, flags);
}

/* The busiest of p's threads: running, else ready, else blocked. Lock held. */
static uint32_t state_of(const struct process *p)
{
	uint32_t best = ATXF_PROC_BLOCKED;

	if (p->state == PROC_ZOMBIE)
		return ATXF_PROC_ZOMBIE;
	if (list_empty(&p->threads))
		return ATXF_PROC_READY;         /* an embryo: about to start */
	list_for_each(n, &p->threads) {
		switch (container_of(n, struct thread, proc_link)->state) {
		case THREAD_RUNNING:
			return ATXF_PROC_RUNNING;
		case THREAD_NEW:
		case THREAD_READY:
			best = ATXF_PROC_READY;
			break;
		default:
			break;
		}
	}
	return best;
}

/* CPU time so far: that of the threads that ended, plus the living ones',
 * counting the current run of any that is on a CPU. Lock held. */
static uint64_t cpu_time(const struct process *p)
{
	uint64_t ns = p->cpu_ns;

	list_for_each(n, &p->threads) {
		const struct thread *t = container_of(n, struct thread, proc_link);

		ns += t->cpu_ns + (t->state == THREAD_RUNNING ? clock_ns() - t->run_start : 0);
	}
	return ns;
}

/* The same for SYS_CLOCK_CPU, which holds no lock. */
uint64_t process_cpu_ns(const struct process *p)
{
	uint64_t flags = spin_lock_irqsave(&proc_lock);
	uint64_t ns = cpu_time(p);

	spin_unlock_irqrestore(&proc_lock, flags);
	return ns;
}

static void fill_record(const struct process *p, struct atxf_proc_info *r)
{
	memset(r, 0, sizeof(*r));
	r->pid = p->pid;
	r->parent = p->parent ? p->parent->pid : 0;
	r->state = state_of(p);
	r->priority = p->priority;
	r->cpu_ns = cpu_time(p);
	strlcpy(r->name, p->name, sizeof(r->name));
}

uint32_t process_info(uint32_t index, struct atxf_proc_info *out, uint32_t n)
{
	uint64_t flags = spin_lock_irqsave(&proc_lock);
	uint32_t i = 0, filled = 0;

	list_for_each(pos, &all_processes) {
		if (filled == n)
			break;
		if (i++ >= index)
			fill_record(container_of(pos, struct process, link), &out[filled++]);
	}
	spin_unlock_irqrestore(&proc_lock, flags);
	return filled;
}
