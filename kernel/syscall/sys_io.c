/*
 * SYS_IO_OUTB/INB/OUTW/INW/OUTL/INL: port I/O through the kernel.
 *
 * For now a process may use them only if it holds ATXF_CAP_ROOT (init,
 * which ends a test run through isa-debug-exit at port 0xf4); everyone else
 * gets -ATXF_EPERM, which libatxf's accessors turn into all ones or a
 * dropped write. Issue 5 checks ATXF_CAP_IOPORT ranges instead and opens
 * ports in the TSS I/O bitmap (docs/syscalls.md §6).
 */
#include <atxf/errors.h>
#include "arch/x86_64/cpu.h"
#include "proc/process.h"
#include "syscall/syscall.h"

#define PORT_MAX 0xffff

/* 0 when the caller may touch port, else the error to return. */
static long port_check(uint64_t port)
{
	if (!cap_holds(&process_current()->caps, ATXF_CAP_ROOT))
		return -ATXF_EPERM;
	return port > PORT_MAX ? -ATXF_EINVAL : 0;
}

long sys_io_outb(const struct syscall_args *args)
{
	long err = port_check(args->a[0]);

	if (!err)
		outb((uint16_t)args->a[0], (uint8_t)args->a[1]);
	return err;
}

long sys_io_inb(const struct syscall_args *args)
{
	long err = port_check(args->a[0]);

	return err ? err : inb((uint16_t)args->a[0]);
}

long sys_io_outw(const struct syscall_args *args)
{
	long err = port_check(args->a[0]);

	if (!err)
		outw((uint16_t)args->a[0], (uint16_t)args->a[1]);
	return err;
}

long sys_io_inw(const struct syscall_args *args)
{
	long err = port_check(args->a[0]);

	return err ? err : inw((uint16_t)args->a[0]);
}

long sys_io_outl(const struct syscall_args *args)
{
	long err = port_check(args->a[0]);

	if (!err)
		outl((uint16_t)args->a[0], (uint32_t)args->a[1]);
	return err;
}

long sys_io_inl(const struct syscall_args *args)
{
	long err = port_check(args->a[0]);

	return err ? err : (long)inl((uint16_t)args->a[0]);
}
