/*
 * syscall_dispatch(): called by arch/x86_64/syscall_entry.S with the
 * caller's registers. The table is indexed by the ABI's numbers; anything
 * unlisted is -ATXF_ENOSYS, so any number a program passes is safe.
 */
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "arch/x86_64/trap.h"
#include "syscall/syscall.h"

static const syscall_fn table[SYS_COUNT] = {
	[SYS_EXIT] = sys_exit,
	[SYS_YIELD] = sys_yield,
	[SYS_SLEEP] = sys_sleep,
	[SYS_CLOCK] = sys_clock,
	[SYS_DEBUG_WRITE] = sys_debug_write,
};

void syscall_dispatch(struct trap_frame *f);

void syscall_dispatch(struct trap_frame *f)
{
	struct syscall_args args = { { f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9 } };
	uint64_t nr = f->rax;

	if (nr < SYS_COUNT && table[nr])
		f->rax = table[nr](&args);
	else
		f->rax = -ATXF_ENOSYS;
}
