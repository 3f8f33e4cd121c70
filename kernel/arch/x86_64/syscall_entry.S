/*
 * Ring 3 <-> ring 0 through syscall/sysret (SDM vol. 2 SYSCALL, SYSRET).
 *
 * syscall leaves rip in rcx and rflags in r11, loads CS/SS from STAR and
 * clears the rflags bits in FMASK (IF among them), but does not switch
 * stacks: we swapgs to reach the per-CPU record, park the user rsp there and
 * load the thread's kernel stack. Then we build the same struct trap_frame
 * an interrupt would (trap.h), so the C side and the return path are shared.
 *
 * Return: sysret when the saved rip is a canonical user address; otherwise
 * iretq. (On Intel, sysret with a non-canonical rcx raises #GP in ring 0 on
 * the user's stack: a classic privilege escalation, SDM vol. 2 SYSRET.)
 */
#include "arch/x86_64/arch_cpu.h"
#include "arch/x86_64/trap_regs.h"

#define VEC_SYSCALL   0x100     /* not a CPU vector: marks a syscall frame */
#define USER_TOP      0x0000800000000000
#define FRAME_RIP     (17 * 8)  /* offsets in struct trap_frame */
#define FRAME_RFLAGS  (19 * 8)
#define FRAME_RSP     (20 * 8)
#define RFLAGS_IF     0x200
#define RFLAGS_RESERVED1 0x2

	.text
	.globl syscall_entry
syscall_entry:
	swapgs
	movq %rsp, %gs:CPU_OFF_USER_RSP
	movq %gs:CPU_OFF_KERNEL_RSP, %rsp
	pushq $SEL_UDATA                /* ss */
	pushq %gs:CPU_OFF_USER_RSP      /* rsp */
	pushq %r11                      /* rflags */
	pushq $SEL_UCODE                /* cs */
	pushq %rcx                      /* rip */
	pushq $0                        /* error */
	pushq $VEC_SYSCALL              /* vector */
	PUSH_GPRS
	xorl %ebp, %ebp                 /* the backtrace ends here */
	movq %rsp, %rdi
	sti                             /* system calls are preemptible */
	call syscall_dispatch
	cli
	movq FRAME_RIP(%rsp), %rcx
	movq $USER_TOP, %r11
	cmpq %r11, %rcx
	jae 1f                          /* not a user address: use iretq */
	POP_GPRS
	movq 16(%rsp), %rcx             /* rip */
	movq 32(%rsp), %r11             /* rflags */
	movq 40(%rsp), %rsp             /* user rsp: no kernel data below it */
	swapgs
	sysretq
1:	jmp trap_return                 /* pops, swapgs (CS is user), iretq */

/*
 * arch_enter_user(rip, user_rsp, arg, kernel_stack_top): the first entry of
 * a thread into ring 3. Builds an iretq frame at the top of its kernel stack
 * (whatever was there is dead: this never returns) with clean registers and
 * arg in rdi.
 */
	.globl arch_enter_user
arch_enter_user:
	cli
	movq %rcx, %rsp
	pushq $SEL_UDATA                /* ss */
	pushq %rsi                      /* rsp */
	pushq $(RFLAGS_IF | RFLAGS_RESERVED1)
	pushq $SEL_UCODE                /* cs */
	pushq %rdi                      /* rip */
	movq %rdx, %rdi
	xorl %eax, %eax
	xorl %ebx, %ebx
	xorl %ecx, %ecx
	xorl %edx, %edx
	xorl %esi, %esi
	xorl %ebp, %ebp
	xorl %r8d, %r8d
	xorl %r9d, %r9d
	xorl %r10d, %r10d
	xorl %r11d, %r11d
	xorl %r12d, %r12d
	xorl %r13d, %r13d
	xorl %r14d, %r14d
	xorl %r15d, %r15d
	swapgs
	iretq

	.section .note.GNU-stack, "", @progbits
