/*
 * devmgr's device tree: a table of nodes (device.h). PCI functions and
 * legacy devices are its roots; drivers add children under their own node
 * (hotplug.c). Every node comes in through dm_node_add(), at boot and at
 * any time after, and a slot freed by a removal is used again; a node's id
 * never is. The table operations here are pure (tree.c), so the host tests
 * drive them.
 */
#ifndef DEVMGR_DEVICES_H
#define DEVMGR_DEVICES_H

#include <stddef.h>
#include <atxf/cap.h>
#include "device.h"

#define DM_DEVICES_MAX 64

struct dm_devices {
	struct dm_device dev[DM_DEVICES_MAX];
	unsigned count;         /* slots ever used; free ones among them have bus NONE */
	uint32_t next_id;       /* the id the next node gets (from 1) */
};

/* Appends every function found on PCI bus 0 and behind its bridges (pci.c). */
void dm_pci_scan(atxf_handle_t root, struct dm_devices *list);
/* Appends the legacy table, probing which devices answer (legacy.c). */
void dm_legacy_scan(struct dm_devices *list);
/* One `devmgr: device ...` line (log.c). */
void dm_device_log(const struct dm_device *d);

/* Puts a copy of node in a free slot with a new id: the slot, or NULL when full. */
struct dm_device *dm_node_add(struct dm_devices *list, const struct dm_device *node);
/* Frees d's slot. */
void dm_node_free(struct dm_devices *list, struct dm_device *d);
struct dm_device *dm_node_find(struct dm_devices *list, uint32_t id);
struct dm_device *dm_node_named(struct dm_devices *list, const char *name);
/* Nodes in use; the one at index i of them (DEVICE's index), or NULL. */
unsigned dm_node_count(const struct dm_devices *list);
struct dm_device *dm_node_at(struct dm_devices *list, unsigned i);
unsigned dm_node_index(const struct dm_devices *list, const struct dm_device *d);
/*
 * The ids of node id's subtree, children before their parent and id
 * itself last, into out (at most max); returns how many.
 */
unsigned dm_subtree(struct dm_devices *list, uint32_t id, uint32_t *out, unsigned max);
/*
 * A child of parent from ADD_CHILD's properties (props[0..len): "k=v\0"
 * strings): its name property makes its path, PARENT/NAME. 0 and *out
 * filled, or -1 with *why saying what is wrong; nothing is added here.
 */
int dm_child_make(const struct dm_device *parent, const char *props, size_t len,
		  struct dm_device *out, const char **why);

#endif
