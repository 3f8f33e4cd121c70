/* Reading the INTx routing from the firmware at start (intx_setup.c). */
#ifndef DEVMGR_INTX_SETUP_H
#define DEVMGR_INTX_SETUP_H

#include <atxf/cap.h>
#include "devices.h"

/* Routes every PCI function's INTx pin of list, or logs why none can be;
 * root is devmgr's ROOT, for reading the chipset's registers. */
void dm_intx_setup(struct dm_devices *list, atxf_handle_t root);

#endif
