/*
 * atxf_driver_run(): the driver's whole life. Start (argv, service port,
 * resources, probe, name, HELLO), then the loop: for each of its devices
 * (devices.c) serve what waited, run the timers, publish ring completions;
 * then receive one message on any device's port, hand it to .irq or to
 * that device's dispatch; until devmgr says STOP.
 */
#include <atxf/hw.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/sys.h>
#include "core.h"

/*
 * ATXF_DRIVER_MANIFEST defines it in the driver; weak, so that a program
 * without one (a service using the loop) still links, with NULL here.
 */
extern const struct atxf_manifest atxf_driver_manifest __attribute__((weak));

static void find_resources(struct atxf_device *dev)
{
	const struct atxf_start_info *si = atxf_start_info();
	unsigned ncaps = si ? si->ncaps : 0;

	atxf__grants_from_manifest(dev, ATXF_HANDLE_FIRST_EXTRA,
				   ncaps > ATXF_HANDLE_FIRST_EXTRA ? ncaps - ATXF_HANDLE_FIRST_EXTRA : 0);
}

static int probe(struct atxf_device *dev)
{
	int err = dev->driver->probe ? dev->driver->probe(dev) : 0;

	if (err)
		atxf_device_log(dev, "probe failed: %s", atxf_strerror(err));
	atxf__ack_owed(dev);
	return err;
}

static int start(struct atxf_device *dev)
{
	const struct atxf_start_info *si = atxf_start_info();
	struct atxf_driver_core *core = dev->core;
	int err;

	atxf__name_instance(dev, si ? (int)si->argc : 0,
			    si ? (char *const *)(uintptr_t)si->argv : NULL);
	if (!dev->manifest)
		atxf_device_log(dev, "no manifest in memory: no resources, driver protocol only");
	core->port = atxf_port_create();
	if (core->port < 0)
		return core->port;
	/* A caller that gives up on a deferred request: .cancel hears of it. */
	atxf_call_watch(core->port, 1ull << ATXF_DRIVER_CALL_GONE_BIT);
	find_resources(dev);
	err = atxf__grants_setup(dev);
	if (!err)
		err = probe(dev);
	if (!err)
		err = atxf__register(dev);
	if (err) {
		/* devmgr hears of a failed start too, with the reason. */
		atxf__announce(dev, err < 0 ? err : -ATXF_EIO);
		return err;
	}
	return atxf__announce(dev, 0);
}

/* How long the loop may sleep: until the first device's next due time. */
static uint64_t wait_ns(void)
{
	uint64_t wait = ATXF_TIMEOUT_FOREVER;

	for (unsigned i = 0; i < atxf__device_count(); i++) {
		uint64_t w = atxf__timer_wait_ns(atxf__device_at(i));

		wait = w < wait ? w : wait;
	}
	return wait;
}

/* One message off any device's port: which device, or -ATXF_E*. */
static int receive(struct atxf_msg *msg)
{
	atxf_handle_t ports[ATXF_DRIVER_MAX_DEVICES];
	unsigned n = atxf__device_count();

	/* One device: the plain receive, as before there were several. */
	if (n == 1) {
		int err = atxf_recv(atxf__device_at(0)->core->port, msg, wait_ns());

		return err < 0 ? err : 0;
	}
	for (unsigned i = 0; i < n; i++)
		ports[i] = atxf__device_at(i)->core->port;
	return atxf_recv_any(ports, n, msg, wait_ns());
}

/* One message: an interrupt, or a request, for the device it came to. */
static int receive_one(void)
{
	struct atxf_device *dev;
	struct atxf_msg msg;
	uint64_t bits;
	int err = receive(&msg);

	if (err == -ATXF_ETIMEDOUT || err == -ATXF_EAGAIN)
		return 0;       /* the timer is due */
	if (err < 0)
		return err;
	dev = atxf__device_at((unsigned)err);
	if (msg.type == ATXF_MSG_NOTIFY) {
		memcpy(&bits, msg.data, sizeof(bits));
		atxf__notified(dev, bits);
	} else {
		atxf__serve(dev, &msg);
	}
	/* Completions of this turn go out together, one signal per ring. */
	atxf__rings_flush(dev);
	return 0;
}

/* A device's turn before the loop sleeps: 1 if it served a held request. */
static int device_turn(struct atxf_device *dev)
{
	struct atxf_msg held;

	if (atxf__queue_pop(dev, &held) == 0) {
		atxf__serve(dev, &held);
		return 1;
	}
	atxf__timer_check(dev);
	atxf__requests_expire(dev);
	atxf__rings_flush(dev);
	atxf__backlog_poll(dev);
	return 0;
}

static int loop(struct atxf_device *dev)
{
	struct atxf_driver_core *core = dev->core;

	atxf__timer_start(dev);
	while (core->state != ATXF_DRIVER_STOPPING) {
		unsigned served = 0;
		int err;

		for (unsigned i = 0; i < atxf__device_count(); i++)
			served += (unsigned)device_turn(atxf__device_at(i));
		if (served || core->state == ATXF_DRIVER_STOPPING)
			continue;
		err = receive_one();
		if (err < 0) {
			/* Only a broken service port ends up here: nothing can reach us. */
			atxf_device_log(dev, "receive failed: %s", atxf_strerror(err));
			return err;
		}
	}
	return 0;
}

/* An exit status devmgr can print with atxf_strerror(). */
static int exit_status(int err)
{
	return err < 0 ? -err : err;
}

int atxf_driver_run(const struct atxf_driver *driver)
{
	struct atxf_device *dev = atxf__device_first(driver, &atxf_driver_manifest);
	int err;

	err = start(dev);
	if (err)
		return exit_status(err);
	dev->core->state = ATXF_DRIVER_RUNNING;
	err = loop(dev);
	if (err)
		return exit_status(err);
	/* Stopped by devmgr: clients must not find a dead port under our name.
	 * Without a name service (devmgr as the first process) handle 1 was
	 * free, and our own port took it: nobody would answer that call. */
	if (dev->core->port != ATXF_HANDLE_NAMESERVICE)
		atxf_name_unregister(dev->instance);
	return 0;
}
