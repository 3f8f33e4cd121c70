/*
 * SYS_ACPI_TABLE (docs/syscalls.md): a copy of one firmware ACPI table, for
 * devmgr, which reads the DSDT's PCI interrupt routing (_PRT) in user
 * space: AML is firmware input, and a parser that trips over it should
 * take down one restartable process, not the kernel. QEMU: SeaBIOS's
 * tables of -machine q35 and pc.
 */
#include <atxf/errors.h>
#include "arch/x86_64/acpi.h"
#include "arch/x86_64/usermode.h"
#include "lib/string.h"
#include "proc/process.h"
#include "sched/spinlock.h"
#include "syscall/syscall.h"

#define CACHED 8

/* Tables found before: every acpi_find_table() maps the tables it looks
 * at anew, so repeating it for each call would use up kernel windows. */
static struct { uint32_t sig; const struct acpi_sdt_header *h; } cache[CACHED];
static unsigned ncached;
static struct spinlock cache_lock;

static const struct acpi_sdt_header *cached(uint32_t sig32)
{
	const struct acpi_sdt_header *h = NULL;
	uint64_t flags = spin_lock_irqsave(&cache_lock);

	for (unsigned i = 0; i < ncached && !h; i++)
		if (cache[i].sig == sig32)
			h = cache[i].h;
	spin_unlock_irqrestore(&cache_lock, flags);
	return h;
}

/* Two callers racing may both look the table up: harmless, one is kept. */
static const struct acpi_sdt_header *find(uint32_t sig32)
{
	const struct acpi_sdt_header *h = cached(sig32);
	char sig[4];
	uint64_t flags;

	if (h)
		return h;
	memcpy(sig, &sig32, 4);
	h = acpi_find_table(sig);
	flags = spin_lock_irqsave(&cache_lock);
	if (h && ncached < CACHED)
		cache[ncached++] = (typeof(cache[0])){ sig32, h };
	spin_unlock_irqrestore(&cache_lock, flags);
	return h;
}

/* a[0]: the signature's 4 bytes, little-endian ("DSDT" is 0x54445344). */
long sys_acpi_table(const struct syscall_args *args)
{
	struct process *p = process_current();
	const struct acpi_sdt_header *h;
	size_t n;

	/* Tables describe all the hardware: only ROOT may read them. */
	if (!cap_holds(&p->caps, ATXF_CAP_ROOT))
		return -ATXF_EPERM;
	if (args->a[0] > 0xffffffffu)
		return -ATXF_EINVAL;
	h = find((uint32_t)args->a[0]);
	if (!h)
		return -ATXF_ENOENT;
	n = args->a[2] < h->length ? (size_t)args->a[2] : h->length;
	if (n && copy_to_user(args->a[1], h, n))
		return -ATXF_EFAULT;
	return h->length;
}
