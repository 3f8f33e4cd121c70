/*
 * A node's properties, as manifests match them (docs/devmgr.md, "The
 * device tree"): "key=value" strings. A PCI function's and a legacy
 * device's are read from what enumeration found (bus, name, path, vendor,
 * product, class, subclass, protocol); a child's are the ones its parent
 * driver gave, then bus=child and path unless it gave those itself. Pure
 * code: tests/unit/test_devmgr_tree.c.
 */
#ifndef DEVMGR_PROPS_H
#define DEVMGR_PROPS_H

#include <stddef.h>
#include "device.h"

#define DM_PROPS_ALL (DM_PROPS + 8)     /* a child's own, and the derived ones */

/* Fills out with d's properties; returns how many. */
unsigned dm_props_list(const struct dm_device *d, char out[][DM_PROP_MAX], unsigned max);
/* 1 if d has the property kv ("key=value"), else 0. */
int dm_prop_has(const struct dm_device *d, const char *kv);
/* The value of d's property key into out; 1 if it has one, else 0. */
int dm_prop_get(const struct dm_device *d, const char *key, char *out, size_t size);

#endif
