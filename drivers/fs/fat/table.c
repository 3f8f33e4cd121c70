/*
 * The file allocation table: 12-, 16- or 32-bit entries (fatgen103
 * section 4), every FAT copy written alike, chains walked with range and
 * loop checks, clusters allocated from the next-free hint in runs.
 * FAT12 entries are a byte and a half, so one can straddle two sectors:
 * they are read and written a byte at a time.
 */
#include <stdlib.h>
#include "fat_impl.h"

int fat_valid_cluster(const struct fat_volume *v, uint32_t c)
{
	return c >= 2 && c - 2 < v->clusters;
}

uint64_t fat_cluster_sector(const struct fat_volume *v, uint32_t cluster)
{
	return v->data_start + (uint64_t)(cluster - 2) * v->spc;
}

int fat_is_eoc(const struct fat_volume *v, uint32_t val)
{
	switch (v->type) {
	case FAT_TYPE_12: return val >= 0xFF8;
	case FAT_TYPE_16: return val >= 0xFFF8;
	default:          return val >= 0x0FFFFFF8;
	}
}

static int byte_get(struct fat_volume *v, uint32_t copy, uint64_t off, uint8_t *out)
{
	uint8_t *s;
	int rc = fat_cache_get(v, v->fat_start + (uint64_t)copy * v->fat_sectors + off / v->bps,
			       FAT_KIND_FAT, 0, &s);

	if (!rc)
		*out = s[off % v->bps];
	return rc;
}

static int byte_set(struct fat_volume *v, uint32_t copy, uint64_t off, uint8_t val)
{
	uint8_t *s;
	int rc = fat_cache_get(v, v->fat_start + (uint64_t)copy * v->fat_sectors + off / v->bps,
			       FAT_KIND_FAT, 1, &s);

	if (!rc)
		s[off % v->bps] = val;
	return rc;
}

static uint64_t entry_off(const struct fat_volume *v, uint32_t c)
{
	return v->type == FAT_TYPE_12 ? c + c / 2 : (uint64_t)c * (v->type / 8);
}

int fat_get(struct fat_volume *v, uint32_t c, uint32_t *val)
{
	uint64_t off = entry_off(v, c);
	uint8_t b[4] = { 0 };
	uint32_t i, n = v->type == FAT_TYPE_32 ? 4 : 2;
	int rc;

	for (i = 0; i < n; i++)
		if ((rc = byte_get(v, 0, off + i, &b[i])))
			return rc;
	if (v->type == FAT_TYPE_12)
		*val = (c & 1) ? fat_le16(b) >> 4 : fat_le16(b) & 0xFFF;
	else if (v->type == FAT_TYPE_16)
		*val = fat_le16(b);
	else
		*val = fat_le32(b) & 0x0FFFFFFF;
	return 0;
}

static int set_copy(struct fat_volume *v, uint32_t copy, uint32_t c, uint32_t val)
{
	uint64_t off = entry_off(v, c);
	uint8_t b[4];
	uint32_t i, n = v->type == FAT_TYPE_32 ? 4 : 2;
	int rc;

	for (i = 0; i < n; i++)
		if ((rc = byte_get(v, copy, off + i, &b[i])))
			return rc;
	if (v->type == FAT_TYPE_12) {
		uint16_t w = fat_le16(b);

		w = (c & 1) ? (uint16_t)((w & 0x000F) | (val & 0xFFF) << 4)
			    : (uint16_t)((w & 0xF000) | (val & 0xFFF));
		fat_put16(b, w);
	} else if (v->type == FAT_TYPE_16) {
		fat_put16(b, (uint16_t)val);
	} else {
		/* the top four bits are reserved: kept as found */
		fat_put32(b, (fat_le32(b) & 0xF0000000) | (val & 0x0FFFFFFF));
	}
	for (i = 0; i < n; i++)
		if ((rc = byte_set(v, copy, off + i, b[i])))
			return rc;
	return 0;
}

int fat_set(struct fat_volume *v, uint32_t c, uint32_t val)
{
	uint32_t copy;
	int rc;

	for (copy = 0; copy < v->nfats; copy++)
		if ((rc = set_copy(v, copy, c, val)))
			return rc;
	return 0;
}

/* The cluster after c: 0 at the end of the chain. */
int fat_next(struct fat_volume *v, uint32_t c, uint32_t *next)
{
	uint32_t val;
	int rc = fat_get(v, c, &val);

	if (rc)
		return rc;
	if (fat_is_eoc(v, val)) {
		*next = 0;
		return 0;
	}
	if (!fat_valid_cluster(v, val))
		return -ATXF_ECORRUPT;  /* free, reserved, bad or past the end */
	*next = val;
	return 0;
}

/* A chain longer than the volume has clusters is a loop. */
int fat_chain_length(struct fat_volume *v, uint32_t first, uint32_t *len, uint32_t *last)
{
	uint32_t c = first, n = 0, next;
	int rc;

	*len = 0;
	*last = 0;
	if (!first)
		return 0;
	while (c) {
		if (!fat_valid_cluster(v, c) || ++n > v->clusters)
			return -ATXF_ECORRUPT;
		*last = c;
		if ((rc = fat_next(v, c, &next)))
			return rc;
		c = next;
	}
	*len = n;
	return 0;
}

int fat_count_free(struct fat_volume *v)
{
	uint32_t c, val, n = 0;
	int rc;

	for (c = 2; c - 2 < v->clusters; c++) {
		if ((rc = fat_get(v, c, &val)))
			return rc;
		n += val == 0;
	}
	v->free_count = n;
	v->free_known = 1;
	return 0;
}

/* Pending frees count as free: a full disk syncs them and looks again. */

static int find_free(struct fat_volume *v, uint32_t *found)
{
	uint32_t i, c = fat_valid_cluster(v, v->next_free) ? v->next_free : 2, val;
	int rc;

	for (i = 0; i < v->clusters; i++, c = fat_valid_cluster(v, c + 1) ? c + 1 : 2) {
		if ((rc = fat_get(v, c, &val)))
			return rc;
		if (val == 0) {
			*found = c;
			return 0;
		}
	}
	return -ATXF_ENOSPC;
}

static int ensure_free(struct fat_volume *v, uint32_t count)
{
	int rc;

	if (!v->free_known && (rc = fat_count_free(v)))
		return rc;
	if (v->free_count >= count)
		return 0;
	if (v->npending && v->free_count + fat_pending_clusters(v) >= count)
		return fat_cache_sync(v);
	return -ATXF_ENOSPC;
}

/*
 * count clusters, chained, the last one end-of-chain, linked after tail
 * (0: a new chain). All or nothing: with too few free, nothing changes.
 */
int fat_alloc(struct fat_volume *v, uint32_t tail, uint32_t count, uint32_t *first)
{
	uint32_t i, c, prev = tail;
	int rc;

	if ((rc = ensure_free(v, count)))
		return rc;
	*first = 0;
	for (i = 0; i < count; i++) {
		if ((rc = find_free(v, &c)) || (rc = fat_set(v, c, FAT_EOC)))
			return rc;      /* free_count was wrong: the image's FAT is corrupt */
		if (prev && (rc = fat_set(v, prev, c)))
			return rc;
		if (!*first)
			*first = c;
		prev = c;
		v->next_free = fat_valid_cluster(v, c + 1) ? c + 1 : 2;
		v->free_count--;
		v->fsinfo_dirty = 1;
	}
	return 0;
}

uint32_t fat_pending_clusters(struct fat_volume *v)
{
	uint32_t i, len, last, n = 0;

	for (i = 0; i < v->npending; i++)
		if (!fat_chain_length(v, v->pending[i], &len, &last))
			n += len;
	return n;
}

/* The chain from first is freed at the next sync, after the directory
 * entries that pointed at it are on the disk. */
int fat_free_later(struct fat_volume *v, uint32_t first)
{
	if (!first)
		return 0;
	if (v->npending == v->pending_cap) {
		uint32_t cap = v->pending_cap ? v->pending_cap * 2 : 16;
		uint32_t *p = realloc(v->pending, cap * sizeof(*p));

		if (!p)
			return -ATXF_ENOMEM;
		v->pending = p;
		v->pending_cap = cap;
	}
	v->pending[v->npending++] = first;
	return 0;
}

static int free_chain(struct fat_volume *v, uint32_t c)
{
	uint32_t next, n = 0;
	int rc;

	while (c && fat_valid_cluster(v, c) && n++ <= v->clusters) {
		if ((rc = fat_next(v, c, &next)) == -ATXF_ECORRUPT)
			next = 0;       /* a broken tail is left as it is */
		else if (rc)
			return rc;
		if ((rc = fat_set(v, c, 0)))
			return rc;
		v->free_count++;
		v->fsinfo_dirty = 1;
		c = next;
	}
	return 0;
}

int fat_apply_pending(struct fat_volume *v)
{
	int rc;

	v->dpos_cluster = 0;    /* a freed directory's chain may be reused */
	while (v->npending) {
		uint32_t first = v->pending[--v->npending];

		if ((rc = free_chain(v, first)))
			return rc;
	}
	return 0;
}

/* FAT[1]'s clean-shutdown bit: bit 15 on FAT16, bit 27 on FAT32 (fatgen103 4). */
int fat_dirty_bit(struct fat_volume *v, int clean, uint32_t *was_clean)
{
	uint32_t bit = v->type == FAT_TYPE_16 ? 0x8000 : 0x08000000, val;
	int rc;

	if (v->type == FAT_TYPE_12)
		return 0;
	if ((rc = fat_get(v, 1, &val)))
		return rc;
	if (was_clean)
		*was_clean = !!(val & bit);
	return fat_set(v, 1, clean ? val | bit : val & ~bit);
}
