/*
 * Threads inside a process (docs/syscalls.md §7): SYS_THREAD_CREATE,
 * SYS_THREAD_EXIT, SYS_THREAD_SELF, SYS_TLS_SET, and the futex pair the
 * libc builds its mutexes, condition variables and join on.
 */
#include <atxf/errors.h>
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/memlayout.h"
#include "arch/x86_64/usermode.h"
#include "proc/futex.h"
#include "proc/process.h"
#include "proc/uthread.h"
#include "sched/sched.h"
#include "syscall/syscall.h"

/* A user address the CPU accepts as rip, rsp or FS base (a non-canonical
 * one would fault in the kernel's sysret or wrmsr, not in the thread). */
static bool user_addr_ok(uint64_t a)
{
	return a < USER_TOP;
}

/* (entry, arg, stack top, fs base): the thread starts as if entry(arg) had
 * been called with the stack ending at stack top (16-byte aligned). */
long sys_thread_create(const struct syscall_args *args)
{
	struct uthread_start st = {
		.rip = args->a[0],
		.arg = args->a[1],
		.rsp = args->a[2] - 8,  /* where a call would have put the return address */
		.fs_base = args->a[3],
	};

	if (!user_addr_ok(st.rip) || !st.rip || args->a[2] < 16 || !user_addr_ok(args->a[2]) ||
	    (args->a[2] & 15) || !user_addr_ok(st.fs_base))
		return -ATXF_EINVAL;
	return uthread_create(process_current(), &st, false);
}

/* Clears the u32 at a[0] (if not 0) and wakes one waiter there, unmaps
 * [a[1], a[1] + a[2]) if a[2] is not 0 (the thread's own stack: the kernel
 * no longer needs it), then ends the thread. Errors are ignored: the thread
 * ends regardless. */
long sys_thread_exit(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint32_t zero = 0;

	if (args->a[0] && !copy_to_user(args->a[0], &zero, sizeof(zero)))
		futex_wake(p, args->a[0], 1);
	if (args->a[2])
		umap_unmap(p->as, &p->maps, args->a[1], args->a[2]);
	process_thread_exit();
}

long sys_thread_self(const struct syscall_args *args)
{
	(void)args;
	return thread_current()->tid;
}

long sys_tls_set(const struct syscall_args *args)
{
	if (!user_addr_ok(args->a[0]))
		return -ATXF_EINVAL;
	thread_current()->fs_base = args->a[0];
	wrmsr(MSR_FS_BASE, args->a[0]);
	return 0;
}

long sys_futex_wait(const struct syscall_args *args)
{
	if (args->a[1] > 0xffffffffu)
		return -ATXF_EINVAL;
	return futex_wait(process_current(), args->a[0], (uint32_t)args->a[1], args->a[2]);
}

long sys_futex_wake(const struct syscall_args *args)
{
	uint32_t n = args->a[1] > 0xffffffffu ? 0xffffffffu : (uint32_t)args->a[1];

	if (args->a[0] & 3)
		return -ATXF_EINVAL;
	return futex_wake(process_current(), args->a[0], n);
}
