/*
 * SYS_MEM_MAP(hint, len, prot) and SYS_MEM_UNMAP(addr, len): anonymous
 * zeroed memory in the caller's mapping area (mm/umap.h). The hint is only
 * a hint (docs/syscalls.md §3), and this kernel does not take it.
 */
#include <atxf/errors.h>
#include "ipc/port.h"
#include "ipc/shm.h"
#include "arch/x86_64/memlayout.h"
#include "arch/x86_64/paging.h"
#include "arch/x86_64/usermode.h"
#include "mm/heap.h"
#include "mm/pmm.h"
#include "proc/process.h"
#include "syscall/syscall.h"

long sys_mem_map(const struct syscall_args *args)
{
	struct process *p = process_current();

	if (args->a[2] > 0xffffffffu)
		return -ATXF_EINVAL;
	return umap_map(p->as, &p->maps, args->a[1], (unsigned)args->a[2]);
}

/* Pages granted with SYS_SHM_GRANT stay until the grant is revoked: the
 * receivers map the very frames, which an unmap would free. */
long sys_mem_unmap(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	bool granted = shm_granted_locked(p, args->a[0], args->a[1]);

	spin_unlock_irqrestore(&cap_lock, flags);
	if (granted)
		return -ATXF_EBUSY;
	return umap_unmap(p->as, &p->maps, args->a[0], args->a[1]);
}

/* The caller's SYS_MEM_MAP limit and use, and the machine's RAM. */
long sys_mem_info(const struct syscall_args *args)
{
	struct process *p = process_current();
	struct atxf_mem_info info = {
		.limit = p->maps.limit == UMAP_UNLIMITED ? ATXF_MEM_UNLIMITED
							 : (uint64_t)p->maps.limit * PAGE_SIZE,
		.used = (uint64_t)p->maps.pages * PAGE_SIZE,
		.ram_free = pmm_free_frames() * PAGE_SIZE,
		.ram_total = pmm_total_frames() * PAGE_SIZE,
	};

	return copy_to_user(args->a[0], &info, sizeof(info));
}

/* Kernel objects alive now: for tests that check a workload leaks none. */
long sys_kernel_counts(const struct syscall_args *args)
{
	struct atxf_kernel_counts out = {
		.frames_free = pmm_free_frames(),
		.ports = port_count(),
		.kernel_tables = paging_kernel_tables(),
	};

	heap_counts(&out.heap_blocks, &out.heap_pages);
	return copy_to_user(args->a[0], &out, sizeof(out));
}
