/* The device list devmgr builds at start: PCI functions, then legacy devices. */
#ifndef DEVMGR_DEVICES_H
#define DEVMGR_DEVICES_H

#include <atxf/cap.h>
#include "device.h"

#define DM_DEVICES_MAX 64

struct dm_devices {
	struct dm_device dev[DM_DEVICES_MAX];
	unsigned count;
};

/* Appends every function found on PCI bus 0 and behind its bridges (pci.c). */
void dm_pci_scan(atxf_handle_t root, struct dm_devices *list);
/* Appends the legacy table, probing which devices answer (legacy.c). */
void dm_legacy_scan(struct dm_devices *list);
/* One `devmgr: device ...` line (log.c). */
void dm_device_log(const struct dm_device *d);

#endif
