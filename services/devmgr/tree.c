/*
 * The node table (devices.h). Small and linear: 64 nodes at most, and
 * hot-plug happens at human or bus speed, not per request.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/manifest.h>
#include "devices.h"

struct dm_device *dm_node_add(struct dm_devices *list, const struct dm_device *node)
{
	struct dm_device *d = NULL;

	for (unsigned i = 0; i < list->count && !d; i++)
		if (list->dev[i].bus == DM_BUS_NONE)
			d = &list->dev[i];
	if (!d && list->count < DM_DEVICES_MAX)
		d = &list->dev[list->count++];
	if (!d)
		return NULL;
	*d = *node;
	if (!list->next_id)
		list->next_id = 1;
	d->id = list->next_id++;
	return d;
}

void dm_node_free(struct dm_devices *list, struct dm_device *d)
{
	(void)list;
	memset(d, 0, sizeof(*d));
	d->parent_port = ATXF_HANDLE_NONE;
}

struct dm_device *dm_node_find(struct dm_devices *list, uint32_t id)
{
	for (unsigned i = 0; id && i < list->count; i++)
		if (list->dev[i].bus != DM_BUS_NONE && list->dev[i].id == id)
			return &list->dev[i];
	return NULL;
}

struct dm_device *dm_node_named(struct dm_devices *list, const char *name)
{
	for (unsigned i = 0; i < list->count; i++)
		if (list->dev[i].bus != DM_BUS_NONE &&
		    !strncmp(list->dev[i].name, name, DM_DEVICE_NAME_MAX))
			return &list->dev[i];
	return NULL;
}

unsigned dm_node_count(const struct dm_devices *list)
{
	unsigned n = 0;

	for (unsigned i = 0; i < list->count; i++)
		n += list->dev[i].bus != DM_BUS_NONE;
	return n;
}

struct dm_device *dm_node_at(struct dm_devices *list, unsigned index)
{
	for (unsigned i = 0; i < list->count; i++)
		if (list->dev[i].bus != DM_BUS_NONE && index-- == 0)
			return &list->dev[i];
	return NULL;
}

unsigned dm_node_index(const struct dm_devices *list, const struct dm_device *d)
{
	unsigned n = 0;

	for (const struct dm_device *e = list->dev; e < d; e++)
		n += e->bus != DM_BUS_NONE;
	return n;
}

/* Post-order from id: each child's subtree, then id. */
static void walk(struct dm_devices *list, uint32_t id, uint32_t *out, unsigned max,
		 unsigned *n, unsigned depth)
{
	for (unsigned i = 0; depth < DM_DEVICES_MAX && i < list->count; i++)
		if (list->dev[i].bus != DM_BUS_NONE && list->dev[i].parent == id)
			walk(list, list->dev[i].id, out, max, n, depth + 1);
	if (*n < max)
		out[(*n)++] = id;
}

unsigned dm_subtree(struct dm_devices *list, uint32_t id, uint32_t *out, unsigned max)
{
	unsigned n = 0;

	if (dm_node_find(list, id))
		walk(list, id, out, max, &n, 0);
	return n;
}

/* A child may not pose as enumerated hardware, nor say where it sits. */
static const char *reserved(const char *kv)
{
	if (!strncmp(kv, "path=", 5))
		return "the path property is devmgr's to set (PARENT/NAME)";
	if (!strcmp(kv, "bus=pci") || !strcmp(kv, "bus=legacy"))
		return "bus=pci and bus=legacy are for the devices devmgr enumerates";
	return NULL;
}

/* A child's name: one path component of [A-Za-z0-9._:-]. */
static int valid_component(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || strchr("._:-", *s)))
			return 0;
	return 1;
}

/* Copies each "k=v" of props into out->props; the name's value into name. */
static const char *take_props(const char *props, size_t len, struct dm_device *out,
			      const char **name)
{
	size_t at = 0;

	*name = NULL;
	while (at < len) {
		const char *kv = props + at;
		size_t n = strnlen(kv, len - at);

		if (n == len - at)
			return "the properties do not end with a NUL";
		if (atxf_property_check(kv, n) < 0)
			return "a property is not \"key=value\" (key of a-z, 0-9, _ and -)";
		if (n >= DM_PROP_MAX)
			return "a property is longer than the 71 bytes a node keeps";
		if (out->nprops == DM_PROPS)
			return "more than 8 properties";
		if (reserved(kv))
			return reserved(kv);
		if (!strncmp(kv, "name=", 5))
			*name = kv + 5;
		memcpy(out->props[out->nprops++], kv, n + 1);
		at += n + 1;
	}
	return NULL;
}

int dm_child_make(const struct dm_device *parent, const char *props, size_t len,
		  struct dm_device *out, const char **why)
{
	const char *name;

	memset(out, 0, sizeof(*out));
	out->parent_port = ATXF_HANDLE_NONE;
	*why = take_props(props, len, out, &name);
	if (!*why && !name)
		*why = "no name=... property: a child needs a name for its path";
	if (!*why && !valid_component(name))
		*why = "the name is not one path component of A-Z a-z 0-9 . _ : -";
	if (!*why && strlen(parent->name) + 1 + strlen(name) >= DM_DEVICE_NAME_MAX)
		*why = "its path PARENT/NAME is longer than 63 bytes";
	if (*why)
		return -1;
	memcpy(out->name, parent->name, strlen(parent->name));
	out->name[strlen(parent->name)] = '/';
	memcpy(out->name + strlen(parent->name) + 1, name, strlen(name) + 1);
	out->bus = DM_BUS_CHILD;
	out->present = 1;
	out->parent = parent->id;
	return 0;
}
