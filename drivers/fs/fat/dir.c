/*
 * Directories: 32-byte slots in the fixed FAT12/16 root or in a cluster
 * chain. A name is a run of long-name slots (last part first, ordinal
 * 0x40 | n) followed by its short entry (fatgen103 6 and 7). Iteration,
 * lookup, adding a name in a run of free slots (the directory grows by a
 * zeroed cluster; the fixed root cannot: ENOSPC), removal (0xE5 in every
 * slot of the name), and new directories with "." and "..".
 */
#include <stdlib.h>
#include <string.h>
#include "fat_impl.h"

#define DIR_MAX_BYTES (65536u * FAT_DIRENT_SIZE)   /* fatgen103 6: at most 65536 slots */

uint32_t fat_root_dir(const struct fat_volume *v)
{
	return v->type == FAT_TYPE_32 ? v->root_cluster : 0;
}

uint32_t fat_ent_cluster(const struct fat_volume *v, const uint8_t *e)
{
	uint32_t hi = v->type == FAT_TYPE_32 ? fat_le16(e + 20) : 0;

	return hi << 16 | fat_le16(e + 26);
}

void fat_ent_set_cluster(uint8_t *e, uint32_t c)
{
	fat_put16(e + 20, (uint16_t)(c >> 16));
	fat_put16(e + 26, (uint16_t)c);
}

void fat_ent_stat(const struct fat_volume *v, const uint8_t *e, struct fat_stat *st)
{
	memset(st, 0, sizeof(*st));
	st->is_dir = !!(e[11] & FAT_ATTR_DIR);
	st->size = st->is_dir ? 0 : fat_le32(e + 28);
	st->attr = e[11];
	st->mtime = fat_time_unpack(fat_le16(e + 24), fat_le16(e + 22));
	st->ctime = fat_time_unpack(fat_le16(e + 16), fat_le16(e + 14));
	st->atime = fat_time_unpack(fat_le16(e + 18), 0);
	st->first_cluster = fat_ent_cluster(v, e);
}

/* The cluster holding slot byte offset off of dir; 0 past the chain's end.
 * The volume remembers the last one found, so a scan walks the chain once. */
static int dir_cluster_at(struct fat_volume *v, uint32_t dir, uint32_t index, uint32_t *out)
{
	uint32_t c = dir, i = 0, next;
	int rc;

	if (v->dpos_dir == dir && v->dpos_index <= index && v->dpos_cluster) {
		c = v->dpos_cluster;
		i = v->dpos_index;
	}
	for (; i < index; i++) {
		if ((rc = fat_next(v, c, &next)))
			return rc;
		if (!next) {
			*out = 0;
			return 0;
		}
		c = next;
	}
	v->dpos_dir = dir;
	v->dpos_index = index;
	v->dpos_cluster = c;
	*out = c;
	return 0;
}

/* 0 with *ent pointing at the slot in the cache, 1 past the directory's end. */
int fat_dir_slot(struct fat_volume *v, uint32_t dir, uint32_t off, int will_write, uint8_t **ent)
{
	uint64_t sector;
	uint32_t c;
	uint8_t *s;
	int rc;

	if (off >= DIR_MAX_BYTES)
		return 1;
	if (dir == 0) {
		if (off >= v->root_entries * FAT_DIRENT_SIZE)
			return 1;
		sector = v->root_start + off / v->bps;
	} else {
		if (!fat_valid_cluster(v, dir))
			return -ATXF_ECORRUPT;
		if ((rc = dir_cluster_at(v, dir, off / v->cluster_size, &c)))
			return rc;
		if (!c)
			return 1;
		sector = fat_cluster_sector(v, c) + off % v->cluster_size / v->bps;
	}
	if ((rc = fat_cache_get(v, sector, FAT_KIND_DIR, will_write, &s)))
		return rc;
	*ent = s + off % v->bps;
	return 0;
}

struct lfn_state {
	uint16_t units[20 * 13];
	int expect;             /* the next ordinal wanted; 0: no long name under way */
	int count;              /* its slots */
	uint8_t sum;
	uint32_t start;
};

static const uint8_t lfn_pos[13] = { 1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30 };

static void lfn_take(struct lfn_state *l, const uint8_t *e, uint32_t off)
{
	int ord = e[0] & 0x1F, i;

	if (e[0] & 0x40) {
		l->expect = ord;
		l->count = ord;
		l->sum = e[13];
		l->start = off;
		memset(l->units, 0xFF, sizeof(l->units));
	}
	if (ord < 1 || ord != l->expect || e[13] != l->sum) {
		l->expect = 0;  /* an orphan or a broken run: the short name is used */
		return;
	}
	for (i = 0; i < 13; i++)
		l->units[(ord - 1) * 13 + i] = fat_le16(e + lfn_pos[i]);
	l->expect = ord - 1 ? ord - 1 : -1;     /* -1: complete, the short entry is next */
}

static int lfn_name(struct lfn_state *l, const uint8_t *e, char *out)
{
	int n;

	if (l->expect != -1 || fat_lfn_checksum(e) != l->sum)
		return 0;
	for (n = 0; n < l->count * 13 && l->units[n] != 0 && l->units[n] != 0xFFFF; n++)
		;
	return n > 0 && fat_utf16_to_utf8(l->units, (size_t)n, out, FAT_NAME_MAX + 1) > 0;
}

static int short_entry(struct fat_volume *v, struct lfn_state *l, const uint8_t *e,
		       uint32_t off, struct fat_found *f)
{
	if (e[11] & FAT_ATTR_VOLUME)
		return 0;
	if (e[0] == '.' && (e[1] == ' ' || (e[1] == '.' && e[2] == ' ')))
		return 0;
	memcpy(f->ent, e, FAT_DIRENT_SIZE);
	f->entry_off = off;
	if (lfn_name(l, e, f->name)) {
		f->lfn_off = l->start;
	} else {
		f->lfn_off = off;
		fat_short_format(e, e[12], f->name, 1);
	}
	(void)v;
	return 1;
}

/* The next name at or after *off: 1 with f filled, 0 at the end. */
int fat_dir_next(struct fat_volume *v, uint32_t dir, uint32_t *off, struct fat_found *f)
{
	struct lfn_state *l = malloc(sizeof(*l));
	uint8_t *e;
	int rc = 0;

	if (!l)
		return -ATXF_ENOMEM;
	l->expect = 0;
	f->dir = dir;
	for (; rc == 0; *off += FAT_DIRENT_SIZE) {
		if ((rc = fat_dir_slot(v, dir, *off, 0, &e)))
			break;
		if (e[0] == 0) {
			rc = 1;
			break;
		}
		if (e[0] == FAT_FREE_SLOT)
			l->expect = 0;
		else if ((e[11] & 0x3F) == FAT_ATTR_LFN)
			lfn_take(l, e, *off);
		else if (short_entry(v, l, e, *off, f))
			rc = 2;
		else
			l->expect = 0;
	}
	free(l);
	if (rc == 2)
		return 1;       /* *off is past the entry already */
	return rc < 0 ? rc : 0;
}

int fat_dir_lookup(struct fat_volume *v, uint32_t dir, const char *name, size_t len,
		   struct fat_found *f)
{
	uint32_t off = 0;
	char sn[13];
	int rc;

	while ((rc = fat_dir_next(v, dir, &off, f)) == 1) {
		if (fat_name_eq(name, len, f->name))
			return 0;
		fat_short_format(f->ent, 0, sn, 0);
		if (fat_name_eq(name, len, sn))
			return 0;
	}
	return rc < 0 ? rc : -ATXF_ENOENT;
}

int fat_dir_empty(struct fat_volume *v, uint32_t dir)
{
	struct fat_found *f = malloc(sizeof(*f));
	uint32_t off = 0;
	int rc;

	if (!f)
		return -ATXF_ENOMEM;
	rc = fat_dir_next(v, dir, &off, f);
	free(f);
	return rc < 0 ? rc : !rc;
}

/* Every short name in use, to choose an alias's ~N; used[k] for NAME~k. */
static int mark_used(struct fat_volume *v, uint32_t dir, const uint8_t basis[11], uint8_t *used,
		     uint32_t nused, int *exact_taken, const uint8_t exact[11])
{
	uint32_t off;
	uint8_t *e, cand[11];
	int rc;

	for (off = 0; (rc = fat_dir_slot(v, dir, off, 0, &e)) == 0; off += FAT_DIRENT_SIZE) {
		uint32_t k = 0;
		int i;

		if (e[0] == 0)
			break;
		if (e[0] == FAT_FREE_SLOT || (e[11] & 0x3F) == FAT_ATTR_LFN)
			continue;
		if (exact && !memcmp(e, exact, 11))
			*exact_taken = 1;
		for (i = 0; i < 8 && e[i] != '~'; i++)
			;
		for (i++; i < 8 && e[i] >= '0' && e[i] <= '9' && k < nused; i++)
			k = k * 10 + (uint32_t)(e[i] - '0');
		if (k == 0 || k >= nused)
			continue;
		memcpy(cand, basis, 11);
		fat_short_tail(cand, k);
		if (!memcmp(cand, e, 11))
			used[k] = 1;
	}
	return rc < 0 ? rc : 0;
}

static int choose_alias(struct fat_volume *v, uint32_t dir, const uint16_t *u, int n,
			uint8_t out[11])
{
	enum { NUSED = 100000 };
	uint8_t *used = calloc(NUSED, 1);
	uint8_t basis[11];
	uint32_t k;
	int rc, dummy = 0;

	if (!used)
		return -ATXF_ENOMEM;
	fat_short_basis(u, n, basis);
	rc = mark_used(v, dir, basis, used, NUSED, &dummy, NULL);
	for (k = 1; !rc && k < NUSED && used[k]; k++)
		;
	free(used);
	if (rc)
		return rc;
	if (k >= NUSED)
		return -ATXF_EEXIST;
	memcpy(out, basis, 11);
	fat_short_tail(out, k);
	if (out[0] == 0xE5)
		out[0] = 0x05;  /* fatgen103 6.1: 0xE5 as a first character is stored as 0x05 */
	return 0;
}

/* Adds cluster to dir's chain, zeroed on the disk before the FAT links it. */
static int dir_grow(struct fat_volume *v, uint32_t dir)
{
	uint32_t len, last, c;
	uint8_t *zero;
	int rc;

	if (dir == 0)
		return -ATXF_ENOSPC;    /* the FAT12/16 root has a fixed size */
	if ((rc = fat_chain_length(v, dir, &len, &last)))
		return rc;
	if ((uint64_t)(len + 1) * v->cluster_size > DIR_MAX_BYTES)
		return -ATXF_ENOSPC;
	if (!(zero = calloc(1, v->cluster_size)))
		return -ATXF_ENOMEM;
	rc = fat_alloc(v, 0, 1, &c);
	if (!rc)
		rc = fat_cache_write_direct(v, fat_cluster_sector(v, c), v->spc, zero);
	if (!rc)
		rc = fat_set(v, last, c);
	free(zero);
	return rc;
}

/* The first of n free slots in a row (growing the directory if it must). */
static int find_run(struct fat_volume *v, uint32_t dir, uint32_t n, uint32_t *start)
{
	uint32_t off = 0, run = 0;
	uint8_t *e;
	int rc;

	for (;;) {
		rc = fat_dir_slot(v, dir, off, 0, &e);
		if (rc == 1) {
			if ((rc = dir_grow(v, dir)))
				return rc;
			continue;
		}
		if (rc)
			return rc;
		if (e[0] == 0 || e[0] == FAT_FREE_SLOT) {
			if (run++ == 0)
				*start = off;
			if (run == n)
				return 0;
		} else {
			run = 0;
		}
		off += FAT_DIRENT_SIZE;
	}
}

static int write_lfn(struct fat_volume *v, uint32_t dir, uint32_t off, const uint16_t *u, int n,
		     int slots, uint8_t sum)
{
	int s, i, rc;
	uint8_t *e;

	for (s = slots; s >= 1; s--, off += FAT_DIRENT_SIZE) {
		if ((rc = fat_dir_slot(v, dir, off, 1, &e)))
			return rc < 0 ? rc : -ATXF_ECORRUPT;
		memset(e, 0, FAT_DIRENT_SIZE);
		e[0] = (uint8_t)(s | (s == slots ? 0x40 : 0));
		e[11] = FAT_ATTR_LFN;
		e[13] = sum;
		for (i = 0; i < 13; i++) {
			int k = (s - 1) * 13 + i;
			uint16_t c = k < n ? u[k] : k == n ? 0 : 0xFFFF;

			fat_put16(e + lfn_pos[i], c);
		}
	}
	return 0;
}

/* Adds name with the short entry proto (attributes, cluster, size, times). */
int fat_dir_add(struct fat_volume *v, uint32_t dir, const char *name, size_t len,
		const uint8_t proto[FAT_DIRENT_SIZE], struct fat_found *f)
{
	uint16_t u[FAT_LFN_MAX_UNITS];
	uint8_t sn[11], nt = 0, *e;
	int n = 0, slots = 0, rc, taken = 0;
	uint32_t start;

	memcpy(f->name, name, len);
	f->name[len] = 0;
	if (fat_short_exact(name, len, sn, &nt)) {
		uint8_t dummy;

		if ((rc = mark_used(v, dir, sn, &dummy, 1, &taken, sn)))
			return rc;
	}
	if (!fat_short_exact(name, len, sn, &nt) || taken) {
		nt = 0;
		if ((n = fat_utf8_to_utf16(f->name, u, FAT_LFN_MAX_UNITS)) < 0)
			return n;
		if ((rc = choose_alias(v, dir, u, n, sn)))
			return rc;
		slots = (n + 12) / 13;
	}
	if ((rc = find_run(v, dir, (uint32_t)slots + 1, &start)))
		return rc;
	if (slots && (rc = write_lfn(v, dir, start, u, n, slots, fat_lfn_checksum(sn))))
		return rc;
	f->dir = dir;
	f->lfn_off = start;
	f->entry_off = start + (uint32_t)slots * FAT_DIRENT_SIZE;
	memcpy(f->ent, proto, FAT_DIRENT_SIZE);
	memcpy(f->ent, sn, 11);
	f->ent[12] = nt;
	if ((rc = fat_dir_slot(v, dir, f->entry_off, 1, &e)))
		return rc < 0 ? rc : -ATXF_ECORRUPT;
	memcpy(e, f->ent, FAT_DIRENT_SIZE);
	return 0;
}

int fat_dir_remove(struct fat_volume *v, const struct fat_found *f)
{
	uint32_t off;
	uint8_t *e;
	int rc;

	for (off = f->lfn_off; off <= f->entry_off; off += FAT_DIRENT_SIZE) {
		if ((rc = fat_dir_slot(v, f->dir, off, 1, &e)))
			return rc < 0 ? rc : -ATXF_ECORRUPT;
		e[0] = FAT_FREE_SLOT;
	}
	return 0;
}

/* A new directory's cluster: "." and ".." (cluster 0 when the parent is the root). */
int fat_dir_init(struct fat_volume *v, uint32_t cluster, uint32_t parent, const uint8_t *proto)
{
	uint8_t *buf = calloc(1, v->cluster_size);
	int rc;

	if (!buf)
		return -ATXF_ENOMEM;
	memcpy(buf, proto, FAT_DIRENT_SIZE);
	memcpy(buf, ".          ", 11);
	fat_ent_set_cluster(buf, cluster);
	memcpy(buf + 32, proto, FAT_DIRENT_SIZE);
	memcpy(buf + 32, "..         ", 11);
	fat_ent_set_cluster(buf + 32, parent == fat_root_dir(v) ? 0 : parent);
	rc = fat_cache_write_direct(v, fat_cluster_sector(v, cluster), v->spc, buf);
	free(buf);
	return rc;
}
