/* The local APIC: interrupt acknowledge and the per-CPU timer. */
#ifndef ARCH_X86_64_LAPIC_H
#define ARCH_X86_64_LAPIC_H

#include <stdint.h>

/* Maps and enables this CPU's local APIC (phys from the MADT or the MSR). */
void lapic_init(uint64_t phys);
void lapic_eoi(void);
uint32_t lapic_id(void);
/* Measures the timer against the clock, then starts it periodic at hz,
 * calling timer_tick() (time/timer.h) on every tick. */
void lapic_timer_start(unsigned hz);

#endif
