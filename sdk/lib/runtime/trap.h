/*
 * The system call trap, and one raw wrapper per call generated from
 * ATXF_SYSCALL_TABLE (<atxf/syscalls.h>): sys_IPC_SEND(port, msg, flags)
 * takes exactly the table's argument count, so a wrapper that passes too
 * many or too few does not compile. Private to libatxf; the typed
 * wrappers in this folder are the public face.
 */
#ifndef ATXF_RUNTIME_TRAP_H
#define ATXF_RUNTIME_TRAP_H

#include <stdint.h>
#include <atxf/syscalls.h>

/*
 * x86-64 `syscall`: number in rax, arguments in rdi rsi rdx r10 r8 r9,
 * result in rax; the CPU clobbers rcx and r11. The kernel promises to keep
 * the argument registers (docs/syscalls.md), but they are declared as
 * in-out anyway: it costs nothing and an early kernel that forgets cannot
 * corrupt the caller. "memory": the kernel reads and writes our buffers.
 */
static inline long atxf_trap(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;

	__asm__ __volatile__("syscall"
			     : "+a"(nr), "+D"(a1), "+S"(a2), "+d"(a3),
			       "+r"(r10), "+r"(r8), "+r"(r9)
			     :
			     : "rcx", "r11", "memory");
	return nr;
}

/* A pointer as a system call argument. */
#define ATXF_PTR(p) ((long)(uintptr_t)(p))

#define ATXF_STUB_0(name, nr) \
	static inline long sys_##name(void) \
	{ return atxf_trap(nr, 0, 0, 0, 0, 0, 0); }
#define ATXF_STUB_1(name, nr) \
	static inline long sys_##name(long a1) \
	{ return atxf_trap(nr, a1, 0, 0, 0, 0, 0); }
#define ATXF_STUB_2(name, nr) \
	static inline long sys_##name(long a1, long a2) \
	{ return atxf_trap(nr, a1, a2, 0, 0, 0, 0); }
#define ATXF_STUB_3(name, nr) \
	static inline long sys_##name(long a1, long a2, long a3) \
	{ return atxf_trap(nr, a1, a2, a3, 0, 0, 0); }
#define ATXF_STUB_4(name, nr) \
	static inline long sys_##name(long a1, long a2, long a3, long a4) \
	{ return atxf_trap(nr, a1, a2, a3, a4, 0, 0); }

/* Pastes the argument count onto ATXF_STUB_ to pick the wrapper's shape. */
#define ATXF_STUB(name, nr, nargs) ATXF_STUB_##nargs(name, nr)

ATXF_SYSCALL_TABLE(ATXF_STUB)

#endif
