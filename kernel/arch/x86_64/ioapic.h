/* The I/O APICs: device interrupt lines (GSIs) to local APIC vectors. */
#ifndef ARCH_X86_64_IOAPIC_H
#define ARCH_X86_64_IOAPIC_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86_64/acpi.h"

/* Maps every IOAPIC the MADT lists and masks all their inputs. */
void ioapic_init(const struct madt_info *madt);
/* Routes ISA IRQ irq (MADT overrides applied) to vector VEC_GSI_BASE + gsi
 * on the boot CPU and unmasks it. Returns the vector, or -ATXF_ENODEV. */
int ioapic_route_isa(unsigned irq);
/* Routes a GSI to vector VEC_GSI_BASE + gsi on the boot CPU, masked, with
 * the trigger mode the MADT gives (*level). The vector or -ATXF_ENODEV. */
int ioapic_route_gsi(uint32_t gsi, bool *level);
/* Masks or unmasks a GSI. */
void ioapic_mask(uint32_t gsi, bool masked);

#endif
