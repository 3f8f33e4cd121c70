/*
 * Thread life cycle: create (stack with a guard page below it, so an
 * overflow faults instead of corrupting a neighbour), run, exit, reap, join.
 */
#include <atxf/errors.h>
#include "arch/x86_64/memlayout.h"
#include "arch/x86_64/usermode.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/heap.h"
#include "mm/kva.h"
#include "mm/vm.h"
#include "sched/sched.h"

static uint32_t next_tid = 1;

static struct thread *thread_alloc(const char *name, unsigned priority)
{
	struct thread *t = kzalloc(sizeof(*t));

	if (!t)
		return NULL;
	t->tid = __atomic_fetch_add(&next_tid, 1, __ATOMIC_RELAXED);
	strlcpy(t->name, name, sizeof(t->name));
	t->priority = priority > PRIO_MAX ? PRIO_MAX : priority;
	t->state = THREAD_NEW;
	t->cpu = this_cpu();
	list_init(&t->link);
	waitq_init(&t->joiners, "joiners");
	return t;
}

struct thread *thread_create_stopped(const char *name, thread_entry_t entry, void *arg,
				     unsigned priority, unsigned flags)
{
	struct thread *t = thread_alloc(name, priority);

	if (!t)
		return NULL;
	t->flags = flags;
	t->stack = kva_alloc(THREAD_STACK_PAGES, VM_WRITE, true);
	if (!t->stack) {
		kfree(t);
		return NULL;
	}
	t->stack_top = (uint64_t)t->stack + THREAD_STACK_PAGES * PAGE_SIZE;
	arch_thread_setup(t, entry, arg);
	return t;
}

struct thread *thread_create(const char *name, thread_entry_t entry, void *arg,
			     unsigned priority, unsigned flags)
{
	struct thread *t = thread_create_stopped(name, entry, arg, priority, flags);

	if (t)
		sched_wake(t);
	return t;
}

struct thread *thread_adopt_boot(const char *name)
{
	extern char boot_stack_top[];
	struct thread *t = thread_alloc(name, PRIO_IDLE);

	if (t) {
		t->state = THREAD_RUNNING;
		t->stack_top = (uint64_t)boot_stack_top;
		t->flags = THREAD_DETACHED;
	}
	return t;
}

struct thread *thread_current(void)
{
	return this_cpu()->current;
}

/* The C side of a new thread (switch.S's trampoline calls it). */
_Noreturn void thread_start(thread_entry_t entry, void *arg);

_Noreturn void thread_start(thread_entry_t entry, void *arg)
{
	sched_thread_started();
	entry(arg);
	thread_exit(0);
}

_Noreturn void thread_exit(int code)
{
	thread_current()->exit_code = code;
	sched_exit_current();
}

static void thread_free(struct thread *t)
{
	if (t->stack)
		kva_free(t->stack, THREAD_STACK_PAGES);
	if (t->fpu)
		fpu_state_free(t->fpu);
	kfree(t);
}

void thread_destroy_stopped(struct thread *t)
{
	ASSERT(t->state == THREAD_NEW);
	thread_free(t);
}

void thread_reap(struct thread *t)
{
	uint64_t flags = spin_lock_irqsave(&t->joiners.lock);
	bool detached = t->flags & THREAD_DETACHED;

	t->state = THREAD_DEAD;
	waitq_wake_all_locked(&t->joiners);
	spin_unlock_irqrestore(&t->joiners.lock, flags);
	if (detached)
		thread_free(t);
}

int thread_join(struct thread *t)
{
	uint64_t flags = spin_lock_irqsave(&t->joiners.lock);
	int code;

	ASSERT(!(t->flags & THREAD_DETACHED) && t != thread_current());
	while (t->state != THREAD_DEAD)
		waitq_wait_locked(&t->joiners);
	spin_unlock_irqrestore(&t->joiners.lock, flags);
	code = t->exit_code;
	thread_free(t);
	return code;
}
