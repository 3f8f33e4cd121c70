/*
 * trap_dispatch(): the C side of every interrupt and exception. Exceptions
 * go to exception.c; interrupts to the handler registered for their vector.
 * On the way out, if the handler asked for a reschedule (the timer does at
 * the end of a time slice), switch threads here: the frame stays on this
 * thread's stack until it runs again and returns through isr.S. A process
 * killed meanwhile ends here instead of returning to ring 3.
 */
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/vectors.h"
#include "lib/log.h"
#include "proc/process.h"
#include "sched/sched.h"

static trap_handler_t handlers[256];

void trap_set_handler(unsigned vector, trap_handler_t fn)
{
	if (vector >= VEC_EXCEPTIONS && vector < 256)
		handlers[vector] = fn;
}

/* An interrupt nobody claimed: say so once per vector, acknowledge it. */
static void unexpected_interrupt(struct trap_frame *f)
{
	static uint8_t reported[256];

	if (!reported[f->vector]++)
		klog("trap: unexpected interrupt on vector %lu", f->vector);
	if (f->vector >= VEC_GSI_BASE && f->vector != VEC_SPURIOUS)
		lapic_eoi();
}

void trap_dispatch(struct trap_frame *f);

static volatile uint64_t nmi_count;

void trap_dispatch(struct trap_frame *f)
{
	/* An NMI can arrive anywhere, even between swapgs and sysret where %gs
	 * is the user's: touch nothing per-CPU, take no lock, just count it. */
	if (f->vector == VEC_NMI) {
		nmi_count++;
		return;
	}
	if (f->vector < VEC_EXCEPTIONS)
		exception_handle(f);
	else if (handlers[f->vector])
		handlers[f->vector](f);
	else
		unexpected_interrupt(f);
	sched_preempt_point();
	if (trap_from_user(f))
		process_check_killed();
}
