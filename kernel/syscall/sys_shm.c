/*
 * SYS_SHM_GRANT, SYS_SHM_MAP, SYS_SHM_REVOKE, SYS_SHM_UNMAP, SYS_SHM_PROBE
 * (docs/syscalls.md): zero-copy buffers between processes (ipc/shm.h). The
 * grant is an ATXF_CAP_SHM handle (base: the port it may travel through,
 * size: bytes) that the granter sends in a message; the receiver maps it
 * and lets it go, the granter revokes it, and the receiver asks the probe
 * whether it was.
 */
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "arch/x86_64/paging.h"
#include "ipc/port.h"
#include "ipc/shm.h"
#include "mm/aspace.h"
#include "mm/vm.h"
#include "proc/process.h"
#include "syscall/syscall.h"

/* The id of the port behind handle h if the caller may send on it. */
static int send_port_id(struct process *p, uint64_t h, uint32_t *id)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *c = h <= INT32_MAX ? cap_lookup(&p->caps, (atxf_handle_t)h) : NULL;
	int err = 0;

	if (!c || c->kind != ATXF_CAP_PORT)
		err = -ATXF_EBADH;
	else if (!(c->rights & ATXF_RIGHT_WRITE))
		err = -ATXF_EPERM;
	else
		*id = ((struct port *)c->obj)->id;
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

long sys_shm_grant(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint32_t port_id;
	struct shm *s;
	long h;
	int err = send_port_id(p, args->a[2], &port_id);

	if (err)
		return err;
	if (args->a[3] > ATXF_RIGHTS_ALL)
		return -ATXF_EINVAL;
	s = shm_create(p, args->a[0], args->a[1], port_id,
		       (uint32_t)args->a[3] & (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE), &err);
	if (!s)
		return err;
	struct cap c = { .kind = ATXF_CAP_SHM, .obj = s, .base = port_id, .size = args->a[1],
			 .rights = s->rights | ATXF_RIGHT_GRANT };
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	h = cap_insert_locked(&p->caps, &c);
	if (h < 0) {
		s->refs = 1;
		shm_put_locked(s);              /* frees it */
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	return h;
}

long sys_shm_map(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t prot = args->a[1];
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *c = args->a[0] <= INT32_MAX ?
		cap_lookup(&p->caps, (atxf_handle_t)args->a[0]) : NULL;
	long ret;

	if (!c || c->kind != ATXF_CAP_SHM)
		ret = -ATXF_EBADH;
	else if (prot & ~(uint64_t)(ATXF_PROT_READ | ATXF_PROT_WRITE))
		ret = -ATXF_EINVAL;
	else if (!(c->rights & ATXF_RIGHT_READ) ||
		 ((prot & ATXF_PROT_WRITE) && !(c->rights & ATXF_RIGHT_WRITE)))
		ret = -ATXF_EPERM;
	else
		ret = shm_map_locked(c->obj, p, prot & ATXF_PROT_WRITE);
	spin_unlock_irqrestore(&cap_lock, flags);
	return ret;
}

long sys_shm_revoke(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *c = args->a[0] <= INT32_MAX ?
		cap_lookup(&p->caps, (atxf_handle_t)args->a[0]) : NULL;
	long ret = 0;

	if (!c || c->kind != ATXF_CAP_SHM || ((struct shm *)c->obj)->owner != p)
		ret = -ATXF_EBADH;
	else {
		shm_revoke_locked(c->obj);
		cap_remove_locked(&p->caps, (atxf_handle_t)args->a[0]);
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	return ret;
}

/* The receiver lets go of its mapping at addr, live or revoked. */
long sys_shm_unmap(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	int err = shm_unmap_locked(p, args->a[0]);

	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

/*
 * What the caller's page at addr is, read from the kernel's records, never
 * from the page: a revoked grant's stand-in answers ESTALE however busy
 * the caller's other threads are with it.
 */
long sys_shm_probe(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t page = args->a[0] & ~(uint64_t)(PAGE_SIZE - 1);
	unsigned prot = 0;
	uint64_t flags;
	int state;

	if (args->a[0] >= USER_TOP)
		return -ATXF_EFAULT;
	flags = spin_lock_irqsave(&cap_lock);
	state = shm_state_locked(p, page);
	spin_unlock_irqrestore(&cap_lock, flags);
	if (state != -ATXF_ENOENT)
		return state;
	if (!paging_translate(p->as->root, page, NULL, &prot) || !(prot & VM_USER))
		return -ATXF_EFAULT;
	return 0;
}
