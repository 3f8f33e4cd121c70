/*
 * Paths and open nodes: a path is walked a component at a time from the
 * root; an open file or directory is one shared, refcounted node per
 * directory entry, so two opens see one size. Also the calls that make
 * and remove names: mkdir, rmdir, unlink.
 */
#include <stdlib.h>
#include <string.h>
#include "fat_impl.h"

#define ROOT_KEY 0xFFFFFFFFu    /* the root has no entry: its node's key */

int fat_writable(struct fat_volume *v)
{
	if (v->read_only)
		return -ATXF_EROFS;
	return v->error;        /* after a failed sync the order can no longer be kept */
}

/* A directory entry's cluster, checked: a directory must have one in range. */
static int entry_dir_cluster(struct fat_volume *v, const uint8_t *e, uint32_t *out)
{
	uint32_t c = fat_ent_cluster(v, e);

	if (!(e[11] & FAT_ATTR_DIR))
		return -ATXF_ENOTDIR;
	if (c == 0)
		c = fat_root_dir(v);    /* only ".." may say 0, but be lenient with it */
	else if (!fat_valid_cluster(v, c))
		return -ATXF_ECORRUPT;
	*out = c;
	return 0;
}

/* Walks all but the last component; *leaf is the last ("" for the root). */
int fat_resolve(struct fat_volume *v, const char *path, uint32_t *parent, const char **leaf,
		size_t *leaf_len)
{
	struct fat_found *f = malloc(sizeof(*f));
	uint32_t dir = fat_root_dir(v);
	int rc = 0;

	if (!f)
		return -ATXF_ENOMEM;
	for (;;) {
		const char *end;
		size_t len;

		while (*path == '/')
			path++;
		end = strchr(path, '/');
		len = end ? (size_t)(end - path) : strlen(path);
		if (len > FAT_NAME_MAX) {
			rc = -ATXF_ENAMETOOLONG;
			break;
		}
		if ((len == 1 && path[0] == '.') || (len == 2 && !memcmp(path, "..", 2))) {
			rc = -ATXF_EINVAL;
			break;
		}
		if (!end || end[strspn(end, "/")] == 0) {
			*parent = dir;
			*leaf = path;
			*leaf_len = len;
			break;
		}
		if ((rc = fat_dir_lookup(v, dir, path, len, f)) || (rc = entry_dir_cluster(v, f->ent, &dir)))
			break;
		path = end;
	}
	free(f);
	return rc;
}

struct fat_node *fat_node_find(struct fat_volume *v, uint32_t dir, uint32_t off)
{
	struct fat_node *n;

	for (n = v->nodes; n; n = n->next)
		if (!n->unlinked && n->parent == dir && n->entry_off == off)
			return n;
	return NULL;
}

static struct fat_node *node_new(struct fat_volume *v)
{
	struct fat_node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->v = v;
	n->refs = 1;
	n->next = v->nodes;
	v->nodes = n;
	return n;
}

int fat_node_get(struct fat_volume *v, const struct fat_found *f, struct fat_node **out)
{
	struct fat_node *n = fat_node_find(v, f->dir, f->entry_off);
	uint32_t c = fat_ent_cluster(v, f->ent);

	if (n) {
		n->refs++;
		*out = n;
		return 0;
	}
	if (c && !fat_valid_cluster(v, c))
		return -ATXF_ECORRUPT;  /* the entry points outside the data area */
	if ((f->ent[11] & FAT_ATTR_DIR) && !c)
		return -ATXF_ECORRUPT;
	if (!(n = node_new(v)))
		return -ATXF_ENOMEM;
	n->is_dir = !!(f->ent[11] & FAT_ATTR_DIR);
	n->first_cluster = c;
	n->size = n->is_dir ? 0 : fat_le32(f->ent + 28);
	n->parent = f->dir;
	n->entry_off = f->entry_off;
	*out = n;
	return 0;
}

static int root_node(struct fat_volume *v, struct fat_node **out)
{
	struct fat_node *n = fat_node_find(v, ROOT_KEY, ROOT_KEY);

	if (n) {
		n->refs++;
	} else {
		if (!(n = node_new(v)))
			return -ATXF_ENOMEM;
		n->is_dir = n->is_root = 1;
		n->first_cluster = fat_root_dir(v);
		n->parent = n->entry_off = ROOT_KEY;
	}
	*out = n;
	return 0;
}

/* The node's size, first cluster and modification time into its entry. */
int fat_node_store(struct fat_node *n)
{
	struct fat_volume *v = n->v;
	uint16_t date, time;
	uint8_t *e;
	int rc;

	if (n->is_root || n->unlinked)
		return 0;
	if ((rc = fat_dir_slot(v, n->parent, n->entry_off, 1, &e)))
		return rc < 0 ? rc : -ATXF_ECORRUPT;
	fat_ent_set_cluster(e, n->first_cluster);
	if (!n->is_dir) {
		fat_put32(e + 28, n->size);
		e[11] |= FAT_ATTR_ARCH;
	}
	fat_time_pack(fat_now(v), &date, &time);
	fat_put16(e + 22, time);
	fat_put16(e + 24, date);
	fat_put16(e + 18, date);
	return 0;
}

static void proto_entry(struct fat_volume *v, uint8_t *e, uint8_t attr, uint32_t cluster)
{
	uint16_t date, time;

	memset(e, 0, FAT_DIRENT_SIZE);
	e[11] = attr;
	fat_ent_set_cluster(e, cluster);
	fat_time_pack(fat_now(v), &date, &time);
	fat_put16(e + 14, time);
	fat_put16(e + 16, date);
	fat_put16(e + 18, date);
	fat_put16(e + 22, time);
	fat_put16(e + 24, date);
}

static int create(struct fat_volume *v, uint32_t dir, const char *name, size_t len,
		  struct fat_found *f)
{
	uint8_t proto[FAT_DIRENT_SIZE];
	int rc;

	if ((rc = fat_writable(v)) || (rc = fat_name_check(name, len)))
		return rc;
	proto_entry(v, proto, FAT_ATTR_ARCH, 0);
	return fat_dir_add(v, dir, name, len, proto, f);
}

static int open_leaf(struct fat_volume *v, uint32_t dir, const char *leaf, size_t len,
		     unsigned flags, struct fat_found *f, struct fat_node **out)
{
	int rc = fat_dir_lookup(v, dir, leaf, len, f);

	if (rc == 0 && (flags & FAT_OPEN_CREATE) && (flags & FAT_OPEN_EXCL))
		return -ATXF_EEXIST;
	if (rc == -ATXF_ENOENT && (flags & FAT_OPEN_CREATE) && !(flags & FAT_OPEN_DIR))
		rc = create(v, dir, leaf, len, f);
	if (rc)
		return rc;
	if ((flags & FAT_OPEN_DIR) && !(f->ent[11] & FAT_ATTR_DIR))
		return -ATXF_ENOTDIR;
	return fat_node_get(v, f, out);
}

int fat_open(struct fat_volume *v, const char *path, unsigned flags, struct fat_node **out)
{
	struct fat_found *f;
	const char *leaf;
	size_t len;
	uint32_t dir;
	int rc;

	*out = NULL;
	if ((rc = fat_resolve(v, path, &dir, &leaf, &len)))
		return rc;
	if (len == 0)
		return (flags & FAT_OPEN_EXCL) ? -ATXF_EEXIST : root_node(v, out);
	if (!(f = malloc(sizeof(*f))))
		return -ATXF_ENOMEM;
	rc = open_leaf(v, dir, leaf, len, flags, f, out);
	free(f);
	return rc;
}

void fat_close(struct fat_node *n)
{
	struct fat_volume *v;
	struct fat_node **p;

	if (!n || --n->refs)
		return;
	v = n->v;
	if (n->unlinked && !v->read_only)
		fat_free_later(v, n->first_cluster);
	for (p = &v->nodes; *p && *p != n; p = &(*p)->next)
		;
	if (*p)
		*p = n->next;
	free(n);
}

int fat_stat(struct fat_node *n, struct fat_stat *out)
{
	uint8_t *e;
	int rc;

	memset(out, 0, sizeof(*out));
	if (n->is_root) {
		out->is_dir = 1;
		out->attr = FAT_ATTR_DIR;
		out->first_cluster = n->first_cluster;
		return 0;
	}
	if (!n->unlinked) {
		if ((rc = fat_dir_slot(n->v, n->parent, n->entry_off, 0, &e)))
			return rc < 0 ? rc : -ATXF_ECORRUPT;
		fat_ent_stat(n->v, e, out);
	}
	out->is_dir = n->is_dir;
	out->size = n->is_dir ? 0 : n->size;
	out->first_cluster = n->first_cluster;
	return 0;
}

/* The name at path, which must not be the root. */
static int find(struct fat_volume *v, const char *path, struct fat_found *f)
{
	const char *leaf;
	size_t len;
	uint32_t dir;
	int rc = fat_resolve(v, path, &dir, &leaf, &len);

	if (rc)
		return rc;
	if (len == 0)
		return -ATXF_EBUSY;     /* the root itself */
	return fat_dir_lookup(v, dir, leaf, len, f);
}

int fat_mkdir(struct fat_volume *v, const char *path)
{
	struct fat_found *f = malloc(sizeof(*f));
	uint8_t proto[FAT_DIRENT_SIZE];
	const char *leaf;
	size_t len;
	uint32_t dir, c;
	int rc;

	if (!f)
		return -ATXF_ENOMEM;
	rc = fat_resolve(v, path, &dir, &leaf, &len);
	if (!rc && len == 0)
		rc = -ATXF_EEXIST;
	if (!rc && (rc = fat_dir_lookup(v, dir, leaf, len, f)) == 0)
		rc = -ATXF_EEXIST;
	if (rc == -ATXF_ENOENT && !(rc = fat_writable(v)) && !(rc = fat_name_check(leaf, len)) &&
	    !(rc = fat_alloc(v, 0, 1, &c))) {
		/* the new directory's cluster first, then the entry that names it */
		proto_entry(v, proto, FAT_ATTR_DIR, c);
		rc = fat_dir_init(v, c, dir, proto);
		if (!rc)
			rc = fat_dir_add(v, dir, leaf, len, proto, f);
		if (rc)
			fat_free_later(v, c);
	}
	free(f);
	return rc;
}

/* The entry goes now; its clusters when no open node uses them any more. */
static int drop(struct fat_volume *v, struct fat_found *f)
{
	struct fat_node *n = fat_node_find(v, f->dir, f->entry_off);
	int rc = fat_dir_remove(v, f);

	if (rc)
		return rc;
	if (n) {
		n->unlinked = 1;
		return 0;
	}
	return fat_free_later(v, fat_ent_cluster(v, f->ent));
}

int fat_remove_found(struct fat_volume *v, struct fat_found *f)
{
	uint32_t c = fat_ent_cluster(v, f->ent);
	int rc;

	if (f->ent[11] & FAT_ATTR_DIR) {
		if (!fat_valid_cluster(v, c))
			return -ATXF_ECORRUPT;
		if ((rc = fat_dir_empty(v, c)) < 0)
			return rc;
		if (!rc)
			return -ATXF_ENOTEMPTY;
	} else if (c && !fat_valid_cluster(v, c)) {
		return -ATXF_ECORRUPT;
	}
	return drop(v, f);
}

static int remove_path(struct fat_volume *v, const char *path, int want_dir)
{
	struct fat_found *f = malloc(sizeof(*f));
	int rc;

	if (!f)
		return -ATXF_ENOMEM;
	rc = find(v, path, f);
	if (!rc && want_dir && !(f->ent[11] & FAT_ATTR_DIR))
		rc = -ATXF_ENOTDIR;
	if (!rc && !want_dir && (f->ent[11] & FAT_ATTR_DIR))
		rc = -ATXF_EISDIR;
	if (!rc)
		rc = fat_writable(v);
	if (!rc)
		rc = fat_remove_found(v, f);
	free(f);
	return rc;
}

int fat_rmdir(struct fat_volume *v, const char *path)
{
	return remove_path(v, path, 1);
}

int fat_unlink(struct fat_volume *v, const char *path)
{
	return remove_path(v, path, 0);
}

int fat_readdir(struct fat_node *dir, uint64_t *cookie, struct fat_dirent *out)
{
	struct fat_found *f;
	uint32_t off;
	int rc;

	if (!dir->is_dir)
		return -ATXF_ENOTDIR;
	if (dir->unlinked || *cookie >= 65536u * FAT_DIRENT_SIZE)
		return 0;
	if (!(f = malloc(sizeof(*f))))
		return -ATXF_ENOMEM;
	off = (uint32_t)*cookie;
	rc = fat_dir_next(dir->v, dir->first_cluster == fat_root_dir(dir->v) ? fat_root_dir(dir->v)
					: dir->first_cluster, &off, f);
	if (rc == 1) {
		memcpy(out->name, f->name, sizeof(out->name));
		fat_short_format(f->ent, 0, out->short_name, 0);
		fat_ent_stat(dir->v, f->ent, &out->st);
		*cookie = off;
	}
	free(f);
	return rc;
}
