/*
 * Interrupt and exception entry. One small entry routine per vector pushes a dummy
 * error code where the CPU pushes none (SDM vol. 3 table 6-1), then the
 * vector, and joins isr_common, which saves the general registers into a
 * struct trap_frame (trap.h) and calls trap_dispatch(frame).
 *
 * swapgs: the kernel's %gs base points at the per-CPU record. An interrupt
 * from ring 3 arrives with the user's base, so swap on the way in and out
 * when the saved CS has RPL 3.
 */
#include "arch/x86_64/arch_cpu.h"
#include "arch/x86_64/trap_regs.h"

/* CPU-pushed error codes: #DF 8, #TS 10, #NP 11, #SS 12, #GP 13, #PF 14,
 * #AC 17, #CP 21, #VC 29, #SX 30. */
#define HAS_ERROR(v) ((v) == 8 || (v) == 10 || (v) == 11 || (v) == 12 || \
		      (v) == 13 || (v) == 14 || (v) == 17 || (v) == 21 || \
		      (v) == 29 || (v) == 30)

#define FRAME_CS 24             /* saved CS, above vector and error code */

	.text
	.balign 16
isr_common:
	cld
	testb $3, FRAME_CS(%rsp)
	jz 1f
	swapgs
1:	PUSH_GPRS
	mov %rsp, %rdi
	call trap_dispatch
	.globl trap_return
trap_return:                    /* also where new user threads start */
	POP_GPRS
	testb $3, FRAME_CS(%rsp)
	jz 2f
	swapgs
2:	addq $16, %rsp          /* vector and error code */
	iretq

	/* altmacro: %vec expands to vec's value, naming each entry routine. (It also
	 * makes '<', '>' and '!' special, hence HAS_ERROR's plain form.) */
	.altmacro
.macro ISR_STUB v
	.balign 16
isr_stub_\v:
	.if HAS_ERROR(\v)
	.else
	pushq $0                /* no CPU error code: keep the frame uniform */
	.endif
	pushq $\v
	jmp isr_common
.endm

.macro ISR_ADDR v
	.quad isr_stub_\v
.endm

	.set vec, 0
	.rept 256
	ISR_STUB %vec
	.set vec, vec + 1
	.endr

	.section .rodata
	.balign 8
	.globl isr_stub_table
isr_stub_table:
	.set vec, 0
	.rept 256
	ISR_ADDR %vec
	.set vec, vec + 1
	.endr

	.section .note.GNU-stack, "", @progbits
