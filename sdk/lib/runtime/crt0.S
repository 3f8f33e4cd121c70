/*
 * crt0: the entry point of every ATXF program (ENTRY(_start) in
 * ldscripts/atxf.ld, which puts .text.atxf_start first in text, so the
 * entry offset is 0).
 *
 * The kernel enters here with rdi = struct atxf_start_info * (<atxf/proc.h>,
 * docs/syscalls.md "Process start"), or anything at all from a kernel that
 * passes nothing: __atxf_start checks it. The stack is aligned down to 16
 * bytes so that the call below leaves it as the SysV ABI wants on entry to
 * a function; rbp = 0 marks the outermost frame for debuggers.
 */
	.section .text.atxf_start, "ax", @progbits
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp
	andq	$-16, %rsp
	call	__atxf_start            /* rdi passes straight through */
	ud2                             /* __atxf_start never returns */
	.size	_start, . - _start

/*
 * The symbol every hosted object compiled against the SDK's headers
 * references (<bits/target.h>): defined here, so a link that starts the
 * program with this crt0 resolves it, and a Linux link fails on it.
 */
	.globl	__atxf_link_this_with_the_atxf_sysroot
	.set	__atxf_link_this_with_the_atxf_sysroot, 0

	.section .note.GNU-stack, "", @progbits
