/*
 * Spinlocks. Every lock is taken with interrupts off (the _irqsave form), so
 * an interrupt handler can never spin on a lock its own CPU holds, and a
 * thread holding a lock is never preempted. On one CPU the spin never
 * spins; the atomics are there for SMP.
 */
#ifndef SCHED_SPINLOCK_H
#define SCHED_SPINLOCK_H

#include <stdint.h>
#include "arch/x86_64/cpu.h"

struct spinlock {
	volatile uint32_t locked;
	const char *name;       /* for the panic message of a misuse */
};

#define SPINLOCK_INIT(n) { .locked = 0, .name = (n) }

static inline void spin_lock_raw(struct spinlock *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (l->locked)
			cpu_relax();
}

static inline void spin_unlock_raw(struct spinlock *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

/* Takes the lock with interrupts off; returns the flag for the unlock. */
static inline uint64_t spin_lock_irqsave(struct spinlock *l)
{
	uint64_t was_on = irq_save();

	spin_lock_raw(l);
	return was_on;
}

static inline void spin_unlock_irqrestore(struct spinlock *l, uint64_t was_on)
{
	spin_unlock_raw(l);
	irq_restore(was_on);
}

#endif
