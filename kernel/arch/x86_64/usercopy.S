/*
 * The one instruction that touches user memory on behalf of the kernel.
 * If it faults (unmapped or read-only user page), the page fault handler
 * sees rip inside [uaccess_copy_start, uaccess_copy_end) and resumes at
 * uaccess_copy_fault instead of panicking (exception.c, uaccess.c).
 *
 * long uaccess_copy(void *dst, const void *src, size_t n): 0 or 1 (fault).
 */
	.text
	.globl uaccess_copy, uaccess_copy_start, uaccess_copy_end, uaccess_copy_fault
uaccess_copy:
	movq %rdx, %rcx
uaccess_copy_start:
	rep movsb
uaccess_copy_end:
	xorl %eax, %eax
	ret
uaccess_copy_fault:
	movl $1, %eax
	ret

	.section .note.GNU-stack, "", @progbits
