/*
 * Turning on syscall/sysret (SDM vol. 3 §5.8.8): EFER.SCE, the selector
 * bases in STAR, the entry point in LSTAR and the rflags bits to clear on
 * entry in FMASK: IF (we switch stacks with interrupts off), DF (the ABI
 * wants it clear), TF (no single-stepping into the kernel) and AC (so a user
 * who set it cannot switch SMAP off for the kernel).
 */
#include "arch/x86_64/arch_cpu.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/usermode.h"

#define RFLAGS_TF (1ul << 8)
#define RFLAGS_DF (1ul << 10)

extern char syscall_entry[];

void syscall_init(void)
{
	/* STAR[47:32]: syscall CS (SS = +8); STAR[63:48]: sysret base, giving
	 * SS = base + 8 and CS = base + 16, both with RPL 3 (arch_cpu.h). */
	uint64_t star = ((uint64_t)SEL_KCODE << 32) | ((uint64_t)(SEL_KDATA | 3) << 48);

	wrmsr(MSR_STAR, star);
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_FMASK, RFLAGS_IF | RFLAGS_DF | RFLAGS_TF | RFLAGS_AC);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
