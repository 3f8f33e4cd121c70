/*
 * syscall_dispatch(): called by arch/x86_64/syscall_entry.S with the
 * caller's registers. The table is indexed by the ABI's numbers; anything
 * unlisted is -ATXF_ENOSYS, so any number a program passes is safe. On the
 * way out, a process killed meanwhile (SYS_PROC_KILL) ends instead of
 * returning to ring 3.
 */
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "arch/x86_64/trap.h"
#include "proc/process.h"
#include "syscall/syscall.h"

static const syscall_fn table[SYS_COUNT] = {
	[SYS_EXIT] = sys_exit,
	[SYS_YIELD] = sys_yield,
	[SYS_SLEEP] = sys_sleep,
	[SYS_CLOCK] = sys_clock,
	[SYS_DEBUG_WRITE] = sys_debug_write,
	[SYS_MEM_MAP] = sys_mem_map,
	[SYS_MEM_UNMAP] = sys_mem_unmap,
	[SYS_PROC_SPAWN] = sys_proc_spawn,
	[SYS_PROC_WAIT] = sys_proc_wait,
	[SYS_PROC_KILL] = sys_proc_kill,
	[SYS_PROC_INFO] = sys_proc_info,
	[SYS_IO_OUTB] = sys_io_outb,
	[SYS_IO_INB] = sys_io_inb,
	[SYS_IO_OUTW] = sys_io_outw,
	[SYS_IO_INW] = sys_io_inw,
	[SYS_IO_OUTL] = sys_io_outl,
	[SYS_IO_INL] = sys_io_inl,
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
	process_check_killed();
}
