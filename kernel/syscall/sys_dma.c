/*
 * DMA for one device (docs/syscalls.md; mm/dma.h, iommu/iommu.h):
 * SYS_DMA_ALLOC and SYS_DMA_FREE (a buffer), SYS_DMA_MAP and
 * SYS_DMA_UNMAP (a client's shared pages), SYS_DMA_FAULT_WATCH and
 * SYS_DMA_FAULT_NEXT (devmgr hears of blocked DMA). Each names the
 * capability it needs: the device's PCI one in the tag, the buffer's or
 * mapping's DMA one, ROOT for the fault watcher.
 */
#include <atxf/cap.h>
#include <atxf/errors.h>
#include "arch/x86_64/paging.h"
#include "arch/x86_64/usermode.h"
#include "iommu/iommu.h"
#include "ipc/shm.h"
#include "mm/dma.h"
#include "proc/process.h"
#include "syscall/syscall.h"

#define DMA_MAX_ALLOC (1ul << 30)

/* The DMA capability for b in p; its handle, or an error (b is freed). */
static atxf_handle_t insert_locked(struct process *p, struct dma_buf *b, uint32_t rights)
{
	/* A buffer's base is its physical address (what the IOMMU keeps other
	 * devices from); a mapping's, its first bus address. */
	struct cap c = { .kind = ATXF_CAP_DMA, .rights = rights,
			 .base = b->shared ? b->bus : b->paddr,
			 .size = b->npages * PAGE_SIZE, .obj = b };
	atxf_handle_t h = cap_insert_locked(&p->caps, &c);

	if (h < 0) {
		b->refs = 1;
		dma_put_locked(b);              /* frees it */
	}
	return h;
}

/* The tag (argument 0) of a call whose result (argument 2) has size bytes. */
static int tag_and_result(struct process *p, const struct syscall_args *args, size_t size,
			  struct dma_limits *lim)
{
	if (!user_range_ok(args->a[2], size))
		return -ATXF_EFAULT;
	return dma_tag_read(p, args->a[0], lim);
}

long sys_dma_alloc(const struct syscall_args *args)
{
	struct process *p = process_current();
	struct atxf_dma out = { 0 };
	struct dma_limits lim;
	struct dma_buf *b;
	int err = tag_and_result(p, args, sizeof(out), &lim);

	if (err)
		return err;
	if (!args->a[1] || args->a[1] > DMA_MAX_ALLOC)
		return -ATXF_EINVAL;
	b = dma_alloc(p, &lim, args->a[1], &err);
	if (!b)
		return err;
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	out.handle = insert_locked(p, b, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	spin_unlock_irqrestore(&cap_lock, flags);
	if (out.handle < 0)
		return out.handle;
	out.vaddr = b->vaddr;
	out.bus_addr = b->bus;
	out.size = b->npages * PAGE_SIZE;
	return copy_to_user(args->a[2], &out, sizeof(out)) ? -ATXF_EFAULT : 0;
}

/* Drops p's DMA capability h if it names an object of that sort. */
static long drop(struct process *p, uint64_t h, bool shared)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *c = h <= INT32_MAX ? cap_lookup(&p->caps, (atxf_handle_t)h) : NULL;
	long err = 0;

	if (!c || c->kind != ATXF_CAP_DMA || !c->obj ||
	    ((struct dma_buf *)c->obj)->shared != shared)
		err = -ATXF_EBADH;
	else
		cap_remove_locked(&p->caps, (atxf_handle_t)h);
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

long sys_dma_free(const struct syscall_args *args)
{
	return drop(process_current(), args->a[0], false);
}

/* The caller's SHM capability h: its grant and whether the device may
 * write the pages. cap_lock held. */
static struct shm *shm_of_locked(struct process *p, uint64_t h, bool *writable)
{
	const struct cap *c = h <= INT32_MAX ? cap_lookup(&p->caps, (atxf_handle_t)h) : NULL;

	if (!c || c->kind != ATXF_CAP_SHM || !c->obj || !(c->rights & ATXF_RIGHT_READ))
		return NULL;
	*writable = (c->rights & ATXF_RIGHT_WRITE) &&
		    (((struct shm *)c->obj)->rights & ATXF_RIGHT_WRITE);
	return c->obj;
}

long sys_dma_map(const struct syscall_args *args)
{
	struct process *p = process_current();
	struct atxf_dma_map out = { .handle = ATXF_HANDLE_NONE };
	struct dma_limits lim;
	struct dma_buf *b = NULL;
	bool writable = false;
	int err = tag_and_result(p, args, sizeof(out), &lim);

	if (err)
		return err;
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	struct shm *s = shm_of_locked(p, args->a[1], &writable);

	err = -ATXF_EBADH;
	if (s)
		b = dma_map_shm_locked(p, &lim, s, writable, &out, &err);
	if (b)
		out.handle = insert_locked(p, b, ATXF_RIGHT_READ |
					   (writable ? ATXF_RIGHT_WRITE : 0));
	spin_unlock_irqrestore(&cap_lock, flags);
	if (!b)
		return err;
	if (out.handle < 0)
		return out.handle;
	return copy_to_user(args->a[2], &out, sizeof(out)) ? -ATXF_EFAULT : 0;
}

long sys_dma_unmap(const struct syscall_args *args)
{
	return drop(process_current(), args->a[0], true);
}

long sys_dma_fault_watch(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *port = args->a[0] <= INT32_MAX ?
		cap_lookup(&p->caps, (atxf_handle_t)args->a[0]) : NULL;
	long err = 0;

	if (!cap_holds(&p->caps, ATXF_CAP_ROOT))     /* devmgr (and init) only */
		err = -ATXF_EPERM;
	else if (!port || port->kind != ATXF_CAP_PORT)
		err = -ATXF_EBADH;
	else if (args->a[1] >= 64)
		err = -ATXF_EINVAL;
	else
		iommu_watch_locked(port->obj, (unsigned)args->a[1]);
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

long sys_dma_fault_next(const struct syscall_args *args)
{
	struct process *p = process_current();
	struct atxf_dma_fault f;
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	long err = cap_holds(&p->caps, ATXF_CAP_ROOT) ? iommu_next_fault_locked(&f) : -ATXF_EPERM;

	spin_unlock_irqrestore(&cap_lock, flags);
	if (err)
		return err;
	return copy_to_user(args->a[0], &f, sizeof(f)) ? -ATXF_EFAULT : 0;
}
