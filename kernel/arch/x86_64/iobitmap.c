/*
 * The TSS I/O permission bitmap (arch/x86_64/iobitmap.h; SDM vol. 3
 * §20.5.2: an in/out in ring 3 with IOPL 0 is allowed only if every bit
 * for the ports it touches is 0). Only the bytes a process opened are
 * closed again on the way out (io_lo .. io_hi), so switching between
 * processes without ports costs nothing. Exercised by the ioport scenarios.
 *
 * The table is read without cap_lock: on one CPU, with interrupts off,
 * nothing can change it meanwhile.
 */
#include "arch/x86_64/iobitmap.h"
#include "cap/captable.h"
#include "arch/x86_64/cpu.h"
#include "lib/string.h"
#include "proc/process.h"
#include "sched/cpu.h"

#define RW (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)

static struct arch_cpu *this_arch(void)
{
	return &((struct cpu *)arch_this_cpu())->arch;
}

static void close_all(struct arch_cpu *ac)
{
	if (ac->io_hi > ac->io_lo)
		memset(ac->tss.io_bitmap + ac->io_lo, 0xff, ac->io_hi - ac->io_lo);
	ac->io_lo = ac->io_hi = 0;
	ac->io_owner = NULL;
}

/* Clears the bits of ports [first, first + n). */
static void open_ports(struct arch_cpu *ac, uint64_t first, uint64_t n)
{
	uint64_t end = first + n > 65536 ? 65536 : first + n;

	if (first >= end)
		return;
	if (ac->io_hi == ac->io_lo || first / 8 < ac->io_lo)
		ac->io_lo = (uint16_t)(first / 8);
	if ((end + 7) / 8 > ac->io_hi)
		ac->io_hi = (uint16_t)((end + 7) / 8);
	for (uint64_t port = first; port < end; port++)
		ac->tss.io_bitmap[port / 8] &= (uint8_t)~(1u << (port % 8));
}

void iobitmap_load(struct cap_table *t)
{
	struct arch_cpu *ac = this_arch();

	if (t && ac->io_owner == t && !t->io_dirty)
		return;
	if (ac->io_owner || ac->io_hi)
		close_all(ac);
	if (!t)
		return;
	t->io_dirty = false;
	for (int h = 0; h < CAP_TABLE_SLOTS; h++) {
		const struct cap *c = &t->slot[h];

		if (c->kind == ATXF_CAP_IOPORT && (c->rights & RW) == RW)
			open_ports(ac, c->base, c->size);
	}
	ac->io_owner = t;
}

void iobitmap_refresh_current(void)
{
	struct process *p = process_current();
	uint64_t irq;

	if (!p || !p->caps.io_dirty)
		return;
	irq = irq_save();
	iobitmap_load(&p->caps);
	irq_restore(irq);
}
