/*
 * The shell's disks: lsblk lists each disk devmgr named (a kind=disk node,
 * services/devmgr/disks.c) and the partitions the partition driver added
 * under it (drivers/storage/part), with the sizes their INFO gives;
 * blkcheck DEV reads a device from its first sector to its last, reads
 * the first and last chunks again to see they come back the same, and
 * checks that a read past the end is refused. It never writes.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/errors.h>
#include <atxf/sys.h>
#include "shell_cmds.h"

#define PROP_MAX   (DEVMGR_NAME_MAX + 8)
#define CHECK_SECTORS_MAX (SHELL_BLK_BUF / 512)

static uint8_t check_buf[2][SHELL_BLK_BUF];

/* The value of node's property key into out: 1, or 0 when it has none. */
static int node_prop(struct shell *sh, uint32_t node, const char *key, char *out, size_t size)
{
	char kv[PROP_MAX];
	size_t klen = strlen(key);

	for (uint32_t i = 0; sh->env->property(sh->env->ctx, node, i, kv, sizeof(kv)) == 0; i++)
		if (!strncmp(kv, key, klen) && kv[klen] == '=') {
			snprintf(out, size, "%s", kv + klen + 1);
			return 1;
		}
	return 0;
}

/* 1536 KiB -> "1.5M": one decimal, by integers (the libc prints no floats). */
static void human_size(uint64_t bytes, char *out, size_t size)
{
	static const char units[] = "BKMGTP";
	uint64_t whole = bytes, tenths = 0;
	unsigned u = 0;

	while (whole >= 1024 && u + 1 < sizeof(units) - 1) {
		tenths = (whole % 1024) * 10 / 1024;
		whole /= 1024;
		u++;
	}
	if (u == 0)
		snprintf(out, size, "%lluB", (unsigned long long)whole);
	else
		snprintf(out, size, "%llu.%llu%c", (unsigned long long)whole,
			 (unsigned long long)tenths, units[u]);
}

static void lsblk_row(struct shell *sh, const char *name, const char *driver, const char *start,
		      const char *type)
{
	static const char row[] = "%-10s %-11s %7s %10s %6s %10s %s\n";
	struct atxf_block_info info;
	char human[32], sectors[24], ss[12];
	int err = sh->env->block_info(sh->env->ctx, name, &info);

	if (err) {
		shell_printf(sh, "%-10s %-11s %s\n", name, driver, atxf_strerror(err));
		return;
	}
	human_size(info.sectors * info.sector_size, human, sizeof(human));
	snprintf(sectors, sizeof(sectors), "%llu", (unsigned long long)info.sectors);
	snprintf(ss, sizeof(ss), "%u", info.sector_size);
	shell_printf(sh, row, name, driver, human, sectors, ss, start, type);
}

static void lsblk_partitions(struct shell *sh, uint32_t disk_node)
{
	struct devmgr_device d;
	char name[DEVMGR_NAME_MAX], start[24], type[48];

	for (uint32_t i = 0; sh->env->device(sh->env->ctx, i, &d) == 0; i++) {
		if (d.parent != disk_node || !node_prop(sh, d.node, "name", name, sizeof(name)))
			continue;
		if (!node_prop(sh, d.node, "start", start, sizeof(start)))
			snprintf(start, sizeof(start), "?");
		if (!node_prop(sh, d.node, "type", type, sizeof(type)))
			snprintf(type, sizeof(type), "?");
		lsblk_row(sh, name, "part", start, type);
	}
}

void cmd_lsblk(struct shell *sh, int argc, char **argv)
{
	struct devmgr_device d;
	char disk[DEVMGR_NAME_MAX], driver[DEVMGR_NAME_MAX], kind[16];
	unsigned found = 0;
	int err;

	(void)argv;
	if (argc != 1) {
		shell_printf(sh, "lsblk: usage: lsblk\n");
		return;
	}
	if (!sh->env->property || !sh->env->block_info) {
		shell_printf(sh, "lsblk: no block devices in reach\n");
		return;
	}
	shell_printf(sh, "%-10s %-11s %7s %10s %6s %10s %s\n", "NAME", "DRIVER", "SIZE", "SECTORS",
		     "BSIZE", "START", "TYPE");
	for (uint32_t i = 0; (err = sh->env->device(sh->env->ctx, i, &d)) == 0; i++) {
		if (!node_prop(sh, d.node, "kind", kind, sizeof(kind)) || strcmp(kind, "disk") ||
		    !node_prop(sh, d.node, "disk", disk, sizeof(disk)))
			continue;
		if (!node_prop(sh, d.node, "driver", driver, sizeof(driver)))
			snprintf(driver, sizeof(driver), "?");
		lsblk_row(sh, disk, driver, "0", "disk");
		lsblk_partitions(sh, d.node);
		found++;
	}
	if (err != -ATXF_ENOENT)
		shell_printf(sh, "lsblk: devmgr: %s\n", atxf_strerror(err));
	else if (!found)
		shell_printf(sh, "lsblk: no disks\n");
}

/* Reads [sector, sector + count) twice over the check: the second time into b[1]. */
static int check_range(struct shell *sh, uint64_t sector, uint32_t count, int again)
{
	return sh->env->block_read(sh->env->ctx, sector, count, check_buf[again]);
}

/* First and last chunks read again must give the same bytes: a disk that
 * returns stale or shifted data fails here. */
static int check_reread(struct shell *sh, uint64_t sector, uint32_t count, size_t bytes)
{
	int err = check_range(sh, sector, count, 0);

	if (!err)
		err = check_range(sh, sector, count, 1);
	if (!err && memcmp(check_buf[0], check_buf[1], bytes))
		return 1;
	return err;
}

static void blkcheck_run(struct shell *sh, const char *name, const struct atxf_block_info *info)
{
	uint32_t chunk = SHELL_BLK_BUF / info->sector_size, errors = 0;
	uint64_t s, first_bad = 0;
	int err;

	if (info->max_sectors && chunk > info->max_sectors)
		chunk = info->max_sectors;
	for (s = 0; s < info->sectors; s += chunk) {
		uint32_t n = info->sectors - s < chunk ? (uint32_t)(info->sectors - s) : chunk;

		if (check_range(sh, s, n, 0) && errors++ == 0)
			first_bad = s;
	}
	if (errors) {
		shell_printf(sh, "blkcheck %s: FAIL: %u of the reads failed, the first at sector "
			     "%llu\n", name, errors, (unsigned long long)first_bad);
		return;
	}
	err = check_reread(sh, 0, 1, info->sector_size);
	if (!err)
		err = check_reread(sh, info->sectors - 1, 1, info->sector_size);
	if (err) {
		shell_printf(sh, "blkcheck %s: FAIL: %s\n", name, err > 0 ? "a sector read twice "
			     "came back different" : atxf_strerror(err));
		return;
	}
	err = check_range(sh, info->sectors, 1, 0);
	if (err != -ATXF_ERANGE) {
		shell_printf(sh, "blkcheck %s: FAIL: a read past the last sector gave %s, not "
			     "ERANGE\n", name, err ? atxf_strerror(err) : "data");
		return;
	}
	shell_printf(sh, "blkcheck %s: OK: %llu sectors of %u bytes read, first and last read "
		     "back the same, past the end refused\n", name,
		     (unsigned long long)info->sectors, info->sector_size);
}

void cmd_blkcheck(struct shell *sh, int argc, char **argv)
{
	struct atxf_block_info info;
	int err;

	if (argc != 2) {
		shell_printf(sh, "blkcheck: usage: blkcheck DEV\n");
		return;
	}
	if (!sh->env->block_open) {
		shell_printf(sh, "blkcheck: no block devices in reach\n");
		return;
	}
	err = sh->env->block_open(sh->env->ctx, argv[1], &info);
	if (err) {
		shell_printf(sh, "blkcheck: %s: %s\n", argv[1], atxf_strerror(err));
		return;
	}
	blkcheck_run(sh, argv[1], &info);
	sh->env->block_close(sh->env->ctx);
}
