/*
 * SYS_CAP_QUERY, SYS_CAP_DERIVE, SYS_CAP_GRANT, SYS_CAP_DROP
 * (docs/syscalls.md): what a handle is, a narrower copy, a copy in another
 * process, and closing one. Rights only ever shrink; ranges only narrow,
 * except from ATXF_CAP_ROOT, which makes any capability (its kind in bits
 * 8..15 of the rights, ATXF_DERIVE_KIND).
 */
#include <atxf/errors.h>
#include <atxf/pci_regs.h>
#include "arch/x86_64/usermode.h"
#include "core/bootinfo.h"
#include "irq/irq.h"
#include "proc/process.h"
#include "proc/proctable.h"
#include "syscall/syscall.h"

#define KIND_MASK 0xffu

long sys_cap_query(const struct syscall_args *args)
{
	struct process *p = process_current();
	struct atxf_cap_info info = { 0 };
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *c = cap_lookup(&p->caps, (atxf_handle_t)args->a[0]);

	if (c && args->a[0] <= INT32_MAX)
		info = (struct atxf_cap_info){ c->kind, c->rights, c->base, c->size };
	spin_unlock_irqrestore(&cap_lock, flags);
	if (!info.kind)
		return -ATXF_EBADH;
	return copy_to_user(args->a[1], &info, sizeof(info)) ? -ATXF_EFAULT : 0;
}

/* Whether [base, base + size) lies in c's range (kinds without a range
 * must repeat it exactly). */
static bool range_within(const struct cap *c, uint64_t base, uint64_t size)
{
	if (base + size < base)
		return false;
	return base >= c->base && base + size <= c->base + c->size;
}

/* MSI-X entries [entry, entry + size) of one function's table, and no
 * other bits in base (<atxf/cap.h>). */
static bool msix_range_ok(uint64_t base, uint64_t size)
{
	unsigned entry = ATXF_IRQ_MSIX_ENTRY(base);

	return base == ATXF_IRQ_MSIX_VECTOR(ATXF_IRQ_MSIX_BDF(base), entry) &&
	       entry < PCI_MSIX_MAX_VECTORS && size && size <= PCI_MSIX_MAX_VECTORS - entry;
}

/* A capability of any kind, made from ROOT: checks only that it is sane. */
static int make_from_root(struct cap *out, uint32_t kind, uint64_t base, uint64_t size,
			  uint32_t rights)
{
	switch (kind) {
	case ATXF_CAP_IOPORT:
		if (!size || base > 0xffff || size > 0x10000 - base)
			return -ATXF_ERANGE;
		break;
	case ATXF_CAP_IRQ:
		if (!(base & ATXF_IRQ_MSIX))
			size = 1;
		else if (!msix_range_ok(base, size))
			return -ATXF_ERANGE;
		break;
	case ATXF_CAP_PCI:
		size = 1;
		break;
	case ATXF_CAP_MMIO:
	case ATXF_CAP_DMA:
		if (!size || base + size < base)
			return -ATXF_ERANGE;
		if (kind == ATXF_CAP_DMA && base)
			return -ATXF_EINVAL;    /* only a budget is made this way */
		break;
	case ATXF_CAP_FRAMEBUFFER:
		if (boot_fb_range(&base, &size))
			return -ATXF_ENODEV;
		break;
	case ATXF_CAP_KLOG:
		base = size = 0;        /* the one ring: nothing to narrow */
		break;
	case ATXF_CAP_ROOT:
		break;
	default:
		return -ATXF_EINVAL;    /* PORT and SHM name objects: create them */
	}
	*out = (struct cap){ .kind = kind, .rights = rights, .base = base, .size = size };
	return 0;
}

static int derive(const struct cap *from, struct cap *out, uint64_t base, uint64_t size,
		  uint32_t rights)
{
	uint32_t kind = rights >> ATXF_DERIVE_KIND_SHIFT & KIND_MASK;

	if (rights & ~(ATXF_RIGHTS_ALL | KIND_MASK << ATXF_DERIVE_KIND_SHIFT))
		return -ATXF_EINVAL;
	rights &= ATXF_RIGHTS_ALL;
	if (!rights_cover(from->rights, rights))
		return -ATXF_EPERM;
	if (from->kind == ATXF_CAP_ROOT && kind)
		return make_from_root(out, kind, base, size, rights);
	if (kind && kind != from->kind)
		return -ATXF_EINVAL;
	if (!range_within(from, base, size))
		return -ATXF_ERANGE;
	if (from->kind == ATXF_CAP_DMA && from->obj && (base != from->base || size != from->size))
		return -ATXF_ERANGE;    /* a buffer is freed whole */
	*out = *from;
	out->base = base;
	out->size = size;
	out->rights = rights;
	return 0;
}

long sys_cap_derive(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	struct cap *from = cap_lookup(&p->caps, (atxf_handle_t)args->a[0]);
	struct cap c;
	long ret;

	if (!from || args->a[0] > INT32_MAX)
		ret = -ATXF_EBADH;
	else if (args->a[3] > UINT32_MAX)
		ret = -ATXF_EINVAL;
	else
		ret = derive(from, &c, args->a[1], args->a[2], (uint32_t)args->a[3]);
	if (!ret)
		ret = cap_insert_locked(&p->caps, &c);
	spin_unlock_irqrestore(&cap_lock, flags);
	return ret;
}

long sys_cap_grant(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t pflags = spin_lock_irqsave(&proc_lock);
	struct process *to = process_find_locked((uint32_t)args->a[1]);
	long ret;

	spin_lock_raw(&cap_lock);
	struct cap *c = cap_lookup(&p->caps, (atxf_handle_t)args->a[0]);
	struct cap copy;

	if (!c || args->a[0] > INT32_MAX)
		ret = -ATXF_EBADH;
	else if (!(c->rights & ATXF_RIGHT_GRANT) || args->a[2] > ATXF_RIGHTS_ALL ||
		 !rights_cover(c->rights, (uint32_t)args->a[2]))
		ret = -ATXF_EPERM;
	else if (!to || args->a[1] > UINT32_MAX || to->state != PROC_ALIVE)
		ret = -ATXF_ENOENT;
	else {
		copy = *c;
		copy.rights = (uint32_t)args->a[2];
		ret = cap_insert_locked(&to->caps, &copy);
	}
	spin_unlock_raw(&cap_lock);
	spin_unlock_irqrestore(&proc_lock, pflags);
	return ret;
}

/* Whether p still holds an IRQ capability covering this line (an MSI-X
 * capability covers a range of vectors). */
static bool holds_irq_locked(struct process *p, uint64_t source)
{
	for (int h = 0; h < CAP_TABLE_SLOTS; h++) {
		const struct cap *c = &p->caps.slot[h];

		if (c->kind == ATXF_CAP_IRQ && source >= c->base && source - c->base < c->size)
			return true;
	}
	return false;
}

/* p dropped IRQ capability `gone`: the lines it no longer covers go. */
static void irq_dropped_locked(struct process *p, const struct cap *gone)
{
	for (uint64_t i = 0; i < gone->size; i++)
		if (!holds_irq_locked(p, gone->base + i))
			irq_unbind_locked(p, gone->base + i);
}

long sys_cap_drop(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	long ret = 0;

	const struct cap *c = cap_lookup(&p->caps, (atxf_handle_t)args->a[0]);
	struct cap gone;

	if (!c || args->a[0] > INT32_MAX) {
		ret = -ATXF_EBADH;
	} else {
		gone = *c;
		cap_remove_locked(&p->caps, (atxf_handle_t)args->a[0]);
		if (gone.kind == ATXF_CAP_IRQ)
			irq_dropped_locked(p, &gone);
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	return ret;
}
