/* Reading the INTx routing from the firmware at start (intx_acpi.c). */
#ifndef DEVMGR_INTX_ACPI_H
#define DEVMGR_INTX_ACPI_H

#include "devices.h"

/* Routes every PCI function's INTx pin of list, or logs why none can be. */
void dm_intx_setup(struct dm_devices *list);

#endif
