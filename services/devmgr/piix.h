/*
 * INTx routing of QEMU's `pc` machine (i440FX host bridge, PIIX3
 * south bridge), read from the chipset because its DSDT computes its _PRT
 * at run time, which devmgr does not do (docs/pci-interrupts.md). Pure
 * code: tests/unit/test_devmgr_prt.c.
 */
#ifndef DEVMGR_PIIX_H
#define DEVMGR_PIIX_H

#include <stddef.h>
#include <stdint.h>
#include "device.h"
#include "prt.h"

#define DM_PIIX_PIRQ_ROUTE 0x60 /* PIRQRC[A:D]: config 0x60-0x63 of the ISA function */

/* The PIIX3 or PIIX4 ISA bridge (function 0 of the south bridge), on bus 0. */
int dm_piix_isa_bridge(const struct dm_device *d);

/*
 * Bus 0's routing from the four PIRQ route registers (bit 7: disabled,
 * bits 3-0: the ISA IRQ) and each ISA IRQ's GSI (dm_madt_isa_gsi). Returns
 * 0, or -1 if no PIRQ is routed.
 */
int dm_piix_table(const uint8_t pirq[4], const uint32_t isa_gsi[16], struct dm_prt *out);

/* isa_gsi[n]: the GSI ISA IRQ n reaches, n unless the MADT (ACPI 6.5
 * §5.2.12.5, Interrupt Source Override) says otherwise. madt may be NULL. */
void dm_madt_isa_gsi(const uint8_t *madt, size_t len, uint32_t isa_gsi[16]);

#endif
