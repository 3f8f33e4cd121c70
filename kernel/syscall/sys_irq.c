/*
 * SYS_REGISTER_IRQ_HANDLER and SYS_IRQ_ACK (docs/syscalls.md; irq/irq.h).
 * Both need the IRQ capability with READ: what the manifest's
 * ATXF_RES_IRQ asks for, and what receiving interrupts is; and one line
 * (an MSI-X capability covering several vectors is split by deriving).
 */
#include <atxf/errors.h>
#include "ipc/port.h"
#include "irq/irq.h"
#include "proc/process.h"
#include "syscall/syscall.h"

/* The line of the caller's IRQ handle h, or an error. cap_lock held. */
static int irq_source_locked(struct process *p, uint64_t h, uint64_t *source)
{
	const struct cap *c = h <= INT32_MAX ? cap_lookup(&p->caps, (atxf_handle_t)h) : NULL;

	if (!c || c->kind != ATXF_CAP_IRQ)
		return -ATXF_EBADH;
	if (!(c->rights & ATXF_RIGHT_READ))
		return -ATXF_EPERM;
	if (c->size != 1)
		return -ATXF_ERANGE;    /* several MSI-X vectors: derive one first */
	*source = c->base;
	return 0;
}

long sys_register_irq_handler(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *port = args->a[1] <= INT32_MAX ?
		cap_lookup(&p->caps, (atxf_handle_t)args->a[1]) : NULL;
	uint64_t source;
	int err = irq_source_locked(p, args->a[0], &source);

	if (!err && (!port || port->kind != ATXF_CAP_PORT))
		err = -ATXF_EBADH;
	else if (!err && !(port->rights & ATXF_RIGHT_WRITE))
		err = -ATXF_EPERM;
	else if (!err && args->a[2] >= 64)
		err = -ATXF_EINVAL;
	if (!err)
		err = irq_bind_locked(p, source, port->obj, (unsigned)args->a[2]);
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

long sys_irq_ack(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	uint64_t source;
	int err = irq_source_locked(p, args->a[0], &source);

	if (!err)
		err = irq_ack_locked(p, source);
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}
