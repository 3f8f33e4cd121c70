/*
 * Shared by the FAT library's host tests: an image file held in memory as
 * a fat_disk (with a write budget, to cut the power after N writes), the
 * real tools (mkfs.fat, mtools, fsck.fat) run in a scratch folder, and
 * small helpers to read and write whole files through the library.
 */
#ifndef TEST_FAT_UTIL_H
#define TEST_FAT_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include "fat.h"

struct memdisk {
	struct fat_disk disk;
	uint8_t *data;
	size_t bytes;
	long writes;            /* write calls so far */
	long budget;            /* < 0: unlimited; else writes after this many are lost */
	long flushes;
};

/* A fresh scratch folder for one test (removed by fat_scratch_done). */
const char *fat_scratch(void);
void fat_scratch_done(void);

/* Runs a shell command (MTOOLS_SKIP_CHECK=1 set); returns its exit status. */
int fat_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Its output, up to size - 1 bytes, NUL-terminated; returns the exit status. */
int fat_sh_out(char *out, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* mkfs.fat -F bits on a sparse file of mib MiB, 512-byte sectors, cluster_sectors per cluster. */
void fat_mkimg(const char *path, int bits, unsigned mib, unsigned cluster_sectors);

void memdisk_load(struct memdisk *m, const char *path);
void memdisk_save(const struct memdisk *m, const char *path);
void memdisk_free(struct memdisk *m);

struct fat_volume *fat_mount_ok(struct memdisk *m, int read_only);

/* A whole file through the library: returns bytes, or a negative error. */
long fat_slurp(struct fat_volume *v, const char *path, uint8_t **out);
int fat_put(struct fat_volume *v, const char *path, const void *data, size_t len);

/* A deterministic pattern, different for each seed. */
void fat_pattern(uint8_t *buf, size_t len, unsigned seed);
int fat_write_file(const char *path, const void *data, size_t len);
long fat_read_file(const char *path, uint8_t **out);

/* fsck.fat -n: 0 if it is clean and says nothing beyond its summary. */
int fat_fsck_clean(const char *img, char *out, size_t size);

#endif
