/*
 * Rename and move: the short entry (attributes, cluster, size, times) is
 * written under the new name in the target directory and then the old
 * name is removed; a moved directory's ".." is pointed at its new parent.
 * POSIX rules: a file replaces a file, a directory replaces an empty
 * directory, and a directory cannot move under itself.
 */
#include <stdlib.h>
#include <string.h>
#include "fat_impl.h"

/* Is dir the directory moving, or inside it? Climbs by "..", at most a
 * cluster count of steps (a ".." cycle is corrupt). */
static int inside(struct fat_volume *v, uint32_t dir, uint32_t moving)
{
	uint32_t steps;
	uint8_t *e;
	int rc;

	for (steps = 0; steps <= v->clusters; steps++) {
		if (dir == moving)
			return 1;
		if (dir == fat_root_dir(v))
			return 0;
		if ((rc = fat_dir_slot(v, dir, FAT_DIRENT_SIZE, 0, &e)))
			return rc < 0 ? rc : -ATXF_ECORRUPT;
		if (memcmp(e, "..         ", 11))
			return -ATXF_ECORRUPT;
		dir = fat_ent_cluster(v, e);
		if (dir == 0)
			dir = fat_root_dir(v);
		else if (!fat_valid_cluster(v, dir))
			return -ATXF_ECORRUPT;
	}
	return -ATXF_ECORRUPT;
}

static int set_dotdot(struct fat_volume *v, uint32_t dir, uint32_t parent)
{
	uint8_t *e;
	int rc = fat_dir_slot(v, dir, FAT_DIRENT_SIZE, 1, &e);

	if (rc)
		return rc < 0 ? rc : -ATXF_ECORRUPT;
	fat_ent_set_cluster(e, parent == fat_root_dir(v) ? 0 : parent);
	return 0;
}

/* An existing target: may it be replaced by what moves? */
static int replaceable(struct fat_volume *v, const struct fat_found *from, const struct fat_found *to)
{
	int from_dir = !!(from->ent[11] & FAT_ATTR_DIR), to_dir = !!(to->ent[11] & FAT_ATTR_DIR);

	(void)v;
	if (from_dir && !to_dir)
		return -ATXF_ENOTDIR;
	if (!from_dir && to_dir)
		return -ATXF_EISDIR;
	return 0;
}

struct rename_ctx {
	struct fat_found from, to, added;
	uint32_t from_dir, to_dir;
	const char *to_leaf;
	size_t to_len;
};

static int move(struct fat_volume *v, struct rename_ctx *r)
{
	struct fat_node *n = fat_node_find(v, r->from.dir, r->from.entry_off);
	uint32_t c = fat_ent_cluster(v, r->from.ent);
	int is_dir = !!(r->from.ent[11] & FAT_ATTR_DIR);
	int rc;

	/* the new name first: if the directory is full, the old one stays */
	if ((rc = fat_dir_add(v, r->to_dir, r->to_leaf, r->to_len, r->from.ent, &r->added)) ||
	    (rc = fat_dir_remove(v, &r->from)))
		return rc;
	if (n) {
		/* the node's size may be newer than the entry it came from */
		n->parent = r->added.dir;
		n->entry_off = r->added.entry_off;
		if ((rc = fat_node_store(n)))
			return rc;
	}
	if (is_dir && r->from_dir != r->to_dir)
		return set_dotdot(v, c, r->to_dir);
	return 0;
}

static int do_rename(struct fat_volume *v, struct rename_ctx *r, const char *from, const char *to)
{
	const char *leaf;
	size_t len;
	int rc;

	if ((rc = fat_writable(v)) || (rc = fat_resolve(v, from, &r->from_dir, &leaf, &len)))
		return rc;
	if (len == 0)
		return -ATXF_EBUSY;
	if ((rc = fat_dir_lookup(v, r->from_dir, leaf, len, &r->from)))
		return rc;
	if ((rc = fat_resolve(v, to, &r->to_dir, &r->to_leaf, &r->to_len)))
		return rc;
	if (r->to_len == 0)
		return -ATXF_EBUSY;
	if ((rc = fat_name_check(r->to_leaf, r->to_len)))
		return rc;
	if ((r->from.ent[11] & FAT_ATTR_DIR) &&
	    (rc = inside(v, r->to_dir, fat_ent_cluster(v, r->from.ent))) != 0)
		return rc < 0 ? rc : -ATXF_EINVAL;
	rc = fat_dir_lookup(v, r->to_dir, r->to_leaf, r->to_len, &r->to);
	if (rc == 0 && r->to.dir == r->from.dir && r->to.entry_off == r->from.entry_off)
		rc = -ATXF_ENOENT;      /* the same entry, another case: just rename */
	else if (rc == 0 && !(rc = replaceable(v, &r->from, &r->to)) &&
		 !(rc = fat_remove_found(v, &r->to)))
		rc = -ATXF_ENOENT;      /* the target is gone: the name is free */
	if (rc != -ATXF_ENOENT)
		return rc;
	return move(v, r);
}

int fat_rename(struct fat_volume *v, const char *from, const char *to)
{
	struct rename_ctx *r = malloc(sizeof(*r));
	int rc;

	if (!r)
		return -ATXF_ENOMEM;
	rc = do_rename(v, r, from, to);
	free(r);
	return rc;
}
