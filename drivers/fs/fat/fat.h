/*
 * The FAT file system library: FAT12, FAT16 and FAT32 volumes on any disk
 * that can read and write sectors. The FAT server (drivers/fs/fat) runs it
 * over a block client; the host tests and the fuzz target run it over an
 * image file. It knows nothing of IPC, so the same code is tested on the
 * host against images made by mkfs.fat and filled by mtools.
 *
 * Paths are relative to the volume's root, components separated by '/',
 * in UTF-8. The VFS has already resolved "." and ".."; the library refuses
 * them as components (-ATXF_EINVAL), so a path can never climb out of the
 * volume whatever its caller does. Names match without regard to ASCII case
 * and keep the case they were created with.
 *
 * Every call returns 0 (or a byte count) or a negative ATXF_E* code
 * (<atxf/errors.h>): ENOENT, EEXIST, ENOTDIR, EISDIR, ENOTEMPTY, ENOSPC,
 * EROFS, ENAMETOOLONG, EFBIG (past 4 GiB - 1), EIO (the disk failed),
 * ECORRUPT (a structure on the disk is wrong: a cluster loop, a chain out
 * of range, a directory entry past its cluster chain).
 *
 * Crash safety: writes reach the disk in order, data, then both FATs, then
 * the directory entry, with a disk flush between the steps, so a crash
 * leaves at worst lost clusters: never a cross-link or a wrong size. Dirty
 * blocks stay in the cache until fat_sync, fat_unmount or a full cache
 * (which syncs in the same order).
 */
#ifndef ATXF_FAT_H
#define ATXF_FAT_H

#include <stddef.h>
#include <stdint.h>

/* The disk under a volume: sector_size 512..4096, a power of two. */
struct fat_disk {
	void *ctx;
	uint32_t sector_size;
	uint64_t sectors;
	int read_only;                  /* the disk refuses writes */
	int (*read)(void *ctx, uint64_t sector, uint32_t count, void *dst);
	int (*write)(void *ctx, uint64_t sector, uint32_t count, const void *src);
	int (*flush)(void *ctx);        /* the disk's write cache to the medium */
};

struct fat_mount_options {
	int read_only;                  /* refuse every change with -ATXF_EROFS */
	int64_t (*now)(void);           /* seconds since 1970 UTC, for timestamps; NULL: 1980-01-01 */
	size_t cache_bytes;             /* the block cache; 0: 256 KiB */
};

enum fat_type { FAT_TYPE_12 = 12, FAT_TYPE_16 = 16, FAT_TYPE_32 = 32 };

/* File and directory timestamps in seconds since 1970 UTC (FAT keeps local
 * time without a zone; ATXF takes it as UTC). */
struct fat_stat {
	uint64_t size;                  /* 0 for a directory */
	uint32_t is_dir;
	uint32_t attr;                  /* the entry's attribute byte: 0x01 RO, 0x02 hidden, 0x04 system, 0x20 archive */
	int64_t mtime;
	int64_t ctime;
	int64_t atime;                  /* a date only on FAT: midnight */
	uint32_t first_cluster;         /* 0 for an empty file; for fsck-style checks */
	uint32_t reserved;
};

/* A long name is up to 255 UTF-16 units: at most 765 bytes of UTF-8. */
#define FAT_NAME_MAX 765

struct fat_dirent {
	char name[FAT_NAME_MAX + 1];    /* the long name if it has one, else the 8.3 name with its case flags */
	char short_name[13];            /* "README.TXT": the 8.3 name as stored */
	struct fat_stat st;
};

struct fat_statfs {
	enum fat_type type;
	uint32_t cluster_size;          /* bytes */
	uint32_t clusters;              /* data clusters */
	uint32_t free_clusters;
	uint32_t dirty;                 /* 1: the volume was not cleanly unmounted when mounted */
	char label[12];                 /* the volume label, spaces trimmed, NUL-terminated */
};

struct fat_volume;                  /* a mounted volume */
struct fat_node;                    /* an open file or directory */

/*
 * Reads and checks the boot sector field by field (jump, bytes per sector
 * equal to the disk's, sectors per cluster a power of two, reserved
 * sectors, number of FATs, FAT size, total sectors within the disk, the
 * type by cluster count as the specification says, FSInfo signatures) and
 * mounts it. On failure *why says which field and why ("BPB: sectors per
 * cluster 3 is not a power of two"), nothing is written and nothing is kept.
 * A read-write mount marks the volume dirty (FAT[1]'s clean bit, FAT16/32)
 * until fat_unmount.
 */
int fat_mount(const struct fat_disk *disk, const struct fat_mount_options *opts,
	      struct fat_volume **out, char *why, size_t why_size);

/* Everything dirty to the disk in the safe order, FSInfo updated, then a disk flush. */
int fat_sync(struct fat_volume *v);

/* fat_sync, the clean bit set again, then everything freed (also on error). */
int fat_unmount(struct fat_volume *v);

int fat_statfs(struct fat_volume *v, struct fat_statfs *out);

#define FAT_OPEN_CREATE 0x1         /* create a file if the name is missing */
#define FAT_OPEN_EXCL   0x2         /* with CREATE: -ATXF_EEXIST if it exists */
#define FAT_OPEN_DIR    0x4         /* must be a directory (-ATXF_ENOTDIR otherwise) */

/* "" or "/" opens the root directory. A file opened twice is one node with two references. */
int fat_open(struct fat_volume *v, const char *path, unsigned flags, struct fat_node **out);
void fat_close(struct fat_node *n);
int fat_stat(struct fat_node *n, struct fat_stat *out);

/* Bytes read (0 at or past the end), or an error; -ATXF_EISDIR on a directory. */
long fat_read(struct fat_node *n, uint64_t offset, void *buf, size_t len);

/* Bytes written, or an error. Writing past the end fills the gap with
 * zeros. A short count only with an error after the first byte, which the
 * next call returns (ENOSPC for one). */
long fat_write(struct fat_node *n, uint64_t offset, const void *buf, size_t len);

/* Grows (with zeros) or shrinks the file to size; freed clusters are free at once. */
int fat_truncate(struct fat_node *n, uint64_t size);

/* Next entry of a directory after *cookie (0 at first): 1 with *out filled,
 * 0 at the end. "." and ".." and the volume label are not listed. */
int fat_readdir(struct fat_node *dir, uint64_t *cookie, struct fat_dirent *out);

int fat_mkdir(struct fat_volume *v, const char *path);
int fat_rmdir(struct fat_volume *v, const char *path);        /* empty directories only */
int fat_unlink(struct fat_volume *v, const char *path);       /* files only: -ATXF_EISDIR */

/* Moves from to to, across directories too; an existing file at to is
 * replaced, an existing directory only if empty (POSIX rename). A directory
 * cannot move into itself (-ATXF_EINVAL). Open nodes follow their entry. */
int fat_rename(struct fat_volume *v, const char *from, const char *to);

#endif
