/*
 * The scheduler proper. Invariants, all under the CPU's run-queue lock with
 * interrupts off:
 *  - cpu->current is RUNNING and on no queue; idle is never queued;
 *  - a READY thread is on exactly one priority queue, and ready_mask has
 *    that level's bit set;
 *  - a SLEEPING thread is on its CPU's sleeper list, earliest wake first.
 *
 * A switch happens inside schedule_locked() with the lock held; whichever
 * thread the switch resumes releases it (in schedule()'s callers, or in
 * sched_thread_started() for a brand-new thread).
 */
#include "core/panic.h"
#include "sched/sched.h"
#include "time/clock.h"

static struct runqueue *rq_of(struct thread *t)
{
	return &t->cpu->rq;
}

static void enqueue(struct runqueue *rq, struct thread *t)
{
	t->state = THREAD_READY;
	list_push_back(&rq->queue[t->priority], &t->link);
	rq->ready_mask |= 1u << t->priority;
	rq->nr_ready++;
}

static struct thread *dequeue_highest(struct runqueue *rq)
{
	if (!rq->ready_mask)
		return NULL;
	unsigned prio = 31 - __builtin_clz(rq->ready_mask);
	struct thread *t = container_of(list_pop_front(&rq->queue[prio]), struct thread, link);

	if (list_empty(&rq->queue[prio]))
		rq->ready_mask &= ~(1u << prio);
	rq->nr_ready--;
	return t;
}

static void account(struct thread *t, uint64_t now)
{
	t->cpu_ns += now - t->run_start;
	t->run_start = now;
}

/* Switches to the best ready thread (or stays). Lock held, interrupts off. */
static void schedule_locked(struct cpu *c)
{
	struct thread *prev = c->current, *next;
	uint64_t now = clock_ns();

	if (prev->state == THREAD_RUNNING && prev != c->idle)
		enqueue(&c->rq, prev);
	next = dequeue_highest(&c->rq);
	if (!next)
		next = prev->state == THREAD_RUNNING ? prev : c->idle;
	c->need_resched = false;
	next->state = THREAD_RUNNING;
	if (next == prev)
		return;
	account(prev, now);
	next->run_start = now;
	c->slice_end = now + SCHED_SLICE_NS;
	c->current = next;
	c->prev = prev;
	c->switches++;
	arch_set_kernel_stack(&c->arch, next->stack_top);
	arch_switch_state(prev, next);
	context_switch(&prev->saved_rsp, next->saved_rsp);
}

/* In the thread just resumed, lock still held: collect an exited prev. */
static void finish_switch(struct cpu *c)
{
	struct thread *prev = c->prev;

	c->prev = NULL;
	if (prev && prev->state == THREAD_EXITING)
		list_push_back(&c->zombies, &prev->link);
}

/* Finishes the exits of threads now off their stacks. Lock not held. */
static void reap_zombies(struct cpu *c)
{
	struct list_node *n;

	while ((n = list_pop_front(&c->zombies)))
		thread_reap(container_of(n, struct thread, link));
}

/* Lock held on entry, released on return; interrupts stay off. */
static void schedule_and_unlock(struct cpu *c)
{
	schedule_locked(c);
	finish_switch(c);
	spin_unlock_raw(&c->rq.lock);
	reap_zombies(c);
}

void sched_thread_started(void)
{
	struct cpu *c = this_cpu();

	finish_switch(c);
	spin_unlock_raw(&c->rq.lock);
	reap_zombies(c);
	irq_enable();
}

void sched_yield(void)
{
	struct cpu *c = this_cpu();
	uint64_t flags = spin_lock_irqsave(&c->rq.lock);

	schedule_and_unlock(c);
	irq_restore(flags);
}

void sched_preempt_point(void)
{
	struct cpu *c = this_cpu();

	if (!c->need_resched || !c->current)
		return;
	spin_lock_raw(&c->rq.lock);             /* interrupts are off here */
	schedule_and_unlock(c);
}

void sched_block(struct spinlock *unlock)
{
	struct cpu *c = this_cpu();

	ASSERT(!irq_enabled());
	spin_lock_raw(&c->rq.lock);
	c->current->state = THREAD_BLOCKED;
	spin_unlock_raw(unlock);
	schedule_and_unlock(c);
}

_Noreturn void sched_exit_current(void)
{
	struct cpu *c = this_cpu();

	irq_disable();
	spin_lock_raw(&c->rq.lock);
	c->current->state = THREAD_EXITING;
	schedule_locked(c);
	panic("sched: an exited thread was scheduled again");
}

/* Makes t ready; a switch follows if it outranks what runs. Lock held. */
static void make_ready(struct runqueue *rq, struct thread *t)
{
	enqueue(rq, t);
	if (t->priority > t->cpu->current->priority)
		t->cpu->need_resched = true;
}

void sched_wake(struct thread *t)
{
	struct runqueue *rq = rq_of(t);
	uint64_t flags = spin_lock_irqsave(&rq->lock);

	if (t->state == THREAD_SLEEPING)
		list_remove(&t->link);
	if (t->state == THREAD_NEW || t->state == THREAD_BLOCKED ||
	    t->state == THREAD_SLEEPING)
		make_ready(rq, t);
	spin_unlock_irqrestore(&rq->lock, flags);
}

/* Puts current on the sleeper list in wake-time order. Lock held. */
static void add_sleeper(struct cpu *c, struct thread *t)
{
	struct list_node *pos = &c->rq.sleepers;

	list_for_each(n, &c->rq.sleepers) {
		if (container_of(n, struct thread, link)->wake_at > t->wake_at) {
			pos = n;
			break;
		}
	}
	list_insert_before(pos, &t->link);
	t->state = THREAD_SLEEPING;
}

void sched_sleep_ns(uint64_t ns)
{
	struct cpu *c = this_cpu();
	uint64_t flags = spin_lock_irqsave(&c->rq.lock);

	uint64_t now = clock_ns();

	c->current->wake_at = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
	add_sleeper(c, c->current);
	schedule_and_unlock(c);
	irq_restore(flags);
}

void sched_sleep_until(uint64_t deadline, struct spinlock *unlock)
{
	struct cpu *c = this_cpu();

	ASSERT(!irq_enabled());
	spin_lock_raw(&c->rq.lock);
	c->current->wake_at = deadline;
	add_sleeper(c, c->current);
	spin_unlock_raw(unlock);
	schedule_and_unlock(c);
}

void sched_wake_sleeper(struct thread *t)
{
	struct runqueue *rq = rq_of(t);
	uint64_t flags = spin_lock_irqsave(&rq->lock);

	if (t->state == THREAD_SLEEPING) {
		list_remove(&t->link);
		make_ready(rq, t);
	}
	spin_unlock_irqrestore(&rq->lock, flags);
}

/* Readies every sleeper whose time has come. Lock held. */
static void wake_sleepers(struct cpu *c, uint64_t now)
{
	while (!list_empty(&c->rq.sleepers)) {
		struct thread *t = container_of(c->rq.sleepers.next, struct thread, link);

		if (t->wake_at > now)
			break;
		list_remove(&t->link);
		enqueue(&c->rq, t);
	}
}

void sched_tick(uint64_t now)
{
	struct cpu *c = this_cpu();

	spin_lock_raw(&c->rq.lock);             /* from the timer interrupt */
	wake_sleepers(c, now);
	if (c->rq.ready_mask) {
		unsigned top = 31 - __builtin_clz(c->rq.ready_mask);
		if (top > c->current->priority || c->current == c->idle ||
		    (top == c->current->priority && now >= c->slice_end))
			c->need_resched = true;
	}
	spin_unlock_raw(&c->rq.lock);
}

const char *sched_current_name(void)
{
	struct cpu *c = this_cpu();

	return c && c->current ? c->current->name : "boot";
}

void sched_init(void)
{
	struct cpu *c = this_cpu();

	c->idle = c->current = thread_adopt_boot("idle");
	if (!c->idle)
		panic("sched: no memory for the idle thread");
	c->idle->priority = PRIO_IDLE;
	c->slice_end = clock_ns() + SCHED_SLICE_NS;
}
