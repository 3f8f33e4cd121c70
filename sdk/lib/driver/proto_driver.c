/*
 * The driver protocol's requests (<atxf/proto/driver.h>): PING, answered
 * from the framework's counters, and STOP, honoured only from devmgr.
 * HELLO, the other direction, is in announce.c.
 */
#include "core.h"

static int ping(struct atxf_device *dev, struct atxf_msg *reply)
{
	const struct atxf_driver_core *core = dev->core;
	struct atxf_driver_status st = {
		.state = core->state,
		.generation = core->generation,
		.device_class = (uint16_t)atxf_device_class(dev),
		.subscribers = (uint16_t)atxf__subscriber_count(dev),
		.queued = core->queue.count,
		.requests = core->count.requests,
		.errors = core->count.errors,
		.irqs = core->count.irqs,
		.events = core->count.events,
		.dropped = core->count.dropped,
	};

	atxf__reply_put(reply, &st, sizeof(st));
	return 0;
}

/*
 * The kernel fills in sender, so a client cannot pass itself off as devmgr.
 * Without a HELLO answered, nobody may stop the driver by message; devmgr
 * can still kill the process.
 */
static int stop(struct atxf_device *dev, const struct atxf_msg *req)
{
	struct atxf_driver_core *core = dev->core;

	if (core->control_pid == 0 || req->sender != core->control_pid)
		return -ATXF_EPERM;
	if (core->state != ATXF_DRIVER_STOPPING) {
		core->state = ATXF_DRIVER_STOPPING;
		if (dev->driver->remove)
			dev->driver->remove(dev);
	}
	return 0;
}

int atxf__driver_proto(struct atxf_device *dev, const struct atxf_msg *req,
		       struct atxf_msg *reply)
{
	switch (req->type) {
	case ATXF_DRIVER_PING:
		return ping(dev, reply);
	case ATXF_DRIVER_STOP:
		return stop(dev, req);
	}
	return -ATXF_ENOSYS;
}
