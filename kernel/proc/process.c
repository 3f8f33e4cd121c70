/*
 * Process life cycle (proc/process.h): create, start, exit, and what a
 * death does to the family. Its threads are proc/uthread.c's.
 */
#include <atxf/errors.h>
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/iobitmap.h"
#include "ipc/call.h"
#include "ipc/shm.h"
#include "ipc/watch.h"
#include "irq/irq.h"
#include "arch/x86_64/paging.h"
#include "arch/x86_64/usermode.h"
#include "lib/log.h"
#include "lib/string.h"
#include "mm/aspace.h"
#include "mm/dma.h"
#include "mm/heap.h"
#include "mm/pin.h"
#include "mm/vm.h"
#include "proc/proctable.h"
#include "proc/uthread.h"
#include "sched/sched.h"
#include "time/clock.h"

static uint32_t next_pid = 1;

struct process *process_create(const char *name, struct process *parent)
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
	strlcpy(p->name, name, sizeof(p->name));
	p->state = PROC_EMBRYO;
	list_init(&p->children);
	list_init(&p->threads);
	list_init(&p->watches);
	/* A child may map what its parent may; spawn can narrow it. */
	umap_init(&p->maps, parent ? parent->maps.limit : UMAP_UNLIMITED);

	uint64_t flags = spin_lock_irqsave(&proc_lock);
	p->pid = next_pid++;
	p->parent = parent;
	if (parent)
		list_push_back(&parent->children, &p->sibling);
	list_push_back(&all_processes, &p->link);
	spin_unlock_irqrestore(&proc_lock, flags);
	return p;
}

int process_start(struct process *p, unsigned priority)
{
	struct uthread_start st = { .rip = p->entry, .rsp = p->user_sp, .arg = p->start_info };
	long tid;

	p->priority = priority > PRIO_MAX ? PRIO_MAX : priority;
	tid = uthread_create(p, &st, p->flags & PROC_FLAG_INIT);
	return tid < 0 ? (int)tid : 0;
}

/* Takes p off the process list and its parent's children. Lock held. */
static void unlink_locked(struct process *p)
{
	list_remove(&p->link);
	if (p->parent)
		list_remove(&p->sibling);
	p->parent = NULL;
}

void process_destroy(struct process *p)
{
	uint64_t flags = spin_lock_irqsave(&proc_lock);

	unlink_locked(p);
	spin_unlock_irqrestore(&proc_lock, flags);
	output_release(p);
	cap_release_all(&p->caps);
	aspace_destroy(p->as);
	umap_release(&p->maps);
	kfree(p);
}

void process_reap(struct process *zombie)
{
	uint64_t flags = spin_lock_irqsave(&proc_lock);

	unlink_locked(zombie);
	spin_unlock_irqrestore(&proc_lock, flags);
	kfree(zombie);                  /* its memory went when it exited */
}

struct process *process_current(void)
{
	return thread_current()->proc;
}

/*
 * Everything p holds besides memory, while its address space still exists
 * (DMA buffers and shm mappings are unmapped from it): its IRQ handlers
 * go (a line nobody handles is masked), the calls it received and did not
 * answer fail with -ATXF_EPEER, its shm grants are revoked, the devices
 * it has DMA memory for stop bus mastering, then every capability is
 * dropped, which closes its ports (their peers get
 * -ATXF_EPEER) and frees its DMA buffers. Finally its ports leave the I/O
 * bitmap. Each of these can then be taken by another process.
 */
static void release_objects(struct process *p)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	uint64_t dma_kib = p->dma_used >> 10;
	int irqs = irq_process_died_locked(p);

	call_server_died_locked(p->pid);
	shm_process_died_locked(p);
	watch_owner_died_locked(p);
	dma_stop_devices_locked(p);
	spin_unlock_irqrestore(&cap_lock, flags);
	cap_release_all(&p->caps);
	flags = irq_save();
	iobitmap_load(NULL);
	irq_restore(flags);
	if (irqs || dma_kib)    /* hardware a driver held: say it is free again */
		klog("reclaim: %s pid %u: %d IRQ handler(s) removed, %lu KiB of DMA memory "
		     "freed (%lu KiB still charged)", p->name, p->pid, irqs, dma_kib,
		     p->dma_used >> 10);
}

/*
 * Gives the address space back while still running on its kernel stack.
 * The thread forgets it and the CPU leaves it first (interrupts off, so no
 * switch can load it again in between); then it can go. That is enough on
 * one CPU. With more, a CPU that last ran this process and now runs a
 * kernel thread still has these tables loaded (context.c keeps CR3 for
 * kernel threads), so SMP will need to make those CPUs leave them first.
 */
static void release_memory(struct process *p, struct thread *t)
{
	uint64_t irq = irq_save();

	t->aspace = NULL;
	aspace_switch(NULL);
	irq_restore(irq);
	uint64_t orphans = pin_orphaned_total();

	aspace_destroy(p->as);
	p->as = NULL;
	orphans = pin_orphaned_total() - orphans;
	if (orphans)            /* mapped for a device: freed at its unmap (mm/pin.h) */
		klog("reclaim: %s pid %u: %lu frame(s) kept, pinned for DMA until unmapped",
		     p->name, p->pid, orphans);
	umap_release(&p->maps);
}

/* p is dying: its living children lose their parent (they will free
 * themselves), its zombies go now. Lock held. */
static void disown_children_locked(struct process *p)
{
	struct list_node *n;

	while ((n = list_pop_front(&p->children))) {
		struct process *c = container_of(n, struct process, sibling);

		c->parent = NULL;
		if (c->state == PROC_ZOMBIE) {
			list_remove(&c->link);
			kfree(c);
		}
	}
}

void process_adopt_current(struct process *p)
{
	uint64_t flags = spin_lock_irqsave(&proc_lock);

	list_push_back(&p->threads, &thread_current()->proc_link);
	p->nthreads = 1;
	p->state = PROC_ALIVE;
	spin_unlock_irqrestore(&proc_lock, flags);
}

void process_abandon(struct process *p)
{
	uint64_t flags = spin_lock_irqsave(&proc_lock);

	disown_children_locked(p);
	unlink_locked(p);
	list_remove(&thread_current()->proc_link);
	p->nthreads = 0;
	spin_unlock_irqrestore(&proc_lock, flags);
	output_release(p);
	cap_release_all(&p->caps);
	aspace_destroy(p->as);
	umap_release(&p->maps);
	kfree(p);
}

/*
 * The last steps, with interrupts off until the thread is gone: nothing
 * can switch to the parent (or anyone) between p becoming a zombie, which
 * lets the parent free it, and this thread's last touch of it.
 */
static _Noreturn void become_zombie(struct process *p, struct thread *t, int status)
{
	bool orphan;

	irq_disable();
	spin_lock_raw(&proc_lock);
	disown_children_locked(p);
	p->exit_status = status;
	p->state = PROC_ZOMBIE;
	t->proc = NULL;
	orphan = !p->parent;
	if (orphan) {
		list_remove(&p->link);
	} else {
		uthread_wake_child_waiters_locked(p->parent);
		spin_lock_raw(&cap_lock);       /* zombie first: the parent's wait finds it */
		watch_child_ended_locked(p->parent);
		spin_unlock_raw(&cap_lock);
	}
	spin_unlock_raw(&proc_lock);
	if (orphan)
		kfree(p);
	thread_exit(status);
}

/* The first end of p sets its status and stops its other threads. */
static void begin_end(struct process *p, int status)
{
	uint64_t flags = spin_lock_irqsave(&proc_lock);

	if (!p->ending) {
		p->ending = true;
		p->exit_status = status;
		__atomic_store_n(&p->killed, true, __ATOMIC_RELAXED);
		uthread_wake_all_locked(p);
	}
	spin_unlock_irqrestore(&proc_lock, flags);
}

/* In p's last thread t: everything goes, p becomes a zombie. */
static _Noreturn void finish(struct process *p, struct thread *t)
{
	uint64_t cpu_us = p->cpu_ns / NS_PER_US;
	int status = p->exit_status;

	output_release(p);              /* its last words before the exit line */
	klog("exit: %s pid %u status %d, %lu.%03lu ms of CPU", p->name, p->pid, status,
	     cpu_us / 1000, cpu_us % 1000);
	if (p->flags & PROC_FLAG_INIT)
		klog("exit: init has ended; the kernel has nothing left to start");
	release_objects(p);
	release_memory(p, t);
	become_zombie(p, t, status);
}

_Noreturn void process_exit(int status)
{
	struct process *p = process_current();
	struct thread *t = thread_current();

	begin_end(p, status);
	uthread_leave(p, t);            /* returns in the last thread only */
	finish(p, t);
}

_Noreturn void process_thread_exit(void)
{
	struct process *p = process_current();
	struct thread *t = thread_current();

	uthread_leave(p, t);
	begin_end(p, 0);                /* the last thread ended: status 0 */
	finish(p, t);
}

_Noreturn void process_kill_fault(const char *reason, uint64_t rip, uint64_t addr, int status)
{
	struct process *p = process_current();

	klog("fault: %s pid %u rip 0x%lx addr 0x%lx: %s", p->name, p->pid, rip, addr, reason);
	process_exit(status);
}

void process_check_killed(void)
{
	struct process *p = process_current();

	if (p && __atomic_load_n(&p->killed, __ATOMIC_RELAXED))
		process_exit(ATXF_EXIT_KILLED);
}
