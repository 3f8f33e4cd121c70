/*
 * The FAT library reads what the real tools wrote: images made by
 * mkfs.fat (FAT12, FAT16, FAT32) and filled by mtools with long names
 * (spaces, Unicode), lowercase 8.3 names (the case flags), a tree 8
 * levels deep, 1,000 files in one directory (8.3 names: mtools is quadratic
 * in long ones), a fragmented file and a
 * multi-MiB one; every byte is compared with the source file.
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

#define MANY 1000

struct srcfile {
	const char *name;       /* the path on the image */
	size_t size;
	unsigned seed;
};

static const struct srcfile files[] = {
	{ "Grüße an Ω.txt", 3000, 1 },
	{ "name with spaces.dat", 777, 2 },
	{ "hello.txt", 12, 3 },
	{ "UPPER.TXT", 5000, 4 },
	{ "a/b/c/d/e/f/g/h/leaf in depth 8.txt", 1234, 5 },
	{ "empty.bin", 0, 6 },
};

static void put_host(const char *dir, const char *img, const char *path, size_t size, unsigned seed)
{
	char src[600];
	uint8_t *buf = malloc(size + 1);

	fat_pattern(buf, size, seed);
	snprintf(src, sizeof(src), "%s/src.%u", dir, seed);
	assert_int_equal(fat_write_file(src, buf, size), 0);
	assert_int_equal(fat_sh("mcopy -i '%s' '%s' '::%s'", img, src, path), 0);
	free(buf);
}

static void check_file(struct fat_volume *v, const char *path, size_t size, unsigned seed)
{
	uint8_t *got, *want = malloc(size + 1);
	long n = fat_slurp(v, path, &got);

	if (n != (long)size)
		fprintf(stderr, "%s: %ld bytes, want %zu\n", path, n, size);
	assert_int_equal(n, (long)size);
	fat_pattern(want, size, seed);
	assert_memory_equal(got, want, size);
	free(got);
	free(want);
}

/* Small files interleaved, every other deleted, then a big one in the holes. */
static void make_fragmented(const char *dir, const char *img, size_t cluster)
{
	char name[40];
	int i;

	for (i = 0; i < 12; i++) {
		snprintf(name, sizeof(name), "s%02d.bin", i);
		put_host(dir, img, name, cluster * 3, 100 + (unsigned)i);
	}
	for (i = 0; i < 12; i += 2)
		assert_int_equal(fat_sh("mdel -i '%s' ::s%02d.bin", img, i), 0);
	/* FAT32: forget FSInfo's next-free hint, so mtools fills the holes */
	assert_int_equal(fat_sh("[ \"$(dd if='%s' bs=1 skip=82 count=5 2>/dev/null)\" != FAT32 ] || "
				"printf '\\377\\377\\377\\377' | dd of='%s' bs=1 seek=1004 conv=notrunc "
				"2>/dev/null", img, img), 0);
	put_host(dir, img, "fragmented.bin", cluster * 14 + 17, 99);
}

static void make_many(const char *dir, const char *img)
{
	char path[600];
	int i;

	assert_int_equal(fat_sh("mkdir -p '%s/many' && mmd -i '%s' ::many", dir, img), 0);
	for (i = 0; i < MANY; i++) {
		snprintf(path, sizeof(path), "%s/many/f%04d.txt", dir, i);
		fat_write_file(path, path, strlen(path));
	}
	assert_int_equal(fat_sh("mcopy -i '%s' '%s'/many/* ::many/", img, dir), 0);
}

static void fill(const char *dir, const char *img, size_t big)
{
	size_t i;

	assert_int_equal(fat_sh("for d in a a/b a/b/c a/b/c/d a/b/c/d/e a/b/c/d/e/f a/b/c/d/e/f/g "
				"a/b/c/d/e/f/g/h; do mmd -i '%s' ::$d || exit 1; done", img), 0);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		put_host(dir, img, files[i].name, files[i].size, files[i].seed);
	put_host(dir, img, "big file.bin", big, 42);
	make_many(dir, img);
}

static int is_contiguous(struct fat_volume *v, uint32_t c)
{
	uint32_t next;

	for (; c; c = next) {
		assert_int_equal(fat_next(v, c, &next), 0);
		if (next && next != c + 1)
			return 0;
	}
	return 1;
}

static void check_root_listing(struct fat_volume *v)
{
	struct fat_dirent *d = malloc(sizeof(*d));
	struct fat_node *root;
	uint64_t cookie = 0;
	int seen_unicode = 0, seen_lower = 0, seen_upper = 0;

	assert_int_equal(fat_open(v, "/", FAT_OPEN_DIR, &root), 0);
	while (fat_readdir(root, &cookie, d) == 1) {
		if (!strcmp(d->name, "Grüße an Ω.txt"))
			seen_unicode = 1;
		if (!strcmp(d->name, "hello.txt") && !strcmp(d->short_name, "HELLO.TXT"))
			seen_lower = 1;     /* the NT case flag shows it lowercase */
		if (!strcmp(d->name, "UPPER.TXT"))
			seen_upper = 1;
		assert_string_not_equal(d->name, ".");
		assert_string_not_equal(d->name, "..");
	}
	fat_close(root);
	free(d);
	assert_true(seen_unicode && seen_lower && seen_upper);
}

static void check_many(struct fat_volume *v)
{
	struct fat_dirent *d = malloc(sizeof(*d));
	static uint8_t seen[MANY];
	struct fat_node *dir;
	uint64_t cookie = 0;
	int count = 0, i;
	char want[64];

	memset(seen, 0, sizeof(seen));
	assert_int_equal(fat_open(v, "many", FAT_OPEN_DIR, &dir), 0);
	while (fat_readdir(dir, &cookie, d) == 1) {
		assert_int_equal(sscanf(d->name, "f%d.txt", &i), 1);
		assert_true(i >= 0 && i < MANY && !seen[i]);
		seen[i] = 1;
		count++;
	}
	fat_close(dir);
	free(d);
	assert_int_equal(count, MANY);
	snprintf(want, sizeof(want), "MANY/F0777.TXT");   /* any case matches */
	{
		uint8_t *b;
		long n = fat_slurp(v, want, &b);

		assert_true(n > 0 && strstr((char *)b, "f0777.txt"));
		free(b);
	}
}

static void read_type(int bits, unsigned mib, unsigned spc, size_t big)
{
	const char *dir = fat_scratch();
	char img[600];
	struct memdisk m;
	struct fat_volume *v;
	struct fat_statfs sf;
	struct fat_node *n;
	struct fat_stat st;
	size_t i;

	snprintf(img, sizeof(img), "%s/t.img", dir);
	fat_mkimg(img, bits, mib, spc);
	fill(dir, img, big);
	make_fragmented(dir, img, 512u * spc);
	memdisk_load(&m, img);
	assert_non_null(v = fat_mount_ok(&m, 1));
	assert_int_equal(fat_statfs(v, &sf), 0);
	assert_int_equal(sf.type, bits);
	assert_int_equal(sf.cluster_size, 512 * spc);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		check_file(v, files[i].name, files[i].size, files[i].seed);
	check_file(v, "big file.bin", big, 42);
	check_file(v, "fragmented.bin", 512u * spc * 14 + 17, 99);
	check_file(v, "s01.bin", 512u * spc * 3, 101);
	assert_int_equal(fat_open(v, "fragmented.bin", 0, &n), 0);
	assert_int_equal(fat_stat(n, &st), 0);
	assert_false(is_contiguous(v, st.first_cluster));
	fat_close(n);
	assert_int_equal(fat_open(v, "s00.bin", 0, &n), -ATXF_ENOENT);
	assert_int_equal(fat_open(v, "hello.txt", FAT_OPEN_DIR, &n), -ATXF_ENOTDIR);
	assert_int_equal(fat_open(v, "a/../hello.txt", 0, &n), -ATXF_EINVAL);
	assert_int_equal(fat_open(v, "hello.txt/x", 0, &n), -ATXF_ENOTDIR);
	check_root_listing(v);
	check_many(v);
	assert_int_equal(fat_unmount(v), 0);
	memdisk_free(&m);
	fat_scratch_done();
}

static void test_read_fat12(void **state) { (void)state; read_type(12, 4, 2, 1u << 20); }
static void test_read_fat16(void **state) { (void)state; read_type(16, 24, 1, 5u << 20); }
static void test_read_fat32(void **state) { (void)state; read_type(32, 40, 1, 7u << 20); }

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_fat12),
		cmocka_unit_test(test_read_fat16),
		cmocka_unit_test(test_read_fat32),
	};

	return cmocka_run_group_tests_name("fat_read", tests, NULL, NULL);
}
