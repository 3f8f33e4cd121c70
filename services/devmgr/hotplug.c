/*
 * Hot-plug (hotplug.h). A driver may add nodes under its own node and
 * remove the nodes it added, nothing else: devmgr knows the caller by the
 * pid the kernel stamps on every message, so no driver can speak for
 * another or graft a node onto hardware it was not given.
 */
#include <string.h>
#include <atxf/log.h>
#include <atxf/sys.h>
#include "hotplug.h"

void dm_node_announce(struct devmgr *dm, const struct dm_device *d)
{
	struct devmgr_event ev = { .kind = DEVMGR_EV_DEVICE_ADDED };

	dm_device_log(d);
	ev.device = (uint16_t)dm_node_index(&dm->devices, d);
	ev.node = d->id;
	memcpy(ev.instance, d->name, sizeof(ev.instance));
	dm_event_post(&dm->sup.events, &ev);
}

void dm_try_start(struct devmgr *dm, const struct dm_driver *drv, const struct dm_device *d)
{
	char why[DM_WHY_MAX];
	struct dm_plan plan;

	if (!d->present || !dm_match(&drv->manifest, d))
		return;
	if (dm_plan(&drv->manifest, d, &plan, why, sizeof(why)) < 0) {
		atxf_log("devmgr: refused %s (%s) on %s: %s: the device does not own it\n",
			 drv->manifest.name, drv->member, d->name, why);
		return;
	}
	dm_instance_add(&dm->sup, drv, d, &plan);
}

void dm_node_appeared(struct devmgr *dm, const struct dm_device *d)
{
	dm_node_announce(dm, d);
	for (unsigned i = 0; i < dm->drivers.count; i++)
		dm_try_start(dm, &dm->drivers.drv[i], d);
}

/* One node whose children are gone already: its drivers, then the node. */
static void remove_one(struct devmgr *dm, struct dm_device *d)
{
	struct devmgr_event ev = { .kind = DEVMGR_EV_DEVICE_REMOVED };

	for (unsigned i = 0; i < dm->sup.count; i++)
		if (dm->sup.inst[i].drv && dm->sup.inst[i].dev == d)
			dm_instance_remove(&dm->sup, &dm->sup.inst[i]);
	atxf_log("devmgr: device %s node %u removed\n", d->name, (unsigned)d->id);
	ev.device = (uint16_t)dm_node_index(&dm->devices, d);
	ev.node = d->id;
	memcpy(ev.instance, d->name, sizeof(ev.instance));
	dm_event_post(&dm->sup.events, &ev);
	if (d->parent_port >= 0)
		atxf_cap_drop(d->parent_port);
	dm_node_free(&dm->devices, d);
}

void dm_node_remove(struct devmgr *dm, uint32_t id)
{
	uint32_t ids[DM_DEVICES_MAX];
	unsigned n = dm_subtree(&dm->devices, id, ids, DM_DEVICES_MAX);

	/* Marked first: while its drivers stop, nothing matches or grows it. */
	for (unsigned i = 0; i < n; i++)
		dm_node_find(&dm->devices, ids[i])->removing = 1;
	for (unsigned i = 0; i < n; i++)
		remove_one(dm, dm_node_find(&dm->devices, ids[i]));
}

void dm_remove_orphans(struct devmgr *dm)
{
	for (unsigned i = 0; i < dm->devices.count; i++) {
		struct dm_device *d = &dm->devices.dev[i];

		if (d->bus != DM_BUS_CHILD || d->removing || !d->owner ||
		    (d->owner->drv && d->owner->pid))
			continue;
		atxf_log("devmgr: device %s: the driver that added it ended; removing it\n",
			 d->name);
		dm_node_remove(dm, d->id);
	}
}

/* The caller's instance, if it is a running driver of ours on a node. */
static struct dm_instance *caller(struct devmgr *dm, const struct atxf_msg *req,
				  const char *what)
{
	struct dm_instance *in = dm_instance_by_pid(&dm->sup, req->sender);

	if (!in || !in->dev)
		atxf_log("devmgr: %s from pid %u refused: not a driver devmgr started on a "
			 "device\n", what, (unsigned)req->sender);
	return in && in->dev ? in : NULL;
}

/* The port offered for the children: a PORT capability, or none at all. */
static int offered_port(const struct atxf_msg *req, atxf_handle_t *port)
{
	struct atxf_cap_info ci;

	*port = ATXF_HANDLE_NONE;
	if (!req->ncaps)
		return 0;
	if (req->ncaps > 1 || atxf_cap_query(req->caps[0], &ci) < 0 || ci.kind != ATXF_CAP_PORT)
		return -ATXF_EINVAL;
	*port = req->caps[0];
	return 0;
}

/* The node a new child of in's goes under: in's own, or refused. */
static int check_parent(struct dm_instance *in, uint32_t parent)
{
	const struct dm_device *own = in->dev;

	if (parent == DEVMGR_NODE_SELF || parent == own->id)
		return own->removing ? -ATXF_ENODEV : 0;
	atxf_log("devmgr: %s (%s) asked for a child under node %u, which is not its own "
		 "node %u (%s): refused\n", in->drv->manifest.name, in->instance,
		 (unsigned)parent, (unsigned)own->id, own->name);
	return -ATXF_EPERM;
}

static struct dm_device *place_child(struct devmgr *dm, struct dm_instance *in,
				     const struct atxf_msg *req, atxf_handle_t port, int *err)
{
	struct dm_device node, *d;
	const char *why;

	if (dm_child_make(in->dev, (const char *)req->data + 4, req->len - 4, &node, &why) < 0) {
		atxf_log("devmgr: %s (%s): child refused: %s\n", in->drv->manifest.name,
			 in->instance, why);
		*err = -ATXF_EINVAL;
		return NULL;
	}
	if (dm_node_named(&dm->devices, node.name)) {
		atxf_log("devmgr: %s (%s): child refused: %s exists already\n",
			 in->drv->manifest.name, in->instance, node.name);
		*err = -ATXF_EEXIST;
		return NULL;
	}
	node.owner = in;
	node.parent_port = port;
	d = dm_node_add(&dm->devices, &node);
	if (!d) {
		atxf_log("devmgr: %s (%s): child %s refused: %d nodes already\n",
			 in->drv->manifest.name, in->instance, node.name, DM_DEVICES_MAX);
		*err = -ATXF_ENOSPC;
	}
	return d;
}

struct dm_device *dm_add_child(struct devmgr *dm, const struct atxf_msg *req, int *err)
{
	struct dm_instance *in = caller(dm, req, "ADD_CHILD");
	atxf_handle_t port;
	uint32_t parent;

	*err = -ATXF_EPERM;
	if (!in)
		return NULL;
	*err = req->len < sizeof(parent) ? -ATXF_EINVAL : offered_port(req, &port);
	if (*err < 0)
		return NULL;
	memcpy(&parent, req->data, sizeof(parent));
	*err = check_parent(in, parent);
	if (*err < 0)
		return NULL;
	return place_child(dm, in, req, port, err);
}

int dm_remove_child(struct devmgr *dm, const struct atxf_msg *req)
{
	struct dm_instance *in = caller(dm, req, "REMOVE_CHILD");
	struct dm_device *d;
	uint32_t id;

	if (!in)
		return -ATXF_EPERM;
	if (req->len != sizeof(id))
		return -ATXF_EINVAL;
	memcpy(&id, req->data, sizeof(id));
	d = dm_node_find(&dm->devices, id);
	if (!d || d->removing)
		return -ATXF_ENOENT;
	if (d->owner != in) {
		atxf_log("devmgr: %s (%s) asked to remove node %u (%s), which it did not add: "
			 "refused\n", in->drv->manifest.name, in->instance, (unsigned)id, d->name);
		return -ATXF_EPERM;
	}
	dm_node_remove(dm, id);
	return 0;
}
