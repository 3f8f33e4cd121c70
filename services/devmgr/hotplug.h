/*
 * Hot-plug (docs/devmgr.md, "Children and hot-plug"): nodes appear and go
 * while devmgr runs. A node that appears is announced (log line,
 * DEVICE_ADDED) and matched against every driver at once; one that goes
 * takes its subtree with it, children first, each node's drivers stopped
 * before the node is announced gone (DEVICE_REMOVED).
 */
#ifndef DEVMGR_HOTPLUG_H
#define DEVMGR_HOTPLUG_H

#include "devmgr.h"

/* Logs d and posts DEVICE_ADDED: every node, at boot or later. */
void dm_node_announce(struct devmgr *dm, const struct dm_device *d);
/* Starts drv on d if its manifest matches and d owns what it asks for. */
void dm_try_start(struct devmgr *dm, const struct dm_driver *drv, const struct dm_device *d);
/* A node added after boot: announced, and matched against every driver. */
void dm_node_appeared(struct devmgr *dm, const struct dm_device *d);
/* Removes node id and its subtree (children first), stopping their drivers. */
void dm_node_remove(struct devmgr *dm, uint32_t id);
/* Removes the children of drivers that ended: their port for them is dead. */
void dm_remove_orphans(struct devmgr *dm);

/* ADD_CHILD from req's sender: the new node (announce and match it once
 * the caller has its reply), or NULL with *err. Keeps caps[0] on success. */
struct dm_device *dm_add_child(struct devmgr *dm, const struct atxf_msg *req, int *err);
/* REMOVE_CHILD from req's sender: 0 or -ATXF_E*. */
int dm_remove_child(struct devmgr *dm, const struct atxf_msg *req);

#endif
