/*
 * setjmp and longjmp (C11 7.13) for x86-64, in assembly because they save
 * and restore what C cannot name: the callee-saved registers of the System V
 * ABI (rbx, rbp, r12-r15), the stack pointer and the return address. The
 * slots are jmp_buf's, in <setjmp.h>'s order. Caller-saved registers need
 * no saving: the compiler assumes a call clobbers them.
 *
 * longjmp(env, 0) makes setjmp return 1, as C11 requires. sigsetjmp and
 * siglongjmp are the same calls: ATXF has no signal mask to save (signal.c).
 */

__asm__(
	".text\n"
	".globl setjmp\n"
	".type setjmp, @function\n"
	"setjmp:\n"
	"	mov %rbx, 0(%rdi)\n"
	"	mov %rbp, 8(%rdi)\n"
	"	mov %r12, 16(%rdi)\n"
	"	mov %r13, 24(%rdi)\n"
	"	mov %r14, 32(%rdi)\n"
	"	mov %r15, 40(%rdi)\n"
	"	lea 8(%rsp), %rdx\n"           /* rsp as it will be after our ret */
	"	mov %rdx, 48(%rdi)\n"
	"	mov (%rsp), %rdx\n"            /* where setjmp returns to */
	"	mov %rdx, 56(%rdi)\n"
	"	xor %eax, %eax\n"
	"	ret\n"
	".size setjmp, . - setjmp\n"

	".globl longjmp\n"
	".type longjmp, @function\n"
	"longjmp:\n"
	"	mov %esi, %eax\n"
	"	test %eax, %eax\n"
	"	jnz 1f\n"
	"	inc %eax\n"                    /* longjmp(env, 0) returns 1 */
	"1:\n"
	"	mov 0(%rdi), %rbx\n"
	"	mov 8(%rdi), %rbp\n"
	"	mov 16(%rdi), %r12\n"
	"	mov 24(%rdi), %r13\n"
	"	mov 32(%rdi), %r14\n"
	"	mov 40(%rdi), %r15\n"
	"	mov 48(%rdi), %rsp\n"
	"	jmp *56(%rdi)\n"
	".size longjmp, . - longjmp\n"

	".globl _setjmp\n"
	".set _setjmp, setjmp\n"
	".globl _longjmp\n"
	".set _longjmp, longjmp\n"
	".globl siglongjmp\n"
	".set siglongjmp, longjmp\n"
);
