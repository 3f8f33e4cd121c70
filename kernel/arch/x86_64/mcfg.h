/*
 * The ACPI MCFG table (PCI Firmware 3.0 §4.1.2): where each PCI segment's
 * memory-mapped configuration space (ECAM) lives. q35 has one; the `pc`
 * machine has none, and config space goes through ports 0xCF8/0xCFC.
 */
#ifndef ARCH_X86_64_MCFG_H
#define ARCH_X86_64_MCFG_H

#include <stdbool.h>
#include <stdint.h>

struct ecam_window {
	uint64_t base;          /* physical address of bus `bus_first`, function 0 */
	uint8_t bus_first, bus_last;
};

/* Segment 0's window from the MCFG; false when there is none. */
bool mcfg_segment0(struct ecam_window *out);

#endif
