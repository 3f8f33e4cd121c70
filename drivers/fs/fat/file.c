/*
 * File contents: reading, writing and truncating along the cluster chain.
 * Whole sectors go straight to and from the disk (data is first in the
 * write order anyway), partial ones through the cache. A write allocates
 * every cluster it needs in one run before writing, and the node keeps its
 * place in the chain, so a long sequential write never rescans the FAT.
 * A chain shorter than the size, or one that loops, is -ATXF_ECORRUPT.
 */
#include <stdlib.h>
#include <string.h>
#include "fat_impl.h"

#define FAT_MAX_SIZE 0xFFFFFFFFu

/* The index-th cluster of the node's chain. */
static int seek(struct fat_node *n, uint32_t index, uint32_t *out)
{
	struct fat_volume *v = n->v;
	uint32_t c = n->first_cluster, i = 0, next;
	int rc;

	if (index >= v->clusters || !fat_valid_cluster(v, c))
		return -ATXF_ECORRUPT;
	if (n->pos_cluster && n->pos_index <= index) {
		c = n->pos_cluster;
		i = n->pos_index;
	}
	for (; i < index; i++) {
		if ((rc = fat_next(v, c, &next)))
			return rc;
		if (!next)
			return -ATXF_ECORRUPT;  /* the size says more than the chain holds */
		c = next;
	}
	n->pos_index = index;
	n->pos_cluster = c;
	*out = c;
	return 0;
}

/* The run of clusters contiguous on the disk from index, at most max of them. */
static int run_at(struct fat_node *n, uint32_t index, uint32_t max, uint32_t *c, uint32_t *len)
{
	uint32_t next;
	int rc = seek(n, index, c);

	for (*len = 1; !rc && *len < max; (*len)++) {
		if ((rc = fat_next(n->v, *c + *len - 1, &next)) || next != *c + *len)
			break;
		n->pos_index = index + *len;
		n->pos_cluster = next;
	}
	return rc;
}

/* One piece of I/O inside a run: whole sectors direct, a partial one cached. */
static int io_piece(struct fat_volume *v, uint64_t sector, uint32_t in_sector, uint8_t *buf,
		    size_t len, int writing)
{
	uint8_t *s;
	int rc;

	if (in_sector == 0 && len % v->bps == 0)
		return writing ? fat_cache_write_direct(v, sector, (uint32_t)(len / v->bps), buf)
			       : fat_cache_read_direct(v, sector, (uint32_t)(len / v->bps), buf);
	if ((rc = fat_cache_get(v, sector, FAT_KIND_DATA, writing, &s)))
		return rc;
	if (writing)
		memcpy(s + in_sector, buf, len);
	else
		memcpy(buf, s + in_sector, len);
	return 0;
}

static int io(struct fat_node *n, uint64_t off, uint8_t *buf, size_t len, int writing)
{
	struct fat_volume *v = n->v;
	uint32_t cs = v->cluster_size;
	int rc;

	while (len) {
		uint32_t index = (uint32_t)(off / cs), c, run, in_cluster = (uint32_t)(off % cs);
		uint64_t base, pos;
		size_t span, piece;

		if ((rc = run_at(n, index, (uint32_t)((in_cluster + len + cs - 1) / cs), &c, &run)))
			return rc;
		base = (uint64_t)fat_cluster_sector(v, c) * v->bps;
		span = (size_t)run * cs - in_cluster;
		if (span > len)
			span = len;
		for (pos = base + in_cluster; span; pos += piece, buf += piece, len -= piece,
		     off += piece, span -= piece) {
			uint32_t in_sector = (uint32_t)(pos % v->bps);

			piece = in_sector ? v->bps - in_sector : span - span % v->bps;
			if (piece == 0 || piece > span)
				piece = span;
			if ((rc = io_piece(v, pos / v->bps, in_sector, buf, piece, writing)))
				return rc;
		}
	}
	return 0;
}

long fat_read(struct fat_node *n, uint64_t offset, void *buf, size_t len)
{
	int rc;

	if (n->is_dir)
		return -ATXF_EISDIR;
	if (offset >= n->size)
		return 0;
	if (len > n->size - offset)
		len = (size_t)(n->size - offset);
	if (len > 0x40000000)
		len = 0x40000000;
	rc = io(n, offset, buf, len, 0);
	return rc ? rc : (long)len;
}

static int chain_end(struct fat_node *n)
{
	if (n->nclust || !n->first_cluster)
		return 0;
	return fat_chain_length(n->v, n->first_cluster, &n->nclust, &n->last);
}

/* Clusters for the first end bytes; fewer if the disk fills (*end shrinks). */
static int reserve(struct fat_node *n, uint64_t *end)
{
	struct fat_volume *v = n->v;
	uint32_t need = (uint32_t)((*end + v->cluster_size - 1) / v->cluster_size), first;
	uint32_t more;
	int rc;

	if ((rc = chain_end(n)) || need <= n->nclust)
		return rc;
	more = need - n->nclust;
	rc = fat_alloc(v, n->last, more, &first);
	if (rc == -ATXF_ENOSPC && v->free_count) {
		more = v->free_count;
		rc = fat_alloc(v, n->last, more, &first);
		*end = (uint64_t)(n->nclust + more) * v->cluster_size;
	}
	if (rc)
		return rc;
	if (!n->first_cluster)
		n->first_cluster = first;
	n->nclust += more;
	n->last = 0;
	return fat_chain_length(v, n->first_cluster, &n->nclust, &n->last);
}

static int write_zeros(struct fat_node *n, uint64_t from, uint64_t to)
{
	uint8_t *z = calloc(1, 65536);
	int rc = 0;

	if (!z)
		return -ATXF_ENOMEM;
	while (!rc && from < to) {
		size_t k = to - from > 65536 ? 65536 : (size_t)(to - from);

		rc = io(n, from, z, k, 1);
		from += k;
	}
	free(z);
	return rc;
}

long fat_write(struct fat_node *n, uint64_t offset, const void *buf, size_t len)
{
	uint64_t end;
	int rc;

	if (n->is_dir)
		return -ATXF_EISDIR;
	if ((rc = fat_writable(n->v)))
		return rc;
	if (len == 0)
		return 0;
	if (offset >= FAT_MAX_SIZE)
		return -ATXF_EFBIG;
	if (len > FAT_MAX_SIZE - offset)
		len = (size_t)(FAT_MAX_SIZE - offset);
	end = offset + len;
	if ((rc = reserve(n, &end)))
		return rc;
	if (end <= offset)
		return -ATXF_ENOSPC;
	len = (size_t)(end - offset);
	if (offset > n->size && (rc = write_zeros(n, n->size, offset)))
		return rc;
	if ((rc = io(n, offset, (uint8_t *)buf, len, 1)))
		return rc;
	if (end > n->size)
		n->size = (uint32_t)end;
	rc = fat_node_store(n);
	return rc ? rc : (long)len;
}

int fat_truncate(struct fat_node *n, uint64_t size)
{
	struct fat_volume *v = n->v;
	uint32_t keep, c, next;
	int rc;

	if (n->is_dir)
		return -ATXF_EISDIR;
	if ((rc = fat_writable(v)))
		return rc;
	if (size > FAT_MAX_SIZE)
		return -ATXF_EFBIG;
	if (size > n->size) {
		uint64_t end = size;

		if ((rc = reserve(n, &end)))
			return rc;
		if (end < size)
			return -ATXF_ENOSPC;
		if ((rc = write_zeros(n, n->size, size)))
			return rc;
	} else if (size < n->size || (size == 0 && n->first_cluster)) {
		keep = (uint32_t)((size + v->cluster_size - 1) / v->cluster_size);
		if (keep == 0) {
			rc = fat_free_later(v, n->first_cluster);
			n->first_cluster = 0;
		} else if (!(rc = seek(n, keep - 1, &c)) && !(rc = fat_next(v, c, &next)) && next) {
			if (!(rc = fat_set(v, c, FAT_EOC)))
				rc = fat_free_later(v, next);
		}
		if (rc)
			return rc;
		n->pos_cluster = n->nclust = n->last = 0;
	}
	n->size = (uint32_t)size;
	return fat_node_store(n);
}

int fat_file_free_chain(struct fat_node *n)
{
	return fat_free_later(n->v, n->first_cluster);
}
