/*
 * Enhanced configuration access (PCIe Base 4.0 §7.2.2): each function's
 * 4 KiB of config space at base + (bus << 20 | dev << 15 | fn << 12), the
 * window the ACPI MCFG names (arch/x86_64/mcfg.h). q35 has it.
 */
#ifndef PCI_ECAM_H
#define PCI_ECAM_H

#include <stdbool.h>
#include <stdint.h>

/* Maps segment 0's window if the MCFG names one; false if not. */
bool ecam_init(void);
/* The function's config space, or NULL if ECAM does not reach its bus. */
volatile uint8_t *ecam_function(uint32_t bdf);

#endif
