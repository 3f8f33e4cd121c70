/*
 * System call dispatch. Numbers, arguments and errors are the ABI's
 * (<atxf/syscalls.h>, <atxf/errors.h>); every handler checks its arguments
 * and returns a value >= 0 or a negative ATXF_E* code.
 */
#ifndef SYSCALL_SYSCALL_H
#define SYSCALL_SYSCALL_H

#include <stdint.h>

/* The six argument registers, in ABI order (rdi, rsi, rdx, r10, r8, r9). */
struct syscall_args {
	uint64_t a[6];
};

typedef long (*syscall_fn)(const struct syscall_args *args);

/* The handlers (syscall/sys_*.c). */
long sys_exit(const struct syscall_args *args);
long sys_yield(const struct syscall_args *args);
long sys_sleep(const struct syscall_args *args);
long sys_clock(const struct syscall_args *args);
long sys_debug_write(const struct syscall_args *args);
long sys_mem_map(const struct syscall_args *args);
long sys_mem_unmap(const struct syscall_args *args);
long sys_proc_spawn(const struct syscall_args *args);
long sys_proc_wait(const struct syscall_args *args);
long sys_proc_kill(const struct syscall_args *args);
long sys_proc_info(const struct syscall_args *args);
long sys_io_outb(const struct syscall_args *args);
long sys_io_inb(const struct syscall_args *args);
long sys_io_outw(const struct syscall_args *args);
long sys_io_inw(const struct syscall_args *args);
long sys_io_outl(const struct syscall_args *args);
long sys_io_inl(const struct syscall_args *args);

#endif
