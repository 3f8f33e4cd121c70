/*
 * Process life cycle. The user thread is a kernel thread whose first act is
 * to drop into ring 3; every later kernel entry (syscall, interrupt, fault)
 * runs on its kernel stack, with its address space loaded.
 */
#include <atxf/errors.h>
#include "arch/x86_64/paging.h"
#include "arch/x86_64/usermode.h"
#include "lib/log.h"
#include "lib/string.h"
#include "mm/aspace.h"
#include "mm/heap.h"
#include "mm/vm.h"
#include "proc/process.h"
#include "sched/sched.h"
#include "time/clock.h"

static uint32_t next_pid = 1;
static struct spinlock list_lock = SPINLOCK_INIT("processes");
static struct list_node all_processes = { &all_processes, &all_processes };

struct process *process_create(const char *name)
{
	struct process *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->as = aspace_create();
	if (!p->as || aspace_map_new(p->as, USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE,
				     USER_STACK_PAGES, VM_WRITE)) {
		if (p->as)
			aspace_destroy(p->as);
		kfree(p);
		return NULL;
	}
	p->pid = __atomic_fetch_add(&next_pid, 1, __ATOMIC_RELAXED);
	strlcpy(p->name, name, sizeof(p->name));
	uint64_t flags = spin_lock_irqsave(&list_lock);
	list_push_back(&all_processes, &p->link);
	spin_unlock_irqrestore(&list_lock, flags);
	return p;
}

int process_load_code(struct process *p, uint64_t va, const void *code, size_t len)
{
	size_t npages = (len + PAGE_SIZE - 1) / PAGE_SIZE;
	int err = aspace_map_new(p->as, va, npages, VM_EXEC);

	return err ? err : aspace_write(p->as, va, code, len);
}

static void user_thread_main(void *arg)
{
	struct process *p = arg;

	arch_enter_user(p->entry, USER_STACK_TOP, p->arg, thread_current()->stack_top);
}

int process_start(struct process *p, uint64_t entry, uint64_t arg, unsigned priority)
{
	struct thread *t = thread_create_stopped(p->name, user_thread_main, p, priority, 0);

	if (!t)
		return -ATXF_ENOMEM;
	t->fpu = fpu_state_alloc();
	if (!t->fpu) {
		thread_destroy_stopped(t);
		return -ATXF_ENOMEM;
	}
	t->proc = p;
	t->aspace = p->as;
	p->thread = t;
	p->entry = entry;
	p->arg = arg;
	sched_wake(t);
	return 0;
}

void process_destroy(struct process *p)
{
	uint64_t flags = spin_lock_irqsave(&list_lock);

	list_remove(&p->link);
	spin_unlock_irqrestore(&list_lock, flags);
	aspace_destroy(p->as);
	kfree(p);
}

int process_wait(struct process *p, uint64_t *cpu_ns)
{
	int status;

	thread_join(p->thread);         /* its thread is off the CPU for good */
	status = p->exit_status;
	if (cpu_ns)
		*cpu_ns = p->cpu_ns;
	process_destroy(p);
	return status;
}

struct process *process_current(void)
{
	return thread_current()->proc;
}

_Noreturn void process_exit(int status)
{
	struct process *p = process_current();
	struct thread *t = thread_current();
	uint64_t cpu_us;

	p->cpu_ns = t->cpu_ns + clock_ns() - t->run_start;
	cpu_us = p->cpu_ns / NS_PER_US;

	klog("exit: %s pid %u status %d, %lu.%03lu ms of CPU", p->name, p->pid, status,
	     cpu_us / 1000, cpu_us % 1000);
	p->exit_status = status;
	p->exited = true;
	thread_exit(status);
}

_Noreturn void process_kill_fault(const char *reason, uint64_t rip, uint64_t addr, int status)
{
	struct process *p = process_current();

	klog("fault: %s pid %u rip 0x%lx addr 0x%lx: %s", p->name, p->pid, rip, addr, reason);
	process_exit(status);
}
