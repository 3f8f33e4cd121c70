/*
 * PCI INTx for devmgr (docs/pci-interrupts.md): which GSI each function's
 * INTx pin reaches, and the grant of that line. A function behind
 * PCI-to-PCI bridges is swizzled up to bus 0 (PCI-to-PCI Bridge
 * Architecture 1.2 §9.1: a device in slot S raising pin P drives the
 * bridge's pin (P + S) mod 4), and bus 0's slot and pin are looked up in
 * the host bridge's _PRT (prt.h). Pure code: tests/unit/test_devmgr_prt.c.
 */
#ifndef DEVMGR_INTX_H
#define DEVMGR_INTX_H

#include <atxf/manifest.h>
#include "devices.h"
#include "match.h"
#include "prt.h"

/* Fills intx_gsi and intx_routed of each PCI function of list with an INTx
 * pin; prt NULL (no routing known): none is routed. */
void dm_intx_route(struct dm_devices *list, const struct dm_prt *prt);

/* The function's INTx line: an IRQ capability on its GSI, or the reason it
 * cannot have one. For ATXF_RES_PCI_INTX, and ATXF_RES_PCI_IRQ without MSI. */
const char *dm_plan_intx(const struct atxf_resource *r, const struct dm_device *d,
			 struct dm_grant *g);

#endif
