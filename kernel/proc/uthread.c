/* The threads of a user process (proc/uthread.h). */
#include <atxf/errors.h>
#include <atxf/proc.h>
#include "arch/x86_64/usermode.h"
#include "lib/log.h"
#include "mm/aspace.h"
#include "mm/heap.h"
#include "proc/proctable.h"
#include "proc/uthread.h"
#include "sched/sched.h"
#include "time/clock.h"

/* What the new kernel thread needs to reach ring 3; it frees it first. */
struct uthread_boot {
	struct process *p;
	struct uthread_start st;
	bool log_init;
};

/* The boot-time figure: kernel entry (the clock's zero) to init in ring 3. */
static void log_init_running(const struct process *p)
{
	uint64_t ns = clock_ns();

	klog("boot: init is %s, pid %u", p->name, p->pid);
	klog("init running: %lu.%03lu ms after kernel entry", ns / NS_PER_MS,
	     ns % NS_PER_MS / NS_PER_US);
}

static void uthread_main(void *arg)
{
	struct uthread_boot b = *(struct uthread_boot *)arg;

	kfree(arg);
	process_check_killed();         /* killed before it ever ran */
	if (b.log_init)
		log_init_running(b.p);
	arch_enter_user(b.st.rip, b.st.rsp, b.st.arg, thread_current()->stack_top);
}

/* Puts t on p's list unless p is ending or full. Lock taken here. */
static int attach(struct process *p, struct thread *t)
{
	uint64_t flags = spin_lock_irqsave(&proc_lock);
	int err = 0;

	if (p->killed || p->nthreads >= ATXF_THREADS_MAX) {
		err = -ATXF_EAGAIN;
	} else {
		list_push_back(&p->threads, &t->proc_link);
		p->nthreads++;
		p->state = PROC_ALIVE;
	}
	spin_unlock_irqrestore(&proc_lock, flags);
	return err;
}

long uthread_create(struct process *p, const struct uthread_start *st, bool log_init)
{
	struct uthread_boot *b = kmalloc(sizeof(*b));
	struct thread *t;
	long err = -ATXF_ENOMEM;

	if (!b)
		return -ATXF_ENOMEM;
	*b = (struct uthread_boot){ .p = p, .st = *st, .log_init = log_init };
	t = thread_create_stopped(p->name, uthread_main, b, p->priority, THREAD_DETACHED);
	if (!t)
		goto out_free_boot;
	t->fpu = fpu_state_alloc();
	if (!t->fpu)
		goto out_destroy;
	t->proc = p;
	t->aspace = p->as;
	t->fs_base = st->fs_base;
	err = attach(p, t);
	if (err)
		goto out_destroy;
	err = t->tid;                   /* t may be gone once it is woken */
	sched_wake(t);
	return err;

out_destroy:
	thread_destroy_stopped(t);
out_free_boot:
	kfree(b);
	return err;
}

void uthread_leave(struct process *p, struct thread *t)
{
	uint64_t irq = irq_save();
	bool last;

	/* Interrupts stay off from here to thread_exit(): on this one CPU
	 * nobody can run between our leaving the list, which may let the last
	 * thread free the address space, and our leaving that space. */
	spin_lock_raw(&proc_lock);
	list_remove(&t->proc_link);
	last = --p->nthreads == 0;
	p->cpu_ns += t->cpu_ns + clock_ns() - t->run_start;
	spin_unlock_raw(&proc_lock);
	if (last) {
		irq_restore(irq);
		return;
	}
	t->aspace = NULL;
	aspace_switch(NULL);
	t->proc = NULL;
	thread_exit(0);
}

void uthread_wake_all_locked(struct process *p)
{
	list_for_each(n, &p->threads)
		sched_wake_sleeper(container_of(n, struct thread, proc_link));
}

void uthread_wake_child_waiters_locked(struct process *p)
{
	list_for_each(n, &p->threads) {
		struct thread *t = container_of(n, struct thread, proc_link);

		if (t->waits_child)
			sched_wake_sleeper(t);
	}
}
