/* Bringing up the PC interrupt hardware: ACPI MADT, 8259s, LAPIC, IOAPICs. */
#ifndef ARCH_X86_64_PLATFORM_H
#define ARCH_X86_64_PLATFORM_H

void platform_interrupts_init(void);

#endif
