/*
 * The device record: setting it up for a driver, its class, its granted
 * resources as the manifest lists them, its instance name and generation
 * from argv. Pure: no system calls, so the host tests build devices with it.
 */
#include "core.h"

void atxf__device_init(struct atxf_device *dev, struct atxf_driver_core *core,
		       const struct atxf_driver *driver, const struct atxf_manifest *m)
{
	memset(dev, 0, sizeof(*dev));
	memset(core, 0, sizeof(*core));
	dev->driver = driver;
	dev->manifest = m;
	dev->core = core;
	dev->instance = core->instance;
	core->port = ATXF_HANDLE_NONE;
	core->self = ATXF_HANDLE_NONE;
	core->state = ATXF_DRIVER_STARTING;
	for (unsigned i = 0; i < ATXF_DRIVER_MAX_SUBSCRIBERS; i++)
		core->sub[i].port = ATXF_HANDLE_NONE;
}

unsigned atxf_device_class(const struct atxf_device *dev)
{
	if (dev->core && dev->core->device_class)
		return dev->core->device_class;
	return dev->manifest ? dev->manifest->device_class : ATXF_CLASS_NONE;
}

const struct atxf_resource_grant *atxf_device_resource(const struct atxf_device *dev,
						       unsigned kind, unsigned i)
{
	for (unsigned g = 0; g < dev->ngrants; g++)
		if (dev->grant[g].kind == kind && i-- == 0)
			return dev->grant[g].handle >= 0 ? &dev->grant[g] : NULL;
	return NULL;
}

/*
 * devmgr passes one handle per resource the manifest lists, in its order,
 * from handle first on (unused slots, kind 0, take none). The capability
 * query in bind.c replaces base and size with what was actually granted.
 */
void atxf__grants_from_manifest(struct atxf_device *dev, atxf_handle_t first,
				unsigned nhandles)
{
	const struct atxf_manifest *m = dev->manifest;
	unsigned n = 0;

	for (unsigned i = 0; m && i < ATXF_MANIFEST_RESOURCES; i++) {
		const struct atxf_resource *r = &m->resources[i];
		struct atxf_resource_grant *g = &dev->grant[n];

		if (r->kind == ATXF_RES_NONE)
			continue;
		g->kind = r->kind;
		g->base = r->base;
		g->size = r->size;
		g->flags = r->kind == ATXF_RES_PCI_BAR ? (uint32_t)r->base : 0;
		g->handle = n < nhandles ? first + (atxf_handle_t)n : ATXF_HANDLE_NONE;
		n++;
	}
	dev->ngrants = n;
}

/* A decimal u32, or def if s is not one. */
static uint32_t parse_u32(const char *s, uint32_t def)
{
	uint64_t v = 0;

	if (!s || !*s)
		return def;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > UINT32_MAX / 10)
			return def;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	return v > UINT32_MAX ? def : (uint32_t)v;
}

/* The manifest's name, else the callback table's: for logs and HELLO. */
const char *atxf__driver_name(const struct atxf_device *dev)
{
	if (dev->manifest && dev->manifest->name[0])
		return dev->manifest->name;
	return dev->driver->name ? dev->driver->name : "driver";
}

/* argv[1]: the instance name, else "<name>0"; argv[2]: the generation. */
void atxf__name_instance(struct atxf_device *dev, int argc, char *const argv[])
{
	struct atxf_driver_core *core = dev->core;
	const char *given = argc > ATXF_DRIVER_ARG_INSTANCE ? argv[ATXF_DRIVER_ARG_INSTANCE] : NULL;
	size_t max = sizeof(core->instance) - 1;

	if (given && given[0] && strlen(given) <= max) {
		memcpy(core->instance, given, strlen(given) + 1);
	} else {
		const char *name = atxf__driver_name(dev);
		size_t n = strnlen(name, max - 1);

		memcpy(core->instance, name, n);
		memcpy(core->instance + n, "0", 2);
	}
	core->generation = parse_u32(argc > ATXF_DRIVER_ARG_GENERATION ?
				     argv[ATXF_DRIVER_ARG_GENERATION] : NULL, 0);
}
