/*
 * dt-child.atxf: the child test driver of the devtree scenarios
 * (tests/qemu/scenarios_devtree.py), built on the driver framework. Its
 * manifest matches any node with the property interface=dt-test and asks
 * for the parent resource: a send right to the port its parent driver
 * offered. In probe it sends its instance name through that port (a
 * private DT_UP message; dt-bus waits for it) and logs
 * "dt-child: INSTANCE up, told its parent". On a node named hub (an
 * instance ending in "/hub") it is a bus driver itself: it offers a port of its
 * own and adds two children, leaf0 and leaf1, which run dt-child too and
 * say they are up to it; its timer logs "dt-child: INSTANCE heard from
 * CHILD" (and reads them once more when it stops, after its children).
 * Stopped, it logs "dt-child: INSTANCE stopping".
 */
#include <stdio.h>
#include <string.h>
#include <atxf/driver.h>
#include <atxf/driver/children.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/sys.h>

#define DT_UP ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)

ATXF_DRIVER_MANIFEST(
	.name = "dt-child",
	.device_class = ATXF_CLASS_BUS,
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_PROP("interface=dt-test") },
	.resources = { ATXF_RESOURCE_PARENT() });

static atxf_handle_t own_port = ATXF_HANDLE_NONE;  /* a hub's, for its children */

static int tell_parent(struct atxf_device *dev)
{
	const struct atxf_resource_grant *g = atxf_device_resource(dev, ATXF_RES_PARENT, 0);
	struct atxf_msg m;

	if (!g || g->handle < 0)
		return -ATXF_EPERM;
	atxf_msg_init(&m, DT_UP);
	atxf_msg_put(&m, dev->instance, strlen(dev->instance));
	return atxf_send(g->handle, &m, ATXF_IPC_NONBLOCK);
}

static int is_hub(const struct atxf_device *dev)
{
	size_t n = strlen(dev->instance);

	return n > 4 && !strcmp(dev->instance + n - 4, "/hub");
}

static int add_leaves(struct atxf_device *dev)
{
	static const char *const leaf0[] = { "name=leaf0", "interface=dt-test", NULL };
	static const char *const leaf1[] = { "name=leaf1", "interface=dt-test", NULL };
	long a, b;

	own_port = atxf_port_create();
	if (own_port < 0)
		return own_port;
	a = atxf_child_add(leaf0, own_port);
	b = a < 0 ? a : atxf_child_add(leaf1, own_port);
	if (b < 0) {
		atxf_log("dt-child: %s: adding a leaf failed: %s\n", dev->instance,
			 atxf_strerror((int)b));
		return (int)b;
	}
	atxf_log("dt-child: %s added nodes %ld and %ld\n", dev->instance, a, b);
	return 0;
}

static int dtc_probe(struct atxf_device *dev)
{
	int err = tell_parent(dev);

	if (err < 0) {
		atxf_log("dt-child: %s: no parent port to talk to: %s\n", dev->instance,
			 atxf_strerror(err));
		return err;
	}
	atxf_log("dt-child: %s up, told its parent\n", dev->instance);
	return is_hub(dev) ? add_leaves(dev) : 0;
}

/* A hub reads what its children sent it. */
static void dtc_timer(struct atxf_device *dev)
{
	struct atxf_msg m;

	while (own_port >= 0 && atxf_recv(own_port, &m, 0) == 0)
		if (m.type == DT_UP)
			atxf_log("dt-child: %s heard from %.*s\n", dev->instance, (int)m.len,
				 (const char *)m.data);
}

/* devmgr stops a hub's children first: what they sent is all here by now. */
static void dtc_remove(struct atxf_device *dev)
{
	dtc_timer(dev);
	atxf_log("dt-child: %s stopping\n", dev->instance);
}

static const struct atxf_driver ops = {
	.name = "dt-child",
	.probe = dtc_probe,
	.timer = dtc_timer,
	.timer_ms = 20,
	.remove = dtc_remove,
};

int main(void)
{
	return atxf_driver_run(&ops);
}
