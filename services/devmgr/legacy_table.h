/* The legacy (ISA) devices of a PC, with their fixed ports and IRQs. */
#ifndef DEVMGR_LEGACY_TABLE_H
#define DEVMGR_LEGACY_TABLE_H

#include "device.h"

extern const struct dm_device dm_legacy_table[];
extern const unsigned dm_legacy_count;

/* The table entry named name, or NULL. */
const struct dm_device *dm_legacy_find(const char *name);

#endif
