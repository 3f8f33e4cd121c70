/*
 * Configuration mechanism #1 (PCI Local Bus 3.0 §3.2.2.3.2): the address
 * to port 0xCF8, the data at 0xCFC; the first 256 bytes of each function of
 * segment 0. The fallback where there is no ECAM (the `pc` machine). Not
 * locked: pci/pcicfg.c makes the two-step sequence atomic.
 */
#ifndef PCI_CF8_H
#define PCI_CF8_H

#include <stdint.h>

uint32_t cf8_read(uint32_t bdf, unsigned offset, unsigned width);
void cf8_write(uint32_t bdf, unsigned offset, unsigned width, uint32_t value);

#endif
