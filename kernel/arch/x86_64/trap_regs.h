/*
 * Saving and restoring the general registers of a struct trap_frame
 * (trap.h), for the two ways into the kernel: interrupts (isr.S) and
 * system calls (syscall_entry.S). The push order is the reverse of the
 * struct's field order, so the last push (r15) is the struct's first field.
 */
#ifndef ARCH_X86_64_TRAP_REGS_H
#define ARCH_X86_64_TRAP_REGS_H

#ifdef __ASSEMBLER__
.macro PUSH_GPRS
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

.macro POP_GPRS
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
.endm
#endif

#endif
