/*
 * Interrupt routing self-test: ISA IRQ 0 (the PIT) through the IOAPIC, with
 * the MADT's override applied (QEMU wires IRQ 0 to GSI 2), to a vector and a
 * handler. PIT mode 0 raises its output once, so exactly one interrupt must
 * arrive.
 */
#include "arch/x86_64/ioapic.h"
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/pit.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/vectors.h"
#include "lib/log.h"
#include "sched/sched.h"
#include "test/ktest.h"
#include "time/clock.h"

static volatile unsigned irq_count;

static void irq0_handler(struct trap_frame *f)
{
	(void)f;
	irq_count++;
	lapic_eoi();
}

int ktest_irq(void)
{
	int vector = ioapic_route_isa(0);

	KTEST_CHECK(vector > 0, "IRQ 0 cannot be routed (%d)", vector);
	trap_set_handler(vector, irq0_handler);
	pit_irq0_oneshot(PIT_HZ / 1000);                /* 1 ms */
	sched_sleep_ns(20 * NS_PER_MS);
	ioapic_mask(vector - VEC_GSI_BASE, true);
	trap_set_handler(vector, NULL);
	klog("ktest irq: ISA IRQ 0 -> GSI %d -> vector 0x%x: %u interrupt(s)",
	     vector - VEC_GSI_BASE, vector, irq_count);
	KTEST_CHECK(irq_count == 1, "want exactly one interrupt");
	return 0;
}
