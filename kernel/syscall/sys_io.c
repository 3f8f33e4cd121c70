/*
 * SYS_IO_OUTB/INB/OUTW/INW/OUTL/INL: port I/O through the kernel, checked
 * against the caller's ATXF_CAP_IOPORT capabilities: one capability must
 * cover every port the access touches (1, 2 or 4) with READ for in and
 * WRITE for out (docs/syscalls.md); ATXF_CAP_ROOT, which could make any
 * such capability, covers every port (init's isa-debug-exit). Ports a capability opens with both
 * rights are also open for direct in/out (arch/x86_64/iobitmap.c).
 */
#include <atxf/errors.h>
#include "arch/x86_64/cpu.h"
#include "proc/process.h"
#include "syscall/syscall.h"

#define PORT_MAX 0xffff

/* 0 when the caller may access [port, port + width) with right, else the
 * error to return. */
static long port_check(uint64_t port, unsigned width, uint32_t right)
{
	struct process *p = process_current();
	uint64_t flags;
	long err = -ATXF_EPERM;

	if (port > PORT_MAX + 1 - width)
		return -ATXF_EINVAL;
	flags = spin_lock_irqsave(&cap_lock);
	for (int h = 0; h < CAP_TABLE_SLOTS && err; h++) {
		const struct cap *c = &p->caps.slot[h];

		if (c->kind == ATXF_CAP_IOPORT && (c->rights & right) && port >= c->base &&
		    port + width <= c->base + c->size)
			err = 0;
		if (c->kind == ATXF_CAP_ROOT)
			err = 0;        /* it could derive any IOPORT cap anyway */
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

long sys_io_outb(const struct syscall_args *args)
{
	long err = port_check(args->a[0], 1, ATXF_RIGHT_WRITE);

	if (!err)
		outb((uint16_t)args->a[0], (uint8_t)args->a[1]);
	return err;
}

long sys_io_inb(const struct syscall_args *args)
{
	long err = port_check(args->a[0], 1, ATXF_RIGHT_READ);

	return err ? err : inb((uint16_t)args->a[0]);
}

long sys_io_outw(const struct syscall_args *args)
{
	long err = port_check(args->a[0], 2, ATXF_RIGHT_WRITE);

	if (!err)
		outw((uint16_t)args->a[0], (uint16_t)args->a[1]);
	return err;
}

long sys_io_inw(const struct syscall_args *args)
{
	long err = port_check(args->a[0], 2, ATXF_RIGHT_READ);

	return err ? err : inw((uint16_t)args->a[0]);
}

long sys_io_outl(const struct syscall_args *args)
{
	long err = port_check(args->a[0], 4, ATXF_RIGHT_WRITE);

	if (!err)
		outl((uint16_t)args->a[0], (uint32_t)args->a[1]);
	return err;
}

long sys_io_inl(const struct syscall_args *args)
{
	long err = port_check(args->a[0], 4, ATXF_RIGHT_READ);

	return err ? err : (long)inl((uint16_t)args->a[0]);
}
