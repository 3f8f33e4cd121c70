/*
 * Mounting and unmounting: the boot sector checked (bpb.c) before anything
 * is kept or written; a read-write mount clears FAT[1]'s clean bit on the
 * disk at once, and fat_unmount sets it again after everything is synced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fat_impl.h"

static int disk_ok(const struct fat_disk *d, char *why, size_t why_size)
{
	uint32_t s = d ? d->sector_size : 0;

	if (!d || !d->read || (!d->write && !d->read_only)) {
		snprintf(why, why_size, "disk: no read or write function");
		return -ATXF_EINVAL;
	}
	if (s < 512 || s > 4096 || (s & (s - 1))) {
		snprintf(why, why_size, "disk: sector size %u is not a power of two in 512..4096", s);
		return -ATXF_EINVAL;
	}
	if (d->sectors < 1) {
		snprintf(why, why_size, "disk: empty");
		return -ATXF_EIO;
	}
	return 0;
}

static int read_boot(struct fat_volume *v, char *why, size_t why_size)
{
	uint8_t *bs = malloc(v->disk.sector_size);
	int rc;

	if (!bs)
		return -ATXF_ENOMEM;
	rc = fat_disk_read(v, 0, 1, bs);
	if (rc)
		snprintf(why, why_size, "disk: the boot sector cannot be read");
	else
		rc = fat_bpb_parse(v, bs, why, why_size);
	free(bs);
	return rc;
}

static int mark_mounted(struct fat_volume *v, char *why, size_t why_size)
{
	uint32_t clean = 1;
	uint32_t val;
	int rc;

	if (v->read_only) {
		rc = fat_get(v, 1, &val);
		if (!rc && v->type != FAT_TYPE_12)
			clean = !!(val & (v->type == FAT_TYPE_16 ? 0x8000 : 0x08000000));
	} else if (!(rc = fat_dirty_bit(v, 0, &clean)) && !(rc = fat_cache_sync(v))) {
		/* FSInfo's count is a hint; a writer needs the true one, for fsck */
		rc = fat_count_free(v);
		v->fsinfo_dirty = 1;
	}
	if (rc)
		snprintf(why, why_size, "FAT: reading or marking FAT[1] failed (%d)", rc);
	v->was_dirty = !clean;
	return rc;
}

static void volume_free(struct fat_volume *v)
{
	while (v->nodes) {
		struct fat_node *n = v->nodes;

		v->nodes = n->next;
		free(n);
	}
	fat_cache_free(&v->cache);
	free(v->pending);
	free(v);
}

int fat_mount(const struct fat_disk *disk, const struct fat_mount_options *opts,
	      struct fat_volume **out, char *why, size_t why_size)
{
	struct fat_volume *v;
	char dummy[4];
	int rc;

	*out = NULL;
	if (!why || !why_size) {
		why = dummy;
		why_size = sizeof(dummy);
	}
	why[0] = 0;
	if ((rc = disk_ok(disk, why, why_size)))
		return rc;
	if (!(v = calloc(1, sizeof(*v))))
		return -ATXF_ENOMEM;
	v->disk = *disk;
	if (opts)
		v->opts = *opts;
	v->read_only = v->opts.read_only || disk->read_only;
	rc = fat_cache_init(&v->cache, disk->sector_size,
			    v->opts.cache_bytes ? v->opts.cache_bytes : 256 * 1024);
	if (!rc)
		rc = read_boot(v, why, why_size);
	if (!rc && (rc = fat_fsinfo_load(v)))
		snprintf(why, why_size, "FSInfo: sector %u cannot be read", v->fsinfo_sector);
	if (!rc)
		rc = mark_mounted(v, why, why_size);
	if (rc) {
		volume_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

int fat_sync(struct fat_volume *v)
{
	if (v->read_only)
		return 0;
	return fat_cache_sync(v);
}

int fat_unmount(struct fat_volume *v)
{
	int rc = 0;

	if (!v)
		return -ATXF_EINVAL;
	if (!v->read_only) {
		rc = fat_cache_sync(v);
		if (!rc)
			rc = fat_dirty_bit(v, 1, NULL);
		if (!rc)
			rc = fat_cache_sync(v);
	}
	volume_free(v);
	return rc;
}

int fat_statfs(struct fat_volume *v, struct fat_statfs *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if (!v->free_known && (rc = fat_count_free(v)))
		return rc;
	out->type = v->type;
	out->cluster_size = v->cluster_size;
	out->clusters = v->clusters;
	out->free_clusters = v->free_count + fat_pending_clusters(v);
	out->dirty = v->was_dirty;
	memcpy(out->label, v->label, sizeof(out->label));
	return 0;
}
