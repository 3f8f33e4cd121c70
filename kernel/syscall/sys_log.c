/*
 * SYS_LOG_READ(klog cap, buf, len): the kernel's recent lines (the ring
 * of lib/logring.h, the same lines the serial line showed), for a holder
 * of an ATXF_CAP_KLOG capability with READ: init gives one to the console
 * for `dmesg` (docs/syscalls.md). The newest whole lines that fit in len,
 * oldest first; the result is the byte count.
 */
#include <atxf/cap.h>
#include <atxf/errors.h>
#include "arch/x86_64/usermode.h"
#include "cap/captable.h"
#include "lib/console.h"
#include "lib/logring.h"
#include "mm/heap.h"
#include "proc/process.h"
#include "syscall/syscall.h"

/* The caller's handle h: a KLOG capability with READ? 0 or the error. */
static int may_read(atxf_handle_t h)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *c = cap_lookup(&p->caps, h);
	int err = !c || c->kind != ATXF_CAP_KLOG ? -ATXF_EBADH :
		  !(c->rights & ATXF_RIGHT_READ) ? -ATXF_EPERM : 0;

	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

long sys_log_read(const struct syscall_args *args)
{
	size_t len = args->a[2] < LOGRING_BYTES ? args->a[2] : LOGRING_BYTES;
	uint64_t flags;
	char *snap;
	size_t n;
	int err;

	if (args->a[0] > INT32_MAX)
		return -ATXF_EBADH;
	err = may_read((atxf_handle_t)args->a[0]);
	if (err)
		return err;
	if (!user_range_ok(args->a[1], len))
		return -ATXF_EFAULT;
	/* A copy first: the user's pages are not touched under the console lock. */
	snap = kmalloc(len ? len : 1);
	if (!snap)
		return -ATXF_ENOMEM;
	flags = console_lock();
	n = logring_copy_locked(snap, len);
	console_unlock(flags);
	err = copy_to_user(args->a[1], snap, n);
	kfree(snap);
	return err ? err : (long)n;
}
