/*
 * Making the device known once probe is done: its instance name with the
 * name service, then HELLO to devmgr with a send right to the service port
 * (<atxf/proto/driver.h>). devmgr's reply tells the driver who devmgr is,
 * the only process whose STOP it will honour.
 */
#include <string.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/proto/name.h>
#include <atxf/sys.h>
#include "core.h"

/*
 * An instance devmgr named (DRIVER.DEVICE) is published by devmgr, for
 * this process, once HELLO is answered: the name service takes such names
 * from devmgr alone, so no other process can pose as this driver. A driver
 * started by hand ("com2", "rng0") registers itself. The name service
 * replaces a dead registration and refuses a live one: a second instance
 * of the same name must not serve.
 */
int atxf__register(struct atxf_device *dev)
{
	int err;

	if (atxf_name_is_instance(dev->instance, strlen(dev->instance)))
		return 0;
	err = atxf_name_register(dev->instance, dev->core->port);

	if (err == -ATXF_EEXIST) {
		atxf_device_log(dev, "another driver serves this name; exiting");
		return err;
	}
	if (err < 0)
		atxf_device_log(dev, "not registered with the name service (%s); "
				"reachable through devmgr only", atxf_strerror(err));
	return 0;
}

/* A send-only right to the service port, to give away. */
static atxf_handle_t send_right(atxf_handle_t port)
{
	struct atxf_cap_info ci;

	if (atxf_cap_query(port, &ci) < 0)
		return ATXF_HANDLE_NONE;
	return atxf_cap_derive(port, ci.base, ci.size, ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT);
}

static void hello_fill(const struct atxf_device *dev, int status, struct atxf_msg *msg)
{
	const struct atxf_start_info *si = atxf_start_info();
	struct atxf_driver_hello h;

	memset(&h, 0, sizeof(h));
	strncpy(h.instance, dev->instance, sizeof(h.instance) - 1);
	h.device_class = (uint16_t)atxf_device_class(dev);
	h.status = status;
	h.generation = dev->core->generation;
	h.pid = si ? si->pid : 0;
	memset(msg, 0, sizeof(*msg));
	msg->type = ATXF_DRIVER_HELLO;
	memcpy(msg->data, &h, sizeof(h));
	msg->len = sizeof(h);
}

/*
 * Returns devmgr's verdict (0: serve), or 0 when there is no devmgr to ask
 * (started by hand, or devmgr did not answer in time): the driver serves
 * anyway, and nobody may STOP it by message.
 */
int atxf__announce(struct atxf_device *dev, int status)
{
	struct atxf_msg req, reply;
	atxf_handle_t right = send_right(dev->core->port);
	int err;

	hello_fill(dev, status, &req);
	req.caps[0] = right;
	req.ncaps = 1;
	memset(&reply, 0, sizeof(reply));
	err = atxf_call(ATXF_HANDLE_PARENT, &req, &reply, ATXF_DRIVER_HELLO_TIMEOUT_NS);
	/* Ours was copied, not moved: drop it (harmless if the kernel moved it). */
	if (right >= 0)
		atxf_cap_drop(right);
	/* The kernel sets sender on a reply that came: from devmgr, not a failure. */
	if (reply.sender == 0) {
		if (err != -ATXF_EBADH)
			atxf_device_log(dev, "devmgr did not answer HELLO (%s)", atxf_strerror(err));
		if (atxf_name_is_instance(dev->instance, strlen(dev->instance)))
			atxf_device_log(dev, "not registered: only devmgr publishes "
					"DRIVER.DEVICE names");
		return 0;
	}
	dev->core->control_pid = reply.sender;
	if (err < 0)
		atxf_device_log(dev, "devmgr refused HELLO: %s", atxf_strerror(err));
	return err;
}
