/*
 * Tiny ring-3 programs for the self-tests (test/test_user.c). They are
 * position independent and are copied into user pages at ATXF_LOAD_BASE, so
 * they exercise the syscall path and fault containment before the ATXF
 * loader exists. Each lies between user_NAME and user_NAME_end.
 *
 * Syscall numbers and error codes come from the ABI's X-macro tables; the
 * headers' C declarations are kept from the assembler by ".if 0".
 */
	.if 0
#include <atxf/errors.h>
#include <atxf/syscalls.h>
	.endif
#define SYSCALL_EQU(name, nr, nargs) .equ SYS_##name, nr;
#define ERROR_EQU(name, value, text) .equ ATXF_##name, value;
ATXF_SYSCALL_TABLE(SYSCALL_EQU)
ATXF_ERROR_TABLE(ERROR_EQU)

#define KERNEL_ADDR 0xffffffff80100000

	.section .rodata.user_progs, "a"

.macro PROGRAM name
	.balign 16
	.globl user_\name, user_\name\()_end
user_\name:
.endm

.macro END name
user_\name\()_end:
.endm

.macro DO_SYSCALL nr
	movl $\nr, %eax
	syscall
.endm

/* (gas macro names ignore case: "SYSCALL" would shadow the instruction.) */

/* Exits with status 1 unless rax == expected. */
.macro EXPECT_RAX expected
	cmpq $\expected, %rax
	je 1f
	movl $1, %edi
	DO_SYSCALL SYS_EXIT
1:
.endm

/* hello: prints, checks that bad arguments fail cleanly, sleeps, exits 42. */
PROGRAM hello
	leaq hello_msg(%rip), %rdi
	movl $hello_msg_end - hello_msg, %esi
	DO_SYSCALL SYS_DEBUG_WRITE
	EXPECT_RAX (hello_msg_end - hello_msg)
	movq $KERNEL_ADDR, %rdi         /* a kernel pointer */
	movl $16, %esi
	DO_SYSCALL SYS_DEBUG_WRITE
	EXPECT_RAX -ATXF_EFAULT
	movl $0x1000, %edi              /* an unmapped user page */
	movl $16, %esi
	DO_SYSCALL SYS_DEBUG_WRITE
	EXPECT_RAX -ATXF_EFAULT
	movq $-1, %rdi                  /* wraps past the end of user space */
	movl $16, %esi
	DO_SYSCALL SYS_DEBUG_WRITE
	EXPECT_RAX -ATXF_EFAULT
	movl $9999, %eax                /* no such system call */
	syscall
	EXPECT_RAX -ATXF_ENOSYS
	movl $5000000, %edi             /* 5 ms */
	DO_SYSCALL SYS_SLEEP
	EXPECT_RAX 0
	movl $42, %edi
	DO_SYSCALL SYS_EXIT
	ud2
hello_msg:
	.ascii "hello from ring 3\n"
hello_msg_end:
END hello

/* spin: counts until the clock passes the deadline in rdi, then exits 0. */
PROGRAM spin
	movq %rdi, %r12
	xorl %r13d, %r13d
2:	incq %r13
	testl $0xffff, %r13d
	jnz 2b
	DO_SYSCALL SYS_CLOCK
	cmpq %r12, %rax
	jb 2b
	xorl %edi, %edi
	DO_SYSCALL SYS_EXIT
END spin

/* Each fault program does one forbidden thing; reaching the exit is a bug. */
.macro FAULT_PROGRAM name
PROGRAM \name
.endm
.macro FAULT_END name
	movl $99, %edi
	DO_SYSCALL SYS_EXIT
END \name
.endm

FAULT_PROGRAM fault_ud                  /* invalid opcode */
	ud2
FAULT_END fault_ud

FAULT_PROGRAM fault_de                  /* divide by zero */
	xorl %ecx, %ecx
	movl $1, %eax
	xorl %edx, %edx
	divl %ecx
FAULT_END fault_de

FAULT_PROGRAM fault_null                /* read of an unmapped page */
	movq 0, %rax
FAULT_END fault_null

FAULT_PROGRAM fault_kernel_read         /* read of kernel memory */
	movq $KERNEL_ADDR, %rbx
	movq (%rbx), %rax
FAULT_END fault_kernel_read

FAULT_PROGRAM fault_code_write          /* write to its own code (R-X) */
	leaq user_fault_code_write(%rip), %rbx
	movb $0x90, (%rbx)
FAULT_END fault_code_write

FAULT_PROGRAM fault_stack_exec          /* jump into its stack (NX) */
	movb $0xc3, -8(%rsp)
	leaq -8(%rsp), %rbx
	call *%rbx
FAULT_END fault_stack_exec

FAULT_PROGRAM fault_privileged          /* cli: privileged in ring 3 */
	cli
FAULT_END fault_privileged

FAULT_PROGRAM fault_io_port             /* port I/O without IOPL or bitmap */
	inb $0x60, %al
FAULT_END fault_io_port

	.section .note.GNU-stack, "", @progbits
