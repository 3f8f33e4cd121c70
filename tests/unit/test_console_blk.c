/*
 * The shell's lsblk and blkcheck (services/console/shell_blk.c) against a
 * scripted device tree (a disk node, its partitions, an unrelated node)
 * and scripted block devices, one of which fails a read, one of which
 * answers a read past its end, and one of which changes under a re-read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include "shell.h"
#include "shell_cmds.h"

#define P "atxf> "

struct node {
	struct devmgr_device d;
	const char *props[6];
};

struct blk {
	const char *name;
	struct atxf_block_info info;
	int64_t bad_sector;                 /* a read covering it fails; -1: none */
	int reads_past_end;                 /* answers a read past its last sector */
	int drifts;                         /* each read of sector 0 gives other bytes */
};

static struct world {
	char out[8192];
	size_t len;
	struct node nodes[8];
	unsigned nnodes;
	struct blk blks[4];
	unsigned nblks;
	struct blk *open;
	unsigned reads, drift;
	uint64_t sectors_read;
} w;

static void w_write(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	assert_true(w.len + n < sizeof(w.out));
	memcpy(w.out + w.len, s, n);
	w.len += n;
	w.out[w.len] = '\0';
}

static int w_device(void *ctx, uint32_t index, struct devmgr_device *out)
{
	(void)ctx;
	if (index >= w.nnodes)
		return -ATXF_ENOENT;
	*out = w.nodes[index].d;
	return 0;
}

static int w_property(void *ctx, uint32_t node, uint32_t i, char *out, size_t size)
{
	(void)ctx;
	for (unsigned k = 0; k < w.nnodes; k++)
		if (w.nodes[k].d.node == node) {
			if (i >= 6 || !w.nodes[k].props[i])
				return -ATXF_ENOENT;
			snprintf(out, size, "%s", w.nodes[k].props[i]);
			return 0;
		}
	return -ATXF_ENOENT;
}

static struct blk *blk_named(const char *name)
{
	for (unsigned i = 0; i < w.nblks; i++)
		if (!strcmp(w.blks[i].name, name))
			return &w.blks[i];
	return NULL;
}

static int w_block_info(void *ctx, const char *name, struct atxf_block_info *out)
{
	struct blk *b = blk_named(name);

	(void)ctx;
	if (!b)
		return -ATXF_ENOENT;
	*out = b->info;
	return 0;
}

static int w_block_open(void *ctx, const char *name, struct atxf_block_info *out)
{
	int err = w_block_info(ctx, name, out);

	if (!err)
		w.open = blk_named(name);
	return err;
}

static int w_block_read(void *ctx, uint64_t sector, uint32_t count, void *dst)
{
	struct blk *b = w.open;

	(void)ctx;
	assert_non_null(b);
	assert_true((size_t)count * b->info.sector_size <= SHELL_BLK_BUF);
	w.reads++;
	if (sector + count > b->info.sectors && !b->reads_past_end)
		return -ATXF_ERANGE;
	if (b->bad_sector >= 0 && (uint64_t)b->bad_sector >= sector &&
	    (uint64_t)b->bad_sector < sector + count)
		return -ATXF_EIO;
	memset(dst, (int)(sector & 0xff), (size_t)count * b->info.sector_size);
	if (b->drifts && sector == 0)
		((uint8_t *)dst)[0] = (uint8_t)w.drift++;
	w.sectors_read += count;
	return 0;
}

static void w_block_close(void *ctx)
{
	(void)ctx;
	w.open = NULL;
}

static const struct shell_env env = {
	.write = w_write, .device = w_device, .property = w_property,
	.block_info = w_block_info, .block_open = w_block_open, .block_read = w_block_read,
	.block_close = w_block_close,
};

static void add_node(uint32_t id, uint32_t parent, const char *p0, const char *p1,
		     const char *p2, const char *p3)
{
	struct node *n = &w.nodes[w.nnodes++];

	*n = (struct node){ .d = { .bus = 3, .node = id, .parent = parent },
			    .props = { p0, p1, p2, p3 } };
}

static void add_blk(const char *name, uint64_t sectors)
{
	w.blks[w.nblks++] = (struct blk){ .name = name, .bad_sector = -1,
					  .info = { .sector_size = 512, .sectors = sectors } };
}

/* vblk0 (8 MiB, virtio-blk) with p1 (efi) and p2 (linux); a PCI node that is no disk. */
static int setup(void **state)
{
	(void)state;
	memset(&w, 0, sizeof(w));
	w.nodes[w.nnodes++] = (struct node){ .d = { .bus = 2, .node = 1 },
					     .props = { "bus=pci", "name=00:04.0" } };
	add_node(7, 1, "name=vblk0", "kind=disk", "disk=vblk0", "driver=virtio-blk");
	add_node(8, 7, "name=vblk0p1", "start=2048", "type=efi", NULL);
	add_node(9, 7, "name=vblk0p2", "start=6144", "type=linux", NULL);
	add_blk("vblk0", 16384);
	add_blk("vblk0p1", 4096);
	add_blk("vblk0p2", 8192);
	return 0;
}

static const char *run(const char *line)
{
	static struct shell sh;
	char buf[128];

	shell_init(&sh, &env);
	w.len = 0;
	w.out[0] = '\0';
	snprintf(buf, sizeof(buf), "%s", line);
	shell_run(&sh, buf);
	return w.out;
}

static void lsblk_lists_disks_then_their_partitions(void **state)
{
	(void)state;
	assert_string_equal(run("lsblk"),
		"NAME       DRIVER         SIZE    SECTORS  BSIZE      START TYPE\n"
		"vblk0      virtio-blk     8.0M      16384    512          0 disk\n"
		"vblk0p1    part           2.0M       4096    512       2048 efi\n"
		"vblk0p2    part           4.0M       8192    512       6144 linux\n" P);
}

static void lsblk_says_when_a_device_does_not_answer(void **state)
{
	(void)state;
	w.nblks = 2;                        /* vblk0p2's name is gone */
	assert_string_equal(run("lsblk"),
		"NAME       DRIVER         SIZE    SECTORS  BSIZE      START TYPE\n"
		"vblk0      virtio-blk     8.0M      16384    512          0 disk\n"
		"vblk0p1    part           2.0M       4096    512       2048 efi\n"
		"vblk0p2    part        no such name, process or object\n" P);
}

static void lsblk_without_disks(void **state)
{
	(void)state;
	w.nnodes = 1;
	assert_string_equal(run("lsblk"),
		"NAME       DRIVER         SIZE    SECTORS  BSIZE      START TYPE\n"
		"lsblk: no disks\n" P);
	assert_string_equal(run("lsblk vblk0"), "lsblk: usage: lsblk\n" P);
}

static void blkcheck_reads_every_sector_once_and_never_writes(void **state)
{
	(void)state;
	assert_string_equal(run("blkcheck vblk0p2"),
		"blkcheck vblk0p2: OK: 8192 sectors of 512 bytes read, first and last read back "
		"the same, past the end refused\n" P);
	/* 8192 sectors in 64-sector chunks, then 2 + 2 re-reads; the read past the end failed. */
	assert_int_equal(w.sectors_read, 8192 + 4);
	assert_int_equal(w.reads, 8192 / 64 + 4 + 1);
	assert_null(w.open);
}

static void blkcheck_reports_a_failing_read(void **state)
{
	(void)state;
	w.blks[2].bad_sector = 5000;
	assert_string_equal(run("blkcheck vblk0p2"),
		"blkcheck vblk0p2: FAIL: 1 of the reads failed, the first at sector 4992\n" P);
}

static void blkcheck_catches_a_device_reading_past_its_end(void **state)
{
	(void)state;
	w.blks[1].reads_past_end = 1;
	assert_string_equal(run("blkcheck vblk0p1"),
		"blkcheck vblk0p1: FAIL: a read past the last sector gave data, not ERANGE\n" P);
}

static void blkcheck_catches_data_that_changes(void **state)
{
	(void)state;
	w.blks[0].drifts = 1;
	assert_string_equal(run("blkcheck vblk0"),
		"blkcheck vblk0: FAIL: a sector read twice came back different\n" P);
}

static void blkcheck_of_no_device(void **state)
{
	(void)state;
	assert_string_equal(run("blkcheck vblk9"),
		"blkcheck: vblk9: no such name, process or object\n" P);
	assert_string_equal(run("blkcheck"), "blkcheck: usage: blkcheck DEV\n" P);
}

#define CASE(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		CASE(lsblk_lists_disks_then_their_partitions),
		CASE(lsblk_says_when_a_device_does_not_answer),
		CASE(lsblk_without_disks),
		CASE(blkcheck_reads_every_sector_once_and_never_writes),
		CASE(blkcheck_reports_a_failing_read),
		CASE(blkcheck_catches_a_device_reading_past_its_end),
		CASE(blkcheck_catches_data_that_changes),
		CASE(blkcheck_of_no_device),
	};

	return cmocka_run_group_tests_name("console lsblk and blkcheck", tests, NULL, NULL);
}
