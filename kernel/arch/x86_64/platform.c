/*
 * Interrupt controller bring-up, in the order the hardware wants it: learn
 * the layout from the MADT, silence the legacy 8259s, then enable this CPU's
 * local APIC and mask every IOAPIC input. Interrupts stay off until the
 * scheduler and timer are ready (core/main.c).
 */
#include "arch/x86_64/acpi.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/ioapic.h"
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/pic.h"
#include "arch/x86_64/platform.h"
#include "lib/log.h"

#define APIC_BASE_ADDR_MASK 0x000ffffffffff000ul
#define DEFAULT_IOAPIC_PHYS 0xfec00000u

static struct madt_info madt;

/* Without ACPI, assume the PC defaults: one IOAPIC at 0xfec00000, GSI 0. */
static void assume_defaults(void)
{
	klog("acpi: no MADT found; assuming the default PC interrupt layout");
	madt.lapic_phys = rdmsr(MSR_APIC_BASE) & APIC_BASE_ADDR_MASK;
	madt.has_8259 = true;
	madt.ncpus = 1;
	madt.nioapics = 1;
	madt.ioapics[0] = (struct ioapic_info){ .id = 0, .phys = DEFAULT_IOAPIC_PHYS };
}

void platform_interrupts_init(void)
{
	if (acpi_read_madt(&madt))
		klog("acpi: MADT: %d CPU(s), %d IOAPIC(s), legacy PICs %s", madt.ncpus,
		     madt.nioapics, madt.has_8259 ? "present" : "absent");
	else
		assume_defaults();
	if (madt.has_8259)
		pic_disable();
	lapic_init(madt.lapic_phys);
	ioapic_init(&madt);
}
