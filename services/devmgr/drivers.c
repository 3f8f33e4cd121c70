/*
 * Reading driver manifests from the boot archive with the shared readers
 * (rule 2): ustar for the members, the ATXF reader for the image and its
 * extension list, atxf_manifest_decode for the manifest itself.
 */
#include <string.h>
#include <atxf/atxf.h>
#include <atxf/log.h>
#include <atxf/reader.h>
#include "drivers.h"

static int is_atxf_name(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && !strcmp(name + n - 5, ".atxf");
}

/* 1: a driver, filled in; 0: not a driver (no manifest); -1: refused, logged. */
static int read_driver(const struct atxf_ustar_entry *e, struct dm_driver *d)
{
	struct atxf_image img;
	struct atxf_ext ext;
	const char *why;
	enum atxf_fmt_error err = atxf_read(e->data, e->size, &img, NULL);

	if (err != ATXF_FMT_OK) {
		atxf_log("devmgr: %s: not a valid ATXF image: %s\n", e->name, atxf_fmt_strerror(err));
		return -1;
	}
	if (atxf_ext_find(&img, ATXF_EXT_MANIFEST, &ext) != 1)
		return 0;
	if (atxf_manifest_decode(ext.data, ext.size, &d->manifest, &why) < 0) {
		atxf_log("devmgr: %s: manifest refused: %s\n", e->name, why);
		return -1;
	}
	memcpy(d->member, e->name, sizeof(d->member));  /* both NAME_MAX + 1, NUL-ended */
	d->image = e->data;
	d->image_size = e->size;
	return 1;
}

unsigned dm_drivers_load(const void *data, uint64_t size, struct dm_drivers *list)
{
	struct atxf_ustar_entry e;
	uint64_t cursor = 0;
	int r;

	list->count = 0;
	while ((r = atxf_ustar_next(data, size, &cursor, &e)) == ATXF_USTAR_ENTRY) {
		if (e.type != '0' || !is_atxf_name(e.name))
			continue;
		if (list->count == DM_DRIVERS_MAX) {
			atxf_log("devmgr: more than %d drivers; %s and later ignored\n",
				 DM_DRIVERS_MAX, e.name);
			break;
		}
		memset(&list->drv[list->count], 0, sizeof(list->drv[0]));
		if (read_driver(&e, &list->drv[list->count]) == 1)
			list->count++;
	}
	if (r < 0)
		atxf_log("devmgr: boot archive: %s\n", atxf_ustar_strerror(r));
	return list->count;
}
