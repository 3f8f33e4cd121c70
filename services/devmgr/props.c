/*
 * Node properties (props.h). A driver-given property comes first, so a
 * child may say bus=usb where devmgr would say bus=child; the derived
 * ones are written the way manifests spell them: hex with 0x, lower case.
 */
#include <stdio.h>
#include <string.h>
#include "props.h"

static const char *bus_name(unsigned bus)
{
	return bus == DM_BUS_PCI ? "pci" : bus == DM_BUS_LEGACY ? "legacy" : "child";
}

/* 1 if list[0..n) already has a property of key. */
static int has_key(char list[][DM_PROP_MAX], unsigned n, const char *key)
{
	size_t len = strlen(key);

	for (unsigned i = 0; i < n; i++)
		if (!strncmp(list[i], key, len) && list[i][len] == '=')
			return 1;
	return 0;
}

struct props {
	char (*list)[DM_PROP_MAX];
	unsigned n, max;
};

/* Adds key=value unless the node already said key itself. */
static void derive_text(struct props *p, const char *key, const char *value)
{
	int room = (int)(DM_PROP_MAX - strlen(key) - 2);

	if (p->n == p->max || has_key(p->list, p->n, key))
		return;
	snprintf(p->list[p->n++], DM_PROP_MAX, "%s=%.*s", key, room > 0 ? room : 0, value);
}

static void derive(struct props *p, const char *key, const char *fmt, unsigned value)
{
	char v[16];

	snprintf(v, sizeof(v), fmt, value);
	derive_text(p, key, v);
}

unsigned dm_props_list(const struct dm_device *d, char out[][DM_PROP_MAX], unsigned max)
{
	struct props p = { out, 0, max };

	for (unsigned i = 0; i < d->nprops && i < DM_PROPS && p.n < max; i++)
		memcpy(out[p.n++], d->props[i], DM_PROP_MAX);
	derive_text(&p, "bus", bus_name(d->bus));
	if (d->bus != DM_BUS_CHILD)
		derive_text(&p, "name", d->name);
	derive_text(&p, "path", d->name);
	if (d->bus == DM_BUS_PCI) {
		derive(&p, "vendor", "0x%04x", d->pci.vendor);
		derive(&p, "product", "0x%04x", d->pci.device);
		derive(&p, "class", "0x%02x", d->pci.class_code);
		derive(&p, "subclass", "0x%02x", d->pci.subclass);
		derive(&p, "protocol", "0x%02x", d->pci.prog_if);
	}
	return p.n;
}

int dm_prop_has(const struct dm_device *d, const char *kv)
{
	const char *eq = strchr(kv, '=');
	char key[DM_PROP_MAX], value[DM_PROP_MAX];

	if (!eq || (size_t)(eq - kv) >= sizeof(key))
		return 0;
	memcpy(key, kv, (size_t)(eq - kv));
	key[eq - kv] = '\0';
	return dm_prop_get(d, key, value, sizeof(value)) && !strcmp(value, eq + 1);
}

int dm_prop_get(const struct dm_device *d, const char *key, char *out, size_t size)
{
	char list[DM_PROPS_ALL][DM_PROP_MAX];
	unsigned n = dm_props_list(d, list, DM_PROPS_ALL);
	size_t len = strlen(key);

	for (unsigned i = 0; i < n; i++) {
		if (strncmp(list[i], key, len) || list[i][len] != '=')
			continue;
		snprintf(out, size, "%s", list[i] + len + 1);
		return 1;
	}
	return 0;
}
