/*
 * The driver protocol's requests (<atxf/proto/driver.h>): PING, answered
 * from the framework's counters (devmgr's heartbeat PING with ALIVE to
 * devmgr), and STOP, honoured only from devmgr. HELLO, the other
 * direction, is in announce.c.
 */
#include <atxf/port.h>
#include <atxf/proc.h>
#include "core.h"

/* devmgr's heartbeat: a PING sent, not called, so devmgr never waits on us. */
static void heartbeat(const struct atxf_device *dev, const struct atxf_msg *req,
		      const struct atxf_msg *reply)
{
	struct atxf_msg alive;

	if (req->reply || dev->core->control_pid == 0 || req->sender != dev->core->control_pid)
		return;
	alive = *reply;
	alive.type = ATXF_DRIVER_ALIVE;
	atxf_send(ATXF_HANDLE_PARENT, &alive, ATXF_IPC_NONBLOCK);
}

static int ping(struct atxf_device *dev, const struct atxf_msg *req, struct atxf_msg *reply)
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
	heartbeat(dev, req, reply);
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
		atxf__children_stop(dev);
		/* The device is still up: .cancel may abort its commands. */
		atxf__requests_cancel(dev, 0, -ATXF_ENODEV);
		atxf__rings_flush(dev);
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
		return ping(dev, req, reply);
	case ATXF_DRIVER_STOP:
		return stop(dev, req);
	}
	return -ATXF_ENOSYS;
}
