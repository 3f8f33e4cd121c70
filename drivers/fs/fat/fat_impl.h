/*
 * The FAT library's inside: the mounted volume, the block cache, open
 * nodes, and the functions the files of drivers/fs/fat share. Not for the
 * library's users (they have fat.h).
 */
#ifndef ATXF_FAT_IMPL_H
#define ATXF_FAT_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/errors.h>
#include "fat.h"

#define FAT_DIRENT_SIZE 32
#define FAT_ATTR_RO     0x01
#define FAT_ATTR_HIDDEN 0x02
#define FAT_ATTR_SYSTEM 0x04
#define FAT_ATTR_VOLUME 0x08
#define FAT_ATTR_DIR    0x10
#define FAT_ATTR_ARCH   0x20
#define FAT_ATTR_LFN    0x0F
#define FAT_NT_LOWER_BASE 0x08  /* byte 12: the 8.3 base is shown in lowercase */
#define FAT_NT_LOWER_EXT  0x10  /* byte 12: the extension is shown in lowercase */
#define FAT_FREE_SLOT   0xE5
#define FAT_LFN_MAX_UNITS 255

/* What a cached block holds: decides when fat_sync writes it. */
enum fat_kind { FAT_KIND_DATA, FAT_KIND_FAT, FAT_KIND_DIR, FAT_KIND_FSINFO, FAT_KINDS };

struct fat_block {
	uint64_t sector;
	int32_t hash_next;      /* the next block in this hash bucket, -1 at the end */
	uint8_t valid;
	uint8_t dirty;
	uint8_t kind;           /* enum fat_kind */
	uint8_t referenced;     /* the clock's second chance */
	uint8_t *data;
};

struct fat_cache {
	struct fat_block *blocks;
	int32_t *buckets;
	uint32_t count;
	uint32_t nbuckets;
	uint32_t hand;          /* the clock hand for eviction */
	uint32_t dirty;         /* blocks dirty now */
	uint8_t *memory;
};

struct fat_node {
	struct fat_volume *v;
	struct fat_node *next;  /* the volume's list of open nodes */
	uint32_t refs;
	uint32_t is_dir;
	uint32_t is_root;
	uint32_t unlinked;      /* its entry is gone: free the chain at the last close */
	uint32_t first_cluster;
	uint32_t size;
	uint32_t parent;        /* the directory holding its entry (0: the fixed root) */
	uint32_t entry_off;     /* the short entry's byte offset in it */
	uint32_t pos_index;     /* a position in the chain, so sequential I/O does not walk it again */
	uint32_t pos_cluster;
	uint32_t nclust;        /* the chain's length and last cluster, 0: not known */
	uint32_t last;
};

struct fat_volume {
	struct fat_disk disk;
	struct fat_mount_options opts;
	enum fat_type type;
	uint32_t bps;                   /* bytes per sector */
	uint32_t spc;                   /* sectors per cluster */
	uint32_t cluster_size;
	uint32_t nfats;
	uint32_t fat_sectors;           /* one FAT's size */
	uint64_t fat_start;
	uint64_t root_start;            /* the fixed root (FAT12/16) */
	uint32_t root_sectors;
	uint32_t root_entries;
	uint64_t data_start;
	uint32_t root_cluster;          /* FAT32's root; 0 on FAT12/16 */
	uint32_t clusters;              /* data clusters: numbers 2 .. clusters + 1 */
	uint32_t free_count;            /* exact once free_known */
	uint32_t free_known;
	uint32_t next_free;
	uint32_t fsinfo_sector;         /* 0: none */
	uint32_t fsinfo_dirty;
	uint32_t was_dirty;
	uint32_t read_only;
	char label[12];
	struct fat_cache cache;
	struct fat_node *nodes;
	uint32_t *pending;              /* chains to free after the directories are written */
	uint32_t npending, pending_cap;
	int error;                      /* a disk error met in a sync, returned again */
	uint32_t dpos_dir;              /* the last directory cluster found, so a scan walks once */
	uint32_t dpos_index;
	uint32_t dpos_cluster;
	struct fat_node *root;          /* the root's node while open */
};

/* bpb.c */
int fat_bpb_parse(struct fat_volume *v, const uint8_t *bs, char *why, size_t why_size);
int fat_fsinfo_load(struct fat_volume *v);
int fat_fsinfo_store(struct fat_volume *v);

/* cache.c */
int fat_cache_init(struct fat_cache *c, uint32_t sector_size, size_t bytes);
void fat_cache_free(struct fat_cache *c);
int fat_cache_get(struct fat_volume *v, uint64_t sector, int kind, int will_write, uint8_t **out);
void fat_cache_dirty(struct fat_volume *v, uint64_t sector, int kind);
int fat_cache_write_direct(struct fat_volume *v, uint64_t sector, uint32_t count, const void *src);
int fat_cache_read_direct(struct fat_volume *v, uint64_t sector, uint32_t count, void *dst);
int fat_cache_sync(struct fat_volume *v);
int fat_disk_read(struct fat_volume *v, uint64_t sector, uint32_t count, void *dst);
int fat_disk_write(struct fat_volume *v, uint64_t sector, uint32_t count, const void *src);

/* table.c: FAT entries, chains and allocation */
#define FAT_EOC 0x0FFFFFFFu
int fat_get(struct fat_volume *v, uint32_t cluster, uint32_t *val);
int fat_set(struct fat_volume *v, uint32_t cluster, uint32_t val);
int fat_is_eoc(const struct fat_volume *v, uint32_t val);
int fat_next(struct fat_volume *v, uint32_t cluster, uint32_t *next);
int fat_valid_cluster(const struct fat_volume *v, uint32_t c);
int fat_alloc(struct fat_volume *v, uint32_t tail, uint32_t count, uint32_t *first);
int fat_free_later(struct fat_volume *v, uint32_t first);
int fat_apply_pending(struct fat_volume *v);
int fat_count_free(struct fat_volume *v);
uint32_t fat_pending_clusters(struct fat_volume *v);
int fat_chain_length(struct fat_volume *v, uint32_t first, uint32_t *len, uint32_t *last);
uint64_t fat_cluster_sector(const struct fat_volume *v, uint32_t cluster);
int fat_dirty_bit(struct fat_volume *v, int clean, uint32_t *was_clean);

/* lfn.c: names */
int fat_utf8_to_utf16(const char *s, uint16_t *out, size_t max);
int fat_utf16_to_utf8(const uint16_t *u, size_t n, char *out, size_t size);
uint8_t fat_lfn_checksum(const uint8_t short_name[11]);
int fat_name_check(const char *name, size_t len);
int fat_short_exact(const char *name, size_t len, uint8_t out[11], uint8_t *nt);
void fat_short_basis(const uint16_t *u, int n, uint8_t out[11]);
void fat_short_tail(uint8_t name[11], uint32_t n);
void fat_short_format(const uint8_t raw[11], uint8_t nt, char *out, int with_case);
int fat_name_eq(const char *a, size_t alen, const char *b);

/* time.c */
void fat_time_pack(int64_t t, uint16_t *date, uint16_t *time);
int64_t fat_time_unpack(uint16_t date, uint16_t time);
int64_t fat_now(struct fat_volume *v);

/* dir.c: a directory is its first cluster; 0 is the fixed FAT12/16 root */
struct fat_found {
	uint32_t dir;                   /* the directory holding it */
	uint32_t lfn_off;               /* the first slot of its name (== entry_off without LFN) */
	uint32_t entry_off;             /* the short entry */
	uint8_t ent[FAT_DIRENT_SIZE];   /* the short entry's bytes */
	char name[FAT_NAME_MAX + 1];
};
uint32_t fat_root_dir(const struct fat_volume *v);
int fat_dir_slot(struct fat_volume *v, uint32_t dir, uint32_t off, int will_write, uint8_t **ent);
int fat_dir_next(struct fat_volume *v, uint32_t dir, uint32_t *off, struct fat_found *f);
int fat_dir_lookup(struct fat_volume *v, uint32_t dir, const char *name, size_t len, struct fat_found *f);
int fat_dir_add(struct fat_volume *v, uint32_t dir, const char *name, size_t len,
		const uint8_t proto[FAT_DIRENT_SIZE], struct fat_found *f);
int fat_dir_remove(struct fat_volume *v, const struct fat_found *f);
int fat_dir_empty(struct fat_volume *v, uint32_t dir);
int fat_dir_init(struct fat_volume *v, uint32_t cluster, uint32_t parent, const uint8_t *proto);
uint32_t fat_ent_cluster(const struct fat_volume *v, const uint8_t *e);
void fat_ent_set_cluster(uint8_t *e, uint32_t c);
void fat_ent_stat(const struct fat_volume *v, const uint8_t *e, struct fat_stat *st);

/* node.c */
int fat_resolve(struct fat_volume *v, const char *path, uint32_t *parent, const char **leaf,
		size_t *leaf_len);
int fat_node_get(struct fat_volume *v, const struct fat_found *f, struct fat_node **out);
struct fat_node *fat_node_find(struct fat_volume *v, uint32_t dir, uint32_t off);
int fat_node_store(struct fat_node *n);
int fat_writable(struct fat_volume *v);
int fat_remove_found(struct fat_volume *v, struct fat_found *f);

/* file.c */
int fat_file_free_chain(struct fat_node *n);

static inline uint16_t fat_le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t fat_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline void fat_put16(uint8_t *p, uint16_t x) { p[0] = (uint8_t)x; p[1] = (uint8_t)(x >> 8); }
static inline void fat_put32(uint8_t *p, uint32_t x)
{
	p[0] = (uint8_t)x; p[1] = (uint8_t)(x >> 8); p[2] = (uint8_t)(x >> 16); p[3] = (uint8_t)(x >> 24);
}

#endif
