/*
 * The legacy devices devmgr knows, with the resources they own by their
 * fixed PC/AT addresses (IBM PC/AT Technical Reference; the 8042 decodes
 * data 0x60 and command/status 0x64, COMn eight ports each). A legacy
 * driver may be granted these and nothing else.
 */
#include <string.h>
#include "legacy_table.h"

#define COM(n, port, line) \
	{ .bus = DM_BUS_LEGACY, .name = "COM" #n, .ports = { { port, 8 } }, \
	  .irqs = { line }, .nirqs = 1 }

const struct dm_device dm_legacy_table[] = {
	{ .bus = DM_BUS_LEGACY, .name = "i8042", .ports = { { 0x60, 1 }, { 0x64, 1 } },
	  .irqs = { 1, 12 }, .nirqs = 2 },
	COM(1, 0x3f8, 4),
	COM(2, 0x2f8, 3),
	COM(3, 0x3e8, 4),
	COM(4, 0x2e8, 3),
};

const unsigned dm_legacy_count = sizeof(dm_legacy_table) / sizeof(dm_legacy_table[0]);

const struct dm_device *dm_legacy_find(const char *name)
{
	for (unsigned i = 0; i < dm_legacy_count; i++)
		if (!strcmp(dm_legacy_table[i].name, name))
			return &dm_legacy_table[i];
	return NULL;
}
