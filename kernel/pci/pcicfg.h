/*
 * PCI configuration space through configuration mechanism #1 (PCI Local Bus
 * 3.0 §3.2.2.3.2: address to 0xCF8, data at 0xCFC), segment 0, the first
 * 256 bytes of each function. A function is named by its BDF,
 * ATXF_PCI_BDF(bus, dev, fn) (<atxf/cap.h>).
 */
#ifndef PCI_PCICFG_H
#define PCI_PCICFG_H

#include <stdint.h>

#define PCI_CFG_SIZE 256
#define PCI_CAP_ID_MSI     0x05
#define PCI_MSI_CAP_SIZE   24   /* the largest layout: 64-bit with masking */

/* width 1, 2 or 4; offset aligned to it and below PCI_CFG_SIZE (the
 * caller checks). */
uint32_t pci_cfg_read(uint32_t bdf, unsigned offset, unsigned width);
void pci_cfg_write(uint32_t bdf, unsigned offset, unsigned width, uint32_t value);

/* The offset of capability `id` in the function's list, or 0. */
unsigned pci_find_cap(uint32_t bdf, uint8_t id);

#endif
