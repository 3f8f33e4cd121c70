/*
 * What isr.S saves on every interrupt and exception, and the dispatcher it
 * calls. The layout must match isr_common's pushes, in reverse.
 */
#ifndef ARCH_X86_64_TRAP_H
#define ARCH_X86_64_TRAP_H

#include <stdbool.h>
#include <stdint.h>

struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector;
	uint64_t error;         /* CPU error code, or 0 */
	/* Pushed by the CPU (SDM vol. 3 §6.14.2, figure 6-9). */
	uint64_t rip, cs, rflags, rsp, ss;
};

typedef void (*trap_handler_t)(struct trap_frame *f);

/* Installs the handler for an interrupt vector (>= 32). */
void trap_set_handler(unsigned vector, trap_handler_t fn);

static inline bool trap_from_user(const struct trap_frame *f)
{
	return (f->cs & 3) == 3;
}

/* Exceptions (vector < 32): exception.c. */
void exception_handle(struct trap_frame *f);
const char *exception_mnemonic(unsigned vector);

#endif
