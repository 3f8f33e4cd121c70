/*
 * The devices of one driver process (atxf_device_add): the first is the
 * one atxf_driver_run() starts from the manifest; each added one (an AHCI
 * port, an NVMe namespace, a partition) has its own instance name, class,
 * callbacks, service port and framework state, and shares the process and
 * its resources. The loop (run.c) receives on all their ports at once
 * (SYS_IPC_RECV_ANY) and serves each message as its device's. A fixed
 * table, like the rest of the framework: no malloc.
 */
#include <string.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "core.h"

static struct atxf_driver_core cores[ATXF_DRIVER_MAX_DEVICES];
static struct atxf_device devices[ATXF_DRIVER_MAX_DEVICES];
static unsigned ndevices;

struct atxf_device *atxf__device_first(const struct atxf_driver *driver,
				       const struct atxf_manifest *m)
{
	atxf__device_init(&devices[0], &cores[0], driver, m);
	ndevices = 1;
	return &devices[0];
}

unsigned atxf__device_count(void)
{
	return ndevices;
}

struct atxf_device *atxf__device_at(unsigned i)
{
	return i < ndevices ? &devices[i] : NULL;
}

/* Why an added device cannot have this name, or NULL. */
static const char *name_fault(const char *instance)
{
	size_t n = instance ? strlen(instance) : 0;

	if (n == 0 || n >= ATXF_DRIVER_INSTANCE_MAX)
		return "an instance name of 1..31 bytes";
	for (unsigned i = 0; i < ndevices; i++)
		if (!strcmp(devices[i].instance, instance))
			return "a name no other device of this driver has";
	return NULL;
}

static const char *add_fault(const struct atxf_device *parent, const struct atxf_driver *ops,
			     unsigned device_class, const char *instance)
{
	if (!parent || parent->core != &cores[0] || !ops)
		return "the driver's first device as parent, and callbacks";
	if (device_class == ATXF_CLASS_NONE)
		return "a device class";
	if (ndevices == ATXF_DRIVER_MAX_DEVICES)
		return "room: 8 devices per driver at most";
	return name_fault(instance);
}

struct atxf_device *atxf_device_add(struct atxf_device *parent, const struct atxf_driver *ops,
				    unsigned device_class, const char *instance)
{
	const char *why = add_fault(parent, ops, device_class, instance);
	struct atxf_device *dev = &devices[ndevices];
	struct atxf_driver_core *core = &cores[ndevices];
	int err;

	if (why) {
		atxf_device_log(parent ? parent : &devices[0], "atxf_device_add(\"%s\") refused: "
				"it needs %s", instance ? instance : "(null)", why);
		return NULL;
	}
	atxf__device_init(dev, core, ops, parent->manifest);
	dev->parent = parent;
	core->device_class = (uint16_t)device_class;
	core->generation = parent->core->generation;
	core->control_pid = parent->core->control_pid;
	memcpy(core->instance, instance, strlen(instance) + 1);
	core->port = atxf_port_create();
	if (core->port < 0) {
		atxf_device_log(parent, "atxf_device_add(\"%s\"): no port: %s", instance,
				atxf_strerror(core->port));
		return NULL;
	}
	err = atxf_name_register(instance, core->port);
	if (err < 0) {
		atxf_device_log(parent, "atxf_device_add(\"%s\"): not registered: %s", instance,
				atxf_strerror(err));
		atxf_port_close(core->port);
		return NULL;
	}
	core->state = ATXF_DRIVER_RUNNING;
	atxf__timer_start(dev);
	ndevices++;
	return dev;
}

/* The first device stops: its added devices end first, children before parent. */
void atxf__children_stop(struct atxf_device *first)
{
	if (first != &devices[0])
		return;         /* a host test's device, or an added one */
	for (unsigned i = ndevices; i-- > 1;) {
		struct atxf_device *dev = &devices[i];

		dev->core->state = ATXF_DRIVER_STOPPING;
		atxf__requests_cancel(dev, 0, -ATXF_ENODEV);
		atxf__rings_flush(dev);
		if (dev->driver->remove)
			dev->driver->remove(dev);
		atxf_name_unregister(dev->instance);
	}
}
