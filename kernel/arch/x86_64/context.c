/*
 * The initial stack of a new kernel thread, laid out for switch.S: the six
 * callee-saved registers context_switch pops, then thread_trampoline as its
 * return address. rbp starts at 0 so backtraces end at the thread's first
 * frame, and the layout leaves rsp 16-byte aligned at the trampoline's call
 * (System V x86-64 ABI §3.2.2).
 */
#include "arch/x86_64/iobitmap.h"
#include "arch/x86_64/usermode.h"
#include "mm/aspace.h"
#include "proc/process.h"
#include "sched/thread.h"

extern char thread_trampoline[];

enum { SLOT_R15, SLOT_R14, SLOT_R13, SLOT_R12, SLOT_RBX, SLOT_RBP, SLOT_RET, SLOTS };

void arch_thread_setup(struct thread *t, thread_entry_t entry, void *arg)
{
	/* Two zero slots above the return address keep the alignment. */
	uint64_t *sp = (uint64_t *)(t->stack_top - 16) - SLOTS;

	for (int i = 0; i < SLOTS; i++)
		sp[i] = 0;
	sp[SLOT_R12] = (uint64_t)entry;
	sp[SLOT_R13] = (uint64_t)arg;
	sp[SLOT_RET] = (uint64_t)thread_trampoline;
	t->saved_rsp = (uint64_t)sp;
}

/* Kernel threads keep whatever address space is loaded (they only use the
 * shared kernel half), which saves a CR3 reload when switching to them. */
void arch_switch_state(struct thread *prev, struct thread *next)
{
	if (prev->fpu)
		fpu_save(prev->fpu);
	if (next->fpu)
		fpu_restore(next->fpu);
	if (next->aspace)
		aspace_switch(next->aspace);
	if (next->proc) {       /* kernel threads never reach ring 3: leave it */
		iobitmap_load(&next->proc->caps);
		wrmsr(MSR_FS_BASE, next->fs_base);
	}
}
