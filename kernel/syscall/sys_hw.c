/*
 * Device memory and configuration: SYS_MMIO_MAP, SYS_DMA_ALLOC,
 * SYS_DMA_FREE, SYS_MAP_FRAMEBUFFER, SYS_PCI_CONFIG_READ/WRITE
 * (docs/syscalls.md). Each checks the capability the call names.
 */
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "arch/x86_64/paging.h"
#include "arch/x86_64/usermode.h"
#include "core/bootinfo.h"
#include "mm/aspace.h"
#include "mm/dma.h"
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

/* Maps physical [pa, pa + len) page-rounded into the caller, uncached or
 * (caching VM_WRITE_COMBINING) write-combining; the address of pa itself,
 * or -ATXF_ENOMEM. */
static long map_device(uint64_t pa, uint64_t len, bool writable, unsigned caching)
{
	struct process *p = process_current();
	uint64_t first = pa & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t npages = (pa + len - first + PAGE_SIZE - 1) / PAGE_SIZE;
	uint64_t va = umap_reserve(&p->maps, npages);
	unsigned prot = caching | (writable ? VM_WRITE : 0);

	if (!va || aspace_map_phys(p->as, va, first, npages, prot))
		return -ATXF_ENOMEM;
	return (long)(va + (pa - first));
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
	return map_device(c.base + off, len, c.rights & ATXF_RIGHT_WRITE,
			  flags & ATXF_MMIO_WRITE_COMBINING ? VM_WRITE_COMBINING : VM_UNCACHED);
}

long sys_dma_alloc(const struct syscall_args *args)
{
	struct process *p = process_current();
	struct atxf_dma out = { 0 };
	struct dma_buf *b;
	int err;

	if (!args->a[0] || args->a[1] || args->a[0] > (1ul << 30))
		return -ATXF_EINVAL;
	if (!user_range_ok(args->a[2], sizeof(out)))
		return -ATXF_EFAULT;
	b = dma_alloc(p, args->a[0], &err);
	if (!b)
		return err;
	struct cap c = { .kind = ATXF_CAP_DMA, .rights = ATXF_RIGHT_READ | ATXF_RIGHT_WRITE,
			 .base = b->paddr, .size = b->npages * PAGE_SIZE, .obj = b };
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	out.handle = cap_insert_locked(&p->caps, &c);
	if (out.handle < 0) {
		b->refs = 1;
		dma_put_locked(b);              /* frees it */
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	if (out.handle < 0)
		return out.handle;
	out.vaddr = b->vaddr;
	out.paddr = b->paddr;
	out.size = c.size;
	return copy_to_user(args->a[2], &out, sizeof(out)) ? -ATXF_EFAULT : 0;
}

long sys_dma_free(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *c = cap_lookup(&p->caps, (atxf_handle_t)args->a[0]);
	long err = 0;

	if (!c || args->a[0] > INT32_MAX || c->kind != ATXF_CAP_DMA || !c->obj)
		err = -ATXF_EBADH;
	else
		cap_remove_locked(&p->caps, (atxf_handle_t)args->a[0]);
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
			  c.rights & ATXF_RIGHT_WRITE, VM_WRITE_COMBINING);
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
	return off + width > PCI_CFG_SIZE ? -ATXF_ERANGE : 0;
}

long sys_pci_config_read(const struct syscall_args *args)
{
	struct cap c;
	int err = pci_check(args, ATXF_RIGHT_READ, &c);

	return err ? err : (long)pci_cfg_read((uint32_t)c.base, (unsigned)args->a[1],
					      (unsigned)args->a[2]);
}

/* The MSI capability is the kernel's (irq/msi.c programs it for IRQ
 * capabilities): a driver writing it could aim the device's interrupts at
 * any vector. */
static bool touches_msi(uint32_t bdf, uint64_t off, uint64_t width)
{
	unsigned msi = pci_find_cap(bdf, PCI_CAP_ID_MSI);

	return msi && off < msi + PCI_MSI_CAP_SIZE && off + width > msi;
}

long sys_pci_config_write(const struct syscall_args *args)
{
	struct cap c;
	int err = pci_check(args, ATXF_RIGHT_WRITE, &c);

	if (!err && touches_msi((uint32_t)c.base, args->a[1], args->a[2]))
		err = -ATXF_EPERM;

	if (!err)
		pci_cfg_write((uint32_t)c.base, (unsigned)args->a[1], (unsigned)args->a[2],
			      (uint32_t)args->a[3]);
	return err;
}
