/*
 * Disk names (disks.h). devmgr names disks, not their drivers: a name like
 * "vblk0" says what a user types at the shell (lsblk, blkcheck) and stays
 * the same while its driver restarts, for the number is kept with the
 * driver's instance. A disk's node is the instance's child, so it goes
 * (with its partition driver and partitions) when that driver ends, and
 * comes back at the next generation's HELLO.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/sys.h>
#include "hotplug.h"
#include "disks.h"

static const struct {
	const char *driver;     /* a manifest name */
	const char *prefix;
} disk_drivers[] = {
	{ "virtio-blk", "vblk" },
	{ "nvme", "nvme" },
	{ "ahci", "ahci" },
	{ "ata", "ata" },
};

const char *dm_disk_prefix(const char *driver)
{
	for (size_t i = 0; i < sizeof(disk_drivers) / sizeof(disk_drivers[0]); i++)
		if (!strcmp(driver, disk_drivers[i].driver))
			return disk_drivers[i].prefix;
	return NULL;
}

static int name_taken(const struct dm_supervisor *s, const struct dm_instance *self,
		      const char *name)
{
	for (unsigned i = 0; i < s->count; i++)
		if (&s->inst[i] != self && s->inst[i].drv && !strcmp(s->inst[i].disk, name))
			return 1;
	return 0;
}

/* The instance's disk name: the one it had, else its prefix and the lowest free number. */
static void disk_name(const struct dm_supervisor *s, struct dm_instance *in, const char *prefix)
{
	if (in->disk[0])
		return;
	for (unsigned n = 0; n < DM_INSTANCES_MAX; n++) {
		snprintf(in->disk, sizeof(in->disk), "%s%u", prefix, n);
		if (!name_taken(s, in, in->disk))
			return;
	}
	in->disk[0] = 0;
}

/* "name=vblk0\0kind=disk\0disk=vblk0\0driver=virtio-blk\0": ADD_CHILD's shape. */
static size_t disk_props(const struct dm_instance *in, char *out, size_t size)
{
	int n = snprintf(out, size, "name=%s%ckind=disk%cdisk=%s%cdriver=%s", in->disk, 0, 0,
			 in->disk, 0, in->drv->manifest.name);

	return n < 0 || (size_t)n >= size ? 0 : (size_t)n + 1;
}

static void disk_node(struct devmgr *dm, struct dm_instance *in)
{
	char props[160];
	size_t len = disk_props(in, props, sizeof(props));
	struct dm_device node, *d;
	const char *why = "its properties are too long";

	if (!len || dm_child_make(in->dev, props, len, &node, &why) < 0) {
		atxf_log("devmgr: disk %s of %s (%s): no node: %s\n", in->disk,
			 in->drv->manifest.name, in->instance, why);
		return;
	}
	node.owner = in;                /* removed when the driver ends (dm_remove_orphans) */
	node.parent_port = ATXF_HANDLE_NONE;
	d = dm_node_named(&dm->devices, node.name) ? NULL : dm_node_add(&dm->devices, &node);
	if (!d) {
		atxf_log("devmgr: disk %s: node %s not added (exists, or the tree is full)\n",
			 in->disk, node.name);
		return;
	}
	dm_node_appeared(dm, d);
}

void dm_disk_publish(struct devmgr *dm, uint32_t pid)
{
	struct dm_instance *in = dm_instance_by_pid(&dm->sup, pid);
	const char *prefix = in && in->dev ? dm_disk_prefix(in->drv->manifest.name) : NULL;
	int err;

	if (!prefix || in->state != DM_RUNNING || in->service < 0 || dm->sup.names < 0)
		return;
	disk_name(&dm->sup, in, prefix);
	if (!in->disk[0])
		return;
	/* A dead registration (the last generation's) is replaced; a live one is someone's. */
	err = atxf_name_register(in->disk, in->service);
	if (err < 0) {
		atxf_log("devmgr: disk %s of %s (%s): name not published: %s\n", in->disk,
			 in->drv->manifest.name, in->instance, atxf_strerror(err));
		return;
	}
	atxf_log("devmgr: disk %s is %s (%s) pid %u\n", in->disk, in->drv->manifest.name,
		 in->instance, (unsigned)pid);
	disk_node(dm, in);
}
