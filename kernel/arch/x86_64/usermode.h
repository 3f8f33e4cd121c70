/*
 * The user-mode boundary on x86_64: the syscall entry, the first entry into
 * ring 3, FPU/SSE state for user threads, and safe access to user memory.
 */
#ifndef ARCH_X86_64_USERMODE_H
#define ARCH_X86_64_USERMODE_H

#include <stddef.h>
#include <stdint.h>

#define VEC_SYSCALL 0x100       /* trap_frame.vector of a system call */

/* Programs STAR/LSTAR/FMASK and EFER.SCE on this CPU. */
void syscall_init(void);

/* Drops to ring 3 at rip with rsp = user_rsp and rdi = arg, on a kernel
 * stack reset to kstack_top. Never returns. */
_Noreturn void arch_enter_user(uint64_t rip, uint64_t user_rsp, uint64_t arg,
			       uint64_t kstack_top);

/* FPU/SSE register state (fxsave format, 512 bytes). */
void *fpu_state_alloc(void);            /* initialised like after fninit */
void fpu_state_free(void *state);
void fpu_save(void *state);
void fpu_restore(const void *state);

/*
 * Copies between kernel and user memory. 0, or -ATXF_EFAULT if any byte of
 * the user range is outside user space, unmapped or (for copy_to_user)
 * read-only: never a kernel fault.
 */
int copy_from_user(void *dst, uint64_t user_src, size_t n);
int copy_to_user(uint64_t user_dst, const void *src, size_t n);
/* Copies a NUL-terminated string of at most size - 1 characters into
 * dst[size]. Returns its length, -ATXF_EFAULT, or -ATXF_ERANGE when no NUL
 * comes within size bytes. */
long copy_string_from_user(char *dst, uint64_t user_src, size_t size);
/* Whether [addr, addr + n) lies inside user space (no access made). */
int user_range_ok(uint64_t addr, size_t n);
/* For the page fault handler: if rip is inside a user copy, where to resume. */
uint64_t uaccess_fixup(uint64_t rip);

#endif
