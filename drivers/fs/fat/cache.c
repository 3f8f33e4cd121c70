/*
 * The block cache: a fixed number of one-sector blocks, found by a hash,
 * replaced by a clock that never evicts a dirty block. Every dirty block
 * remembers what it holds (data, FAT, directory, FSInfo) so that a sync
 * writes them in the order that leaves at worst lost clusters after a
 * crash: data, flush, FATs, flush, directories, flush, then the clusters
 * freed by deletes (only once no entry points at them), FSInfo, flush.
 */
#include <stdlib.h>
#include <string.h>
#include "fat_impl.h"

int fat_disk_read(struct fat_volume *v, uint64_t sector, uint32_t count, void *dst)
{
	int rc;

	if (sector >= v->disk.sectors || count > v->disk.sectors - sector)
		return -ATXF_EIO;       /* past the disk: a truncated image */
	rc = v->disk.read(v->disk.ctx, sector, count, dst);
	return rc < 0 ? -ATXF_EIO : 0;
}

int fat_disk_write(struct fat_volume *v, uint64_t sector, uint32_t count, const void *src)
{
	int rc;

	if (sector >= v->disk.sectors || count > v->disk.sectors - sector)
		return -ATXF_EIO;
	rc = v->disk.write(v->disk.ctx, sector, count, src);
	return rc < 0 ? -ATXF_EIO : 0;
}

static int disk_flush(struct fat_volume *v)
{
	if (!v->disk.flush)
		return 0;
	return v->disk.flush(v->disk.ctx) < 0 ? -ATXF_EIO : 0;
}

int fat_cache_init(struct fat_cache *c, uint32_t sector_size, size_t bytes)
{
	uint32_t i;

	memset(c, 0, sizeof(*c));
	c->count = (uint32_t)(bytes / sector_size);
	if (c->count < 16)
		c->count = 16;
	c->nbuckets = c->count * 2;
	c->blocks = calloc(c->count, sizeof(*c->blocks));
	c->buckets = malloc(c->nbuckets * sizeof(*c->buckets));
	c->memory = malloc((size_t)c->count * sector_size);
	if (!c->blocks || !c->buckets || !c->memory) {
		fat_cache_free(c);
		return -ATXF_ENOMEM;
	}
	for (i = 0; i < c->nbuckets; i++)
		c->buckets[i] = -1;
	for (i = 0; i < c->count; i++)
		c->blocks[i].data = c->memory + (size_t)i * sector_size;
	return 0;
}

void fat_cache_free(struct fat_cache *c)
{
	free(c->blocks);
	free(c->buckets);
	free(c->memory);
	memset(c, 0, sizeof(*c));
}

static uint32_t bucket_of(const struct fat_cache *c, uint64_t sector)
{
	return (uint32_t)((sector * 0x9E3779B97F4A7C15ull) >> 32) % c->nbuckets;
}

static struct fat_block *lookup(struct fat_cache *c, uint64_t sector)
{
	int32_t i;

	for (i = c->buckets[bucket_of(c, sector)]; i >= 0; i = c->blocks[i].hash_next)
		if (c->blocks[i].sector == sector)
			return &c->blocks[i];
	return NULL;
}

static void unhash(struct fat_cache *c, struct fat_block *b)
{
	int32_t *p = &c->buckets[bucket_of(c, b->sector)];
	int32_t me = (int32_t)(b - c->blocks);

	while (*p >= 0 && *p != me)
		p = &c->blocks[*p].hash_next;
	if (*p == me)
		*p = b->hash_next;
	if (b->dirty)
		c->dirty--;
	b->valid = 0;
	b->dirty = 0;
}

/* A clean block to reuse; syncs everything first when all are dirty. */
static int victim(struct fat_volume *v, struct fat_block **out)
{
	struct fat_cache *c = &v->cache;
	uint32_t tries;
	int rc;

	for (tries = 0; tries < 2 * c->count; tries++) {
		struct fat_block *b = &c->blocks[c->hand];

		c->hand = (c->hand + 1) % c->count;
		if (!b->valid || (!b->dirty && !b->referenced)) {
			if (b->valid)
				unhash(c, b);
			*out = b;
			return 0;
		}
		b->referenced = 0;
	}
	rc = fat_cache_sync(v);
	if (rc)
		return rc;
	*out = &c->blocks[c->hand];
	if ((*out)->valid)
		unhash(c, *out);
	return 0;
}

int fat_cache_get(struct fat_volume *v, uint64_t sector, int kind, int will_write, uint8_t **out)
{
	struct fat_cache *c = &v->cache;
	struct fat_block *b = lookup(c, sector);
	int rc;

	if (!b) {
		rc = victim(v, &b);
		if (rc)
			return rc;
		rc = fat_disk_read(v, sector, 1, b->data);
		if (rc)
			return rc;
		b->sector = sector;
		b->valid = 1;
		b->kind = (uint8_t)kind;
		b->hash_next = c->buckets[bucket_of(c, sector)];
		c->buckets[bucket_of(c, sector)] = (int32_t)(b - c->blocks);
	}
	b->referenced = 1;
	if (will_write)
		fat_cache_dirty(v, sector, kind);
	*out = b->data;
	return 0;
}

void fat_cache_dirty(struct fat_volume *v, uint64_t sector, int kind)
{
	struct fat_block *b = lookup(&v->cache, sector);

	if (!b)
		return;
	if (!b->dirty)
		v->cache.dirty++;
	b->dirty = 1;
	b->kind = (uint8_t)kind;
}

/* Whole sectors of file data straight to the disk: they come first in the
 * order anyway. A cached copy (a freed directory block, say) is dropped so
 * that it can never be written over them later. */
int fat_cache_write_direct(struct fat_volume *v, uint64_t sector, uint32_t count, const void *src)
{
	uint32_t i;

	for (i = 0; i < count; i++) {
		struct fat_block *b = lookup(&v->cache, sector + i);

		if (b)
			unhash(&v->cache, b);
	}
	return fat_disk_write(v, sector, count, src);
}

/* Whole sectors read around the cache, except those it holds. */
int fat_cache_read_direct(struct fat_volume *v, uint64_t sector, uint32_t count, void *dst)
{
	uint8_t *d = dst;
	uint32_t i, start = 0;
	int rc;

	for (i = 0; i <= count; i++) {
		struct fat_block *b = i < count ? lookup(&v->cache, sector + i) : NULL;

		if (i < count && !b)
			continue;
		if (i > start) {
			rc = fat_disk_read(v, sector + start, i - start, d + (size_t)start * v->bps);
			if (rc)
				return rc;
		}
		if (b)
			memcpy(d + (size_t)i * v->bps, b->data, v->bps);
		start = i + 1;
	}
	return 0;
}

static int write_kind(struct fat_volume *v, int kind)
{
	struct fat_cache *c = &v->cache;
	uint32_t i;
	int rc;

	for (i = 0; i < c->count && c->dirty; i++) {
		struct fat_block *b = &c->blocks[i];

		if (!b->valid || !b->dirty || b->kind != kind)
			continue;
		rc = fat_disk_write(v, b->sector, 1, b->data);
		if (rc)
			return rc;
		b->dirty = 0;
		c->dirty--;
	}
	return 0;
}

static int sync_steps(struct fat_volume *v)
{
	int rc;

	if ((rc = write_kind(v, FAT_KIND_DATA)) || (rc = disk_flush(v)) ||
	    (rc = write_kind(v, FAT_KIND_FAT)) || (rc = disk_flush(v)) ||
	    (rc = write_kind(v, FAT_KIND_DIR)) || (rc = disk_flush(v)))
		return rc;
	if (!v->npending && !v->fsinfo_dirty)
		return 0;
	if ((rc = fat_apply_pending(v)) || (rc = write_kind(v, FAT_KIND_FAT)) ||
	    (rc = fat_fsinfo_store(v)) || (rc = write_kind(v, FAT_KIND_FSINFO)))
		return rc;
	return disk_flush(v);
}

int fat_cache_sync(struct fat_volume *v)
{
	int rc;

	if (v->error)
		return v->error;
	rc = sync_steps(v);
	if (rc)
		v->error = rc;  /* the order is broken now: refuse further writes */
	return rc;
}
