/*
 * Device memory and configuration: SYS_MMIO_MAP, SYS_MMIO_HOLE,
 * SYS_MAP_FRAMEBUFFER, SYS_PCI_CONFIG_READ/WRITE (docs/syscalls.md; DMA is
 * in sys_dma.c). Each checks the capability the call names.
 */
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "arch/x86_64/paging.h"
#include "arch/x86_64/usermode.h"
#include "core/bootinfo.h"
#include "lib/bootscreen.h"
#include "lib/log.h"
#include "mm/aspace.h"
#include "mm/vm.h"
#include "pci/pcicfg.h"
#include "proc/process.h"
#include "syscall/syscall.h"

/* A copy of the caller's capability h of `kind`: 0, -ATXF_EBADH. */
static int get_cap(atxf_handle_t h, uint32_t kind, struct cap *out)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *c = cap_lookup(&p->caps, h);
	int err = c && c->kind == kind ? 0 : -ATXF_EBADH;

	if (!err)
		*out = *c;
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

/* Whether physical page pa lies in one of c's holes (c NULL: none). */
static bool in_hole(const struct cap *c, uint64_t pa)
{
	for (int i = 0; c && i < CAP_HOLES; i++)
		if (pa >= c->hole[i].base && pa - c->hole[i].base < c->hole[i].size)
			return true;
	return false;
}

/* How many pages from pa on are mapped together: until a hole or n. */
static uint64_t run_of(const struct cap *c, uint64_t pa, uint64_t n)
{
	uint64_t run = 0;

	while (run < n && !in_hole(c, pa + run * PAGE_SIZE))
		run++;
	return run;
}

/* Maps physical [pa, pa + len) page-rounded into the caller, uncached or
 * (caching VM_WRITE_COMBINING) write-combining, leaving the pages of c's
 * holes unmapped (a touch faults); the address of pa itself, or
 * -ATXF_ENOMEM. */
static long map_device(uint64_t pa, uint64_t len, bool writable, unsigned caching,
		       const struct cap *c)
{
	struct process *p = process_current();
	uint64_t first = pa & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t npages = (pa + len - first + PAGE_SIZE - 1) / PAGE_SIZE;
	uint64_t va = umap_reserve(&p->maps, npages);
	unsigned prot = caching | (writable ? VM_WRITE : 0);

	if (!va)
		return -ATXF_ENOMEM;
	if (writable)
		bootscreen_mapped(p, pa, len);
	for (uint64_t i = 0, run; i < npages; i += run ? run : 1) {
		run = run_of(c, first + i * PAGE_SIZE, npages - i);
		if (run && aspace_map_phys(p->as, va + i * PAGE_SIZE, first + i * PAGE_SIZE, run,
					   prot)) {
			aspace_unmap(p->as, va, i);
			return -ATXF_ENOMEM;
		}
	}
	return (long)(va + (pa - first));
}

/* Whether every page of [pa, pa + len) is in a hole: nothing to map. */
static bool all_hole(const struct cap *c, uint64_t pa, uint64_t len)
{
	uint64_t first = pa & ~(uint64_t)(PAGE_SIZE - 1);

	for (uint64_t at = first; at < pa + len; at += PAGE_SIZE)
		if (!in_hole(c, at))
			return false;
	return true;
}

long sys_mmio_map(const struct syscall_args *args)
{
	uint64_t off = args->a[1], len = args->a[2], flags = args->a[3];
	struct cap c;
	int err = get_cap((atxf_handle_t)args->a[0], ATXF_CAP_MMIO, &c);

	if (err || args->a[0] > INT32_MAX)
		return -ATXF_EBADH;
	if (!(c.rights & ATXF_RIGHT_READ))
		return -ATXF_EPERM;
	if (!len || (flags & ~(uint64_t)ATXF_MMIO_WRITE_COMBINING))
		return -ATXF_EINVAL;
	if (off > c.size || len > c.size - off)
		return -ATXF_ERANGE;
	if (all_hole(&c, c.base + off, len)) {
		klog("mmio: %s pid %u may not map 0x%lx+0x%lx: the kernel's (an MSI-X table or "
		     "PBA)", process_current()->name, process_current()->pid, c.base + off, len);
		return -ATXF_EPERM;
	}
	return map_device(c.base + off, len, c.rights & ATXF_RIGHT_WRITE,
			  flags & ATXF_MMIO_WRITE_COMBINING ? VM_WRITE_COMBINING : VM_UNCACHED, &c);
}

/* Puts [base, base + size) in a free hole slot of c (or one it extends). */
static int add_hole(struct cap *c, uint64_t base, uint64_t size)
{
	for (int i = 0; i < CAP_HOLES; i++) {
		struct cap_hole *h = &c->hole[i];

		if (h->size && base >= h->base && base + size <= h->base + h->size)
			return 0;               /* already a hole */
	}
	for (int i = 0; i < CAP_HOLES; i++) {
		if (!c->hole[i].size) {
			c->hole[i] = (struct cap_hole){ base, size };
			return 0;
		}
	}
	return -ATXF_ENOSPC;
}

/* Taking pages away from one's own capability needs no right: it only
 * narrows what the handle can do. */
long sys_mmio_hole(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t off = args->a[1], len = args->a[2], flags, base, end;
	struct cap *c;
	long err;

	flags = spin_lock_irqsave(&cap_lock);
	c = args->a[0] <= INT32_MAX ? cap_lookup(&p->caps, (atxf_handle_t)args->a[0]) : NULL;
	if (!c || c->kind != ATXF_CAP_MMIO)
		err = -ATXF_EBADH;
	else if (!len || off > c->size || len > c->size - off)
		err = -ATXF_ERANGE;
	else {
		base = (c->base + off) & ~(uint64_t)(PAGE_SIZE - 1);
		end = (c->base + off + len + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
		err = add_hole(c, base, end - base);
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

/* The first FRAMEBUFFER capability the caller holds, if any. */
static int find_fb_cap(struct process *p, struct cap *out)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	int err = -ATXF_EPERM;

	for (int h = 0; h < CAP_TABLE_SLOTS && err; h++) {
		if (p->caps.slot[h].kind == ATXF_CAP_FRAMEBUFFER) {
			*out = p->caps.slot[h];
			err = 0;
		}
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

long sys_map_framebuffer(const struct syscall_args *args)
{
	struct process *p = process_current();
	const struct boot_fb *fb = &boot_info.fb;
	struct atxf_fb_info info;
	struct cap c;
	int err = find_fb_cap(p, &c);

	if (err)
		return err;
	if (!fb->paddr)
		return -ATXF_ENODEV;
	info = (struct atxf_fb_info){ fb->paddr, fb->width, fb->height, fb->pitch, fb->bpp };
	if (copy_to_user(args->a[0], &info, sizeof(info)))
		return -ATXF_EFAULT;
	return map_device(fb->paddr, (uint64_t)fb->pitch * fb->height,
			  c.rights & ATXF_RIGHT_WRITE, VM_WRITE_COMBINING, NULL);
}

/* Checks a config access: 0 or the error. */
static int pci_check(const struct syscall_args *args, uint32_t right, struct cap *c)
{
	uint64_t off = args->a[1], width = args->a[2];

	if (args->a[0] > INT32_MAX || get_cap((atxf_handle_t)args->a[0], ATXF_CAP_PCI, c))
		return -ATXF_EBADH;
	if (!(c->rights & right))
		return -ATXF_EPERM;
	if ((width != 1 && width != 2 && width != 4) || off % width)
		return -ATXF_EINVAL;
	return off + width > pci_cfg_size((uint32_t)c->base) ? -ATXF_ERANGE : 0;
}

long sys_pci_config_read(const struct syscall_args *args)
{
	struct cap c;
	int err = pci_check(args, ATXF_RIGHT_READ, &c);

	return err ? err : (long)pci_cfg_read((uint32_t)c.base, (unsigned)args->a[1],
					      (unsigned)args->a[2]);
}

/* Whether [off, off + width) overlaps the function's capability id. */
static bool touches_cap(uint32_t bdf, uint64_t off, uint64_t width, uint8_t id, unsigned size)
{
	unsigned at = pci_find_cap(bdf, id);

	return at && off < at + size && off + width > at;
}

/*
 * The MSI and MSI-X capabilities are the kernel's (irq/msi.c, irq/msix.c
 * program them for IRQ capabilities): a driver writing them could aim the
 * device's interrupts at any vector. So are the BARs of a function with
 * MSI-X, to all but ROOT (devmgr sizes them): moving the table's BAR would
 * move the table out from under the kernel's mapping and devmgr's holes.
 */
static const char *kernel_owned(uint32_t bdf, uint64_t off, uint64_t width)
{
	struct process *p = process_current();
	bool bars = off < PCI_BAR0 + 4 * PCI_BARS && off + width > PCI_BAR0;

	if (touches_cap(bdf, off, width, PCI_CAP_ID_MSI, PCI_MSI_CAP_SIZE))
		return "the MSI capability";
	if (touches_cap(bdf, off, width, PCI_CAP_ID_MSIX, PCI_MSIX_CAP_SIZE))
		return "the MSI-X capability";
	if (bars && !cap_holds(&p->caps, ATXF_CAP_ROOT) && pci_find_cap(bdf, PCI_CAP_ID_MSIX))
		return "a BAR of a function with MSI-X";
	return NULL;
}

long sys_pci_config_write(const struct syscall_args *args)
{
	struct cap c;
	int err = pci_check(args, ATXF_RIGHT_WRITE, &c);
	const char *whose = err ? NULL : kernel_owned((uint32_t)c.base, args->a[1], args->a[2]);

	if (whose) {
		klog("pci: %s pid %u may not write config 0x%lx of %02lx:%02lx.%lx: %s is the "
		     "kernel's", process_current()->name, process_current()->pid, args->a[1],
		     c.base >> 8, (c.base >> 3) & 0x1f, c.base & 7, whose);
		err = -ATXF_EPERM;
	}

	if (!err)
		pci_cfg_write((uint32_t)c.base, (unsigned)args->a[1], (unsigned)args->a[2],
			      (uint32_t)args->a[3]);
	return err;
}
