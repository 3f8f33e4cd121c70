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
#define VEC_GSI_BASE     0x30   /* 0x30..0x4f: IOAPIC inputs (GSI n -> 0x30 + n);
				 * q35's and pc's IOAPIC have 24 */
#define VEC_GSI_MAX      0x4f
/* 0x50..0xef: MSI and MSI-X vectors of PCI functions (irq/vector.c), 160:
 * 20 devices with a queue per vector and 8 queues each. */
#define VEC_MSI_BASE     0x50
#define VEC_MSI_COUNT    160
#define VEC_TIMER        0xf0   /* local APIC timer */
#define VEC_IOMMU_FAULT  0xf1   /* VT-d fault events (iommu/fault.c) */
#define VEC_SPURIOUS     0xff   /* local APIC spurious (SDM §10.9: low nibble 0xf) */

#endif
