/*
 * The partition driver (partdrv.h): manifest, probe, main. Probe opens the
 * disk by the name devmgr gave it (the last part of this driver's device
 * path, "00:04.0/vblk0"), reads its table and adds one block device and one
 * device-tree node per partition. A table it refuses leaves no partitions,
 * one log line with the reason, and the disk as it was: the disk's own
 * driver still serves it whole.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/driver/children.h>
#include <atxf/log.h>
#include <atxf/sys.h>
#include "partdrv.h"

#define OPEN_TIMEOUT_NS 5000000000ull

ATXF_DRIVER_MANIFEST(
	.name = "part",
	.device_class = ATXF_CLASS_BUS,
	.match = { ATXF_MATCH_PROP("kind=disk") });

struct partdrv partdrv;
static uint8_t scratch[PART_SCRATCH_BYTES];

static const struct atxf_driver partition_ops = {
	.name = "part",
	ATXF_BLOCK_OPS(partdrv_block_ops),
};

/* "part.00-04.0/vblk0" -> "vblk0" */
static void disk_name_of(const char *instance, char *out, size_t len)
{
	const char *slash = strrchr(instance, '/');

	snprintf(out, len, "%s", slash ? slash + 1 : instance);
}

/* Its node: name=vblk0p1 start=2048 type=linux (lsblk reads them; INFO gives the size). */
static void partition_node(struct atxf_device *dev, const struct part_entry *e, const char *name)
{
	char pname[40], pstart[32], ptype[48], type[40];
	const char *props[] = { pname, pstart, ptype, NULL };
	long node;

	part_type_name(&partdrv.table, e, type, sizeof(type));
	snprintf(pname, sizeof(pname), "name=%s", name);
	snprintf(pstart, sizeof(pstart), "start=%llu", (unsigned long long)e->start);
	snprintf(ptype, sizeof(ptype), "type=%s", type);
	node = atxf_child_add(props, ATXF_HANDLE_NONE);
	if (node < 0)
		atxf_device_log(dev, "%s: no device-tree node: %s", name, atxf_strerror((int)node));
}

static void partition_add(struct atxf_device *dev, struct part_entry *e)
{
	const struct atxf_block_info *d = &partdrv.disk.info;
	uint32_t max = PARTDRV_BUF_BYTES / d->sector_size;
	char name[32];
	struct atxf_device *p;

	snprintf(name, sizeof(name), "%sp%u", partdrv.disk_name, (unsigned)e->number);
	p = atxf_device_add(dev, &partition_ops, ATXF_CLASS_BLOCK, name);
	if (!p)
		return;         /* logged by the framework */
	p->priv = e;
	p->info.block = (struct atxf_block_info){
		.sector_size = d->sector_size,
		.read_only = d->read_only,
		.sectors = e->sectors,
		.max_sectors = d->max_sectors && d->max_sectors < max ? d->max_sectors : max,
	};
	partition_node(dev, e, name);
	atxf_device_log(dev, "%s: sectors %llu+%llu", name, (unsigned long long)e->start,
			(unsigned long long)e->sectors);
}

static int table_read(struct atxf_device *dev)
{
	struct part_disk d = { .sector_size = partdrv.disk.info.sector_size,
			       .sectors = partdrv.disk.info.sectors, .read = partdrv_disk_read,
			       .ctx = &partdrv.disk, .scratch = scratch,
			       .scratch_size = sizeof(scratch) };
	static const char *const scheme[] = { "none", "MBR", "GPT" };
	char why[PART_WHY_MAX];
	int err = part_scan(&d, &partdrv.table, why, sizeof(why));

	if (err) {
		atxf_device_log(dev, "%s: %s%s; no partitions, the disk stays usable whole",
				partdrv.disk_name, err == -ATXF_ENOENT ? "" : "table refused: ", why);
		return err;
	}
	if (partdrv.table.from_backup)
		atxf_device_log(dev, "%s: primary GPT refused: %s; using the backup at LBA %llu",
				partdrv.disk_name, partdrv.table.primary_fault,
				(unsigned long long)(d.sectors - 1));
	atxf_device_log(dev, "%s: %s, %u partitions", partdrv.disk_name,
			scheme[partdrv.table.scheme], partdrv.table.count);
	return 0;
}

static unsigned partitions_add(struct atxf_device *dev)
{
	unsigned i;

	for (i = 0; i < partdrv.table.count; i++) {
		if (i == PARTDRV_SERVED) {
			atxf_device_log(dev, "%s: partitions after the first %u not served (a driver "
					"serves %u devices)", partdrv.disk_name, PARTDRV_SERVED,
					ATXF_DRIVER_MAX_DEVICES);
			break;
		}
		partition_add(dev, &partdrv.table.e[i]);
	}
	return i;
}

static int part_probe(struct atxf_device *dev)
{
	int err;

	disk_name_of(dev->instance, partdrv.disk_name, sizeof(partdrv.disk_name));
	err = atxf_block_client_open(&partdrv.disk, partdrv.disk_name, PARTDRV_BUF_BYTES,
				     OPEN_TIMEOUT_NS);
	if (err) {
		atxf_device_log(dev, "%s: cannot open the disk: %s", partdrv.disk_name,
				atxf_strerror(err));
		return err;
	}
	if (table_read(dev))
		return 0;       /* serving nothing is the right answer to a bad table */
	/* Said last: once this line shows, every partition is named and in the tree. */
	atxf_device_log(dev, "%s: %u partitions served", partdrv.disk_name, partitions_add(dev));
	return 0;
}

static const struct atxf_driver ops = {
	.name = "part",
	.probe = part_probe,
};

int main(void)
{
	return atxf_driver_run(&ops);
}
