/*
 * Interrupt vector assignment. 0..31 are the CPU's exceptions (SDM vol. 3
 * table 6-1). The local APIC orders by vector >> 4 (priority class), so the
 * timer and IPIs sit at the top.
 */
#ifndef ARCH_X86_64_VECTORS_H
#define ARCH_X86_64_VECTORS_H

#define VEC_NMI          2
#define VEC_EXCEPTIONS   32
#define VEC_PIC_BASE     0x20   /* 0x20..0x2f: the 8259s, remapped and masked */
#define VEC_GSI_BASE     0x30   /* 0x30..: IOAPIC inputs (GSI n -> 0x30 + n) */
#define VEC_GSI_MAX      0xbf
#define VEC_MSI_BASE     0xc0   /* 0xc0..0xdf: MSI of PCI functions (irq/irq.c) */
#define VEC_MSI_COUNT    32
#define VEC_IOMMU_FAULT  0xee   /* VT-d fault events (iommu/fault.c) */
#define VEC_TIMER        0xf0   /* local APIC timer */
#define VEC_SPURIOUS     0xff   /* local APIC spurious (SDM §10.9: low nibble 0xf) */

#endif
