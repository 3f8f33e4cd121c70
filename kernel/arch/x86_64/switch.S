/*
 * Switching kernel stacks. context_switch(save_rsp, next_rsp) pushes the
 * callee-saved registers (System V x86-64 ABI §3.2.1: rbx, rbp, r12-r15; the
 * caller saved the rest), stores rsp, loads the next thread's rsp and pops
 * the same set: to both threads it looks like an ordinary function call.
 */
	.text
	.globl context_switch
context_switch:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret

/* A new thread's first context_switch "returns" here, with entry in r12
 * and its argument in r13 (context.c builds that stack). */
	.globl thread_trampoline
thread_trampoline:
	movq %r12, %rdi
	movq %r13, %rsi
	call thread_start
	ud2                     /* thread_start never returns */

	.section .note.GNU-stack, "", @progbits
