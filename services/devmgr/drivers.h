/* The drivers in the boot archive: every NAME.atxf member carrying a manifest. */
#ifndef DEVMGR_DRIVERS_H
#define DEVMGR_DRIVERS_H

#include <stdint.h>
#include <atxf/manifest.h>
#include <atxf/ustar.h>

#define DM_DRIVERS_MAX 32

struct dm_driver {
	char member[ATXF_USTAR_NAME_MAX + 1];   /* "uart16550.atxf" */
	const uint8_t *image;                   /* in the boot archive, read-only */
	uint64_t image_size;
	struct atxf_manifest manifest;          /* decoded and checked */
};

struct dm_drivers {
	struct dm_driver drv[DM_DRIVERS_MAX];
	unsigned count;
};

/*
 * Fills list from the archive at [data, data + size): each valid ATXF
 * member with a valid manifest. A member whose manifest is malformed is
 * logged with the decoder's reason and left out. Returns the count.
 */
unsigned dm_drivers_load(const void *data, uint64_t size, struct dm_drivers *list);

#endif
