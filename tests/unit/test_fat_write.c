/*
 * The FAT library writes what the real tools accept: create, append,
 * overwrite, truncate, mkdir, rename across directories, delete, rmdir
 * and a 20 MiB file, then fsck.fat -n must be silent and mcopy must give
 * back every byte. A read-only mount refuses every change with EROFS and
 * leaves the image unchanged.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include "fat_impl.h"
#include "test_fat_util.h"

static void host_equal(const char *dir, const char *img, const char *path, const uint8_t *want,
		       size_t len)
{
	char out[600];
	uint8_t *got;

	snprintf(out, sizeof(out), "%s/out.bin", dir);
	assert_int_equal(fat_sh("mcopy -n -i '%s' '::%s' '%s'", img, path, out), 0);
	assert_int_equal(fat_read_file(out, &got), (long)len);
	assert_memory_equal(got, want, len);
	free(got);
}

static void write_type(int bits, unsigned mib, size_t big)
{
	const char *dir = fat_scratch();
	char img[600], log[4096];
	uint8_t *a = malloc(big), *b = malloc(5000);
	struct memdisk m;
	struct fat_volume *v;
	struct fat_node *n;

	snprintf(img, sizeof(img), "%s/w.img", dir);
	fat_mkimg(img, bits, mib, 1);
	memdisk_load(&m, img);
	assert_non_null(v = fat_mount_ok(&m, 0));
	fat_pattern(a, big, 7);
	fat_pattern(b, 5000, 8);
	assert_int_equal(fat_mkdir(v, "dir one"), 0);
	assert_int_equal(fat_mkdir(v, "dir one/sub"), 0);
	assert_int_equal(fat_mkdir(v, "Ωmega"), 0);
	assert_int_equal(fat_mkdir(v, "dir one"), -ATXF_EEXIST);
	assert_int_equal(fat_put(v, "dir one/big file.bin", a, big), 0);
	/* create, append, overwrite in the middle, truncate */
	assert_int_equal(fat_open(v, "Grüße an Ω.txt", FAT_OPEN_CREATE | FAT_OPEN_EXCL, &n), 0);
	assert_int_equal(fat_write(n, 0, b, 3000), 3000);
	assert_int_equal(fat_write(n, 3000, b + 3000, 2000), 2000);
	assert_int_equal(fat_write(n, 100, "XYZ", 3), 3);
	memcpy(b + 100, "XYZ", 3);
	assert_int_equal(fat_truncate(n, 4500), 0);
	fat_close(n);
	assert_int_equal(fat_put(v, "hello.txt", "hello\n", 6), 0);
	assert_int_equal(fat_put(v, "gone.txt", b, 2000), 0);
	assert_int_equal(fat_unlink(v, "gone.txt"), 0);
	assert_int_equal(fat_put(v, "dir one/sub/moved.txt", b, 1000), 0);
	assert_int_equal(fat_rename(v, "dir one/sub/moved.txt", "Ωmega/moved here.txt"), 0);
	assert_int_equal(fat_rename(v, "dir one", "dir one/sub/x"), -ATXF_EINVAL);
	assert_int_equal(fat_rmdir(v, "dir one"), -ATXF_ENOTEMPTY);
	assert_int_equal(fat_rmdir(v, "dir one/sub"), 0);
	assert_int_equal(fat_unlink(v, "dir one"), -ATXF_EISDIR);
	assert_int_equal(fat_unmount(v), 0);
	memdisk_save(&m, img);
	memdisk_free(&m);
	if (fat_fsck_clean(img, log, sizeof(log)))
		fprintf(stderr, "fsck.fat:\n%s", log);
	assert_int_equal(fat_fsck_clean(img, log, sizeof(log)), 0);
	host_equal(dir, img, "dir one/big file.bin", a, big);
	host_equal(dir, img, "Grüße an Ω.txt", b, 4500);
	host_equal(dir, img, "hello.txt", (const uint8_t *)"hello\n", 6);
	host_equal(dir, img, "Ωmega/moved here.txt", b, 1000);
	assert_int_not_equal(fat_sh("mdir -i '%s' ::gone.txt >/dev/null 2>&1", img), 0);
	assert_int_not_equal(fat_sh("mdir -i '%s' '::dir one/sub' >/dev/null 2>&1", img), 0);
	free(a);
	free(b);
	fat_scratch_done();
}

static void test_write_fat12(void **state) { (void)state; write_type(12, 2, 600000); }
static void test_write_fat16(void **state) { (void)state; write_type(16, 24, 3u << 20); }
static void test_write_fat32(void **state) { (void)state; write_type(32, 40, 20u << 20); }

static void test_read_only(void **state)
{
	const char *dir = fat_scratch();
	char img[600];
	struct memdisk m;
	struct fat_volume *v;
	struct fat_node *n;
	uint8_t *before;

	(void)state;
	snprintf(img, sizeof(img), "%s/r.img", dir);
	fat_mkimg(img, 16, 24, 1);
	assert_int_equal(fat_sh("echo hi | mcopy -i '%s' - ::f.txt && mmd -i '%s' ::d", img, img), 0);
	memdisk_load(&m, img);
	before = malloc(m.bytes);
	memcpy(before, m.data, m.bytes);
	assert_non_null(v = fat_mount_ok(&m, 1));
	assert_int_equal(fat_open(v, "new", FAT_OPEN_CREATE, &n), -ATXF_EROFS);
	assert_int_equal(fat_mkdir(v, "x"), -ATXF_EROFS);
	assert_int_equal(fat_rmdir(v, "d"), -ATXF_EROFS);
	assert_int_equal(fat_unlink(v, "f.txt"), -ATXF_EROFS);
	assert_int_equal(fat_rename(v, "f.txt", "g.txt"), -ATXF_EROFS);
	assert_int_equal(fat_open(v, "f.txt", 0, &n), 0);
	assert_int_equal(fat_write(n, 0, "x", 1), -ATXF_EROFS);
	assert_int_equal(fat_truncate(n, 0), -ATXF_EROFS);
	fat_close(n);
	assert_int_equal(fat_unmount(v), 0);
	assert_int_equal(m.writes, 0);
	assert_memory_equal(m.data, before, m.bytes);
	free(before);
	memdisk_free(&m);
	fat_scratch_done();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_fat12),
		cmocka_unit_test(test_write_fat16),
		cmocka_unit_test(test_write_fat32),
		cmocka_unit_test(test_read_only),
	};

	return cmocka_run_group_tests_name("fat_write", tests, NULL, NULL);
}
