/*
 * PCI configuration space of segment 0 (offsets: <atxf/pci_regs.h>):
 * through ECAM where the ACPI MCFG offers it (pci/ecam.h: 4 KiB per
 * function), else through ports 0xCF8/0xCFC (pci/cf8.h: 256 bytes). A
 * function is named by its BDF, ATXF_PCI_BDF(bus, dev, fn) (<atxf/cap.h>).
 */
#ifndef PCI_PCICFG_H
#define PCI_PCICFG_H

#include <stdint.h>
#include <atxf/pci_regs.h>

/* Chooses the access method, once, at boot (after paging). */
void pci_cfg_init(void);

/* How many bytes of the function's space are reachable: PCI_CFG_EXT_SIZE
 * through ECAM, PCI_CFG_SIZE through the ports. */
unsigned pci_cfg_size(uint32_t bdf);

/* width 1, 2 or 4; offset aligned to it and below pci_cfg_size() (the
 * caller checks). */
uint32_t pci_cfg_read(uint32_t bdf, unsigned offset, unsigned width);
void pci_cfg_write(uint32_t bdf, unsigned offset, unsigned width, uint32_t value);

/* The offset of capability `id` in the function's list, or 0. */
unsigned pci_find_cap(uint32_t bdf, uint8_t id);

#endif
