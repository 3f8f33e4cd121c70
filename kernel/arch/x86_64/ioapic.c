/*
 * I/O APIC (Intel 82093AA datasheet §3): two registers, an index (IOREGSEL at
 * +0x00) and a window (IOWIN at +0x10), in front of the version register and
 * one 64-bit redirection entry per input pin. Every pin starts masked; a
 * driver's IRQ is routed when it is claimed. QEMU: the ioapic of pc and q35.
 */
#include <atxf/errors.h>
#include "arch/x86_64/ioapic.h"
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/vectors.h"
#include "lib/log.h"
#include "mm/kva.h"
#include "mm/vm.h"

#define IOREGSEL      0x00
#define IOWIN         0x10
#define IOAPIC_VER    0x01
#define IOAPIC_REDTBL 0x10      /* entry n: registers 0x10 + 2n (low), +1 (high) */

#define RTE_MASKED     (1u << 16)
#define RTE_LEVEL      (1u << 15)
#define RTE_ACTIVE_LOW (1u << 13)

struct ioapic {
	volatile uint32_t *regs;
	uint32_t gsi_base;
	unsigned pins;
};

static struct ioapic ioapics[MAX_IOAPICS];
static int nioapics;
static struct irq_override isa_map[16];

static uint32_t rd(struct ioapic *io, uint32_t reg)
{
	io->regs[IOREGSEL / 4] = reg;
	return io->regs[IOWIN / 4];
}

static void wr(struct ioapic *io, uint32_t reg, uint32_t v)
{
	io->regs[IOREGSEL / 4] = reg;
	io->regs[IOWIN / 4] = v;
}

static struct ioapic *ioapic_for(uint32_t gsi)
{
	for (int i = 0; i < nioapics; i++)
		if (gsi >= ioapics[i].gsi_base && gsi < ioapics[i].gsi_base + ioapics[i].pins)
			return &ioapics[i];
	return NULL;
}

static void add_ioapic(const struct ioapic_info *info)
{
	struct ioapic *io = &ioapics[nioapics];

	io->regs = kva_map_phys(info->phys, 0x20, VM_WRITE | VM_UNCACHED);
	if (!io->regs)
		return;
	io->gsi_base = info->gsi_base;
	io->pins = ((rd(io, IOAPIC_VER) >> 16) & 0xff) + 1;
	for (unsigned pin = 0; pin < io->pins; pin++)
		wr(io, IOAPIC_REDTBL + 2 * pin, RTE_MASKED);
	nioapics++;
	klog("ioapic: id %u at 0x%x, GSIs %u-%u, all masked", info->id, info->phys,
	     io->gsi_base, io->gsi_base + io->pins - 1);
}

void ioapic_init(const struct madt_info *madt)
{
	for (int i = 0; i < madt->nioapics; i++)
		add_ioapic(&madt->ioapics[i]);
	for (unsigned irq = 0; irq < 16; irq++)
		isa_map[irq] = madt->isa[irq].present ? madt->isa[irq] :
			(struct irq_override){ .present = true, .gsi = irq };
}

void ioapic_mask(uint32_t gsi, bool masked)
{
	struct ioapic *io = ioapic_for(gsi);
	uint32_t reg = IOAPIC_REDTBL + 2 * (gsi - (io ? io->gsi_base : 0));

	if (!io)
		return;
	uint32_t low = rd(io, reg);
	wr(io, reg, masked ? low | RTE_MASKED : low & ~RTE_MASKED);
}

int ioapic_route_isa(unsigned irq)
{
	const struct irq_override *o = irq < 16 ? &isa_map[irq] : NULL;
	struct ioapic *io = o ? ioapic_for(o->gsi) : NULL;

	if (!io || VEC_GSI_BASE + o->gsi > VEC_GSI_MAX)
		return -ATXF_ENODEV;
	uint32_t reg = IOAPIC_REDTBL + 2 * (o->gsi - io->gsi_base);
	uint32_t vector = VEC_GSI_BASE + o->gsi;

	/* Fixed delivery, physical destination: the boot CPU's APIC id. */
	wr(io, reg + 1, lapic_id() << 24);
	wr(io, reg, vector | (o->level ? RTE_LEVEL : 0) | (o->active_low ? RTE_ACTIVE_LOW : 0));
	return vector;
}

/* Trigger mode and polarity of a GSI: what the MADT says of the ISA IRQ
 * routed there; else ISA-style edge/high below 16 and PCI-style level/low
 * above (PCI 3.0 §2.2.6: INTx# is level-sensitive, active low). */
static struct irq_override gsi_mode(uint32_t gsi)
{
	for (unsigned irq = 0; irq < 16; irq++)
		if (isa_map[irq].present && isa_map[irq].gsi == gsi)
			return isa_map[irq];
	return (struct irq_override){ .present = true, .gsi = gsi, .level = gsi >= 16,
				      .active_low = gsi >= 16 };
}

int ioapic_route_gsi(uint32_t gsi, bool *level)
{
	struct ioapic *io = ioapic_for(gsi);
	struct irq_override o = gsi_mode(gsi);

	if (!io || VEC_GSI_BASE + gsi > VEC_GSI_MAX)
		return -ATXF_ENODEV;
	uint32_t reg = IOAPIC_REDTBL + 2 * (gsi - io->gsi_base);
	uint32_t vector = VEC_GSI_BASE + gsi;

	wr(io, reg + 1, lapic_id() << 24);
	wr(io, reg, RTE_MASKED | vector | (o.level ? RTE_LEVEL : 0) |
		    (o.active_low ? RTE_ACTIVE_LOW : 0));
	*level = o.level;
	return (int)vector;
}
