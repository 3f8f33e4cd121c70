/*
 * System calls about other processes: SYS_PROC_WAIT, SYS_PROC_KILL and
 * SYS_PROC_INFO (docs/syscalls.md). The work is in proc/proctable.c.
 */
#include <atxf/errors.h>
#include "arch/x86_64/usermode.h"
#include "mm/heap.h"
#include "proc/process.h"
#include "syscall/syscall.h"

#define INFO_BATCH 16           /* records per SYS_PROC_INFO call at most */

/* wait(pid, int *status, timeout_ns) -> pid. status may be NULL. The
 * child is reaped only once its status is delivered: a bad pointer gives
 * -ATXF_EFAULT and the child can still be collected. */
long sys_proc_wait(const struct syscall_args *args)
{
	struct process *self = process_current();
	struct process *z;
	int err, status;
	uint32_t pid;

	if (args->a[0] > UINT32_MAX)
		return -ATXF_ENOENT;
	z = process_wait_child(self, (uint32_t)args->a[0], args->a[2], &err);
	if (!z)
		return err;
	status = z->exit_status;
	if (args->a[1] && copy_to_user(args->a[1], &status, sizeof(status)))
		return -ATXF_EFAULT;
	pid = z->pid;
	process_reap(z);
	return pid;
}

long sys_proc_kill(const struct syscall_args *args)
{
	struct process *self = process_current();

	if (args->a[0] > UINT32_MAX)
		return -ATXF_ENOENT;
	return process_kill(self, (uint32_t)args->a[0], cap_holds(&self->caps, ATXF_CAP_ROOT));
}

/* info(index, struct atxf_proc_info *out, n) -> records filled. */
long sys_proc_info(const struct syscall_args *args)
{
	uint64_t n = args->a[2] < INFO_BATCH ? args->a[2] : INFO_BATCH;
	struct atxf_proc_info *recs;
	uint32_t filled;
	int err = 0;

	if (!n || args->a[0] > UINT32_MAX)
		return 0;
	recs = kmalloc(n * sizeof(*recs));
	if (!recs)
		return -ATXF_ENOMEM;
	filled = process_info((uint32_t)args->a[0], recs, (uint32_t)n);
	if (filled)
		err = copy_to_user(args->a[1], recs, filled * sizeof(*recs));
	kfree(recs);
	return err ? err : (long)filled;
}
