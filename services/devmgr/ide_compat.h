/*
 * The legacy resources of a PCI IDE function whose channels run in
 * compatibility mode (PCI IDE Controller Specification 1.0 §2.1): such a
 * channel decodes the fixed ISA addresses of the PC/AT disk controller and
 * interrupts on its ISA line, not through BARs 0-3 or INTx. Pure code:
 * tests/unit/test_devmgr_match.c.
 */
#ifndef DEVMGR_IDE_COMPAT_H
#define DEVMGR_IDE_COMPAT_H

#include "device.h"

#define DM_PCI_CLASS_STORAGE 0x01
#define DM_PCI_SUBCLASS_IDE  0x01

/*
 * Gives a PCI IDE function (class 01:01) the command block (8 ports),
 * control block (1 port: alternate status / device control) and ISA IRQ
 * of each channel whose prog-if says compatibility mode (bit 0 primary,
 * bit 2 secondary, clear): primary 0x1f0 + 0x3f6, IRQ 14; secondary
 * 0x170 + 0x376, IRQ 15. Any other function is left as it is.
 */
void dm_ide_compat(struct dm_device *d);

#endif
