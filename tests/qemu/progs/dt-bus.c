/*
 * dt-bus.atxf: a test bus driver for the devtree scenarios
 * (tests/qemu/scenarios_devtree.py). devmgr starts it on COM1 (matched by
 * two properties, bus=legacy and name=COM1); it adds and removes child
 * nodes while the system runs and follows devmgr's event stream to see
 * the child drivers (dt-child.atxf) start and go. It prints, in order:
 *
 *   "dt-bus: a child under NODE (node N): EPERM refused ok"   not its node
 *   "dt-bus: removing NODE (node N): EPERM refused ok"        not its child
 *   "dt-bus: a child without a name: EINVAL refused ok"
 *   "dt-bus: hub up: 3 drivers running"    hub and its two leaves
 *   "dt-bus: hub removed: COM1/hub/leaf0 COM1/hub/leaf1 COM1/hub"
 *                                          DEVICE_REMOVED order: children first
 *   "dt-bus: measure before: frames F tables T heap B+P ports P devmgr handles H
 *    nodes N instances I"
 *   "dt-bus: 200 add/remove cycles done"
 *   "dt-bus: measure after: ..."   the same figures
 *   "dt-bus: leak check ok"                or "dt-bus: FAIL leak: ..."
 *
 * Each cycle adds COM1/cyc, waits until its dt-child driver runs and sends
 * its "up" message through its parent port, removes the node and waits
 * until the driver is gone. The measure is taken after 5 warm-up cycles
 * (SYS_KERNEL_COUNTS and devmgr's STATS), and the check fails if free
 * frames went down by more than the kernel-half page tables the kernel
 * made meanwhile (kept for good: KVA addresses are never reused, so each
 * new 2 MiB of kernel stacks takes a table), or kernel heap blocks or
 * pages, live ports, devmgr's handles, nodes or instances went up. Anything unexpected prints
 * "dt-bus: FAIL ..." and exits 1; it exits 0 when done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/driver/children.h>
#include <atxf/log.h>
#include <atxf/manifest.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/proto/driver.h>
#include <atxf/sys.h>

ATXF_DRIVER_MANIFEST(
	.name = "dt-bus",
	.device_class = ATXF_CLASS_BUS,
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_PROP_AND("bus=legacy"), ATXF_MATCH_PROP("name=COM1") });

#define DT_UP      ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)  /* dt-child -> its parent */
#define EVENT_BIT  (1ull << 5)
#define WAIT_NS    10000000000ull   /* one step of a cycle, on a loaded TCG machine */
#define CALL_NS    5000000000ull
#define CYCLES     200
#define WARMUP     5
#define TRACKED    8
#define GONE       6                /* struct devmgr_driver's state "gone" */

struct bus {
	atxf_handle_t port;         /* its service port: PINGs, events, children's UP */
	uint32_t next_event;
	struct {                    /* instances seen on the event stream */
		char name[DEVMGR_NAME_MAX];
		uint8_t state;
	} seen[TRACKED];
	char removed[256];          /* names of removed nodes, in event order */
	char up[DEVMGR_NAME_MAX];   /* the last child that said it is up */
};

static struct bus bus;

static _Noreturn void fail(const char *what, int err)
{
	atxf_log("dt-bus: FAIL %s: %s\n", what, err ? atxf_strerror(err) : "wrong answer");
	atxf_exit(1);
}

static int call(uint32_t type, const void *data, uint32_t len, struct atxf_msg *reply)
{
	struct atxf_msg req;
	int err;

	atxf_msg_init(&req, type);
	atxf_msg_put(&req, data, len);
	err = atxf_call(ATXF_HANDLE_PARENT, &req, reply, CALL_NS);
	return err < 0 ? err : (int)reply->type;
}

static void note_driver(const struct devmgr_event *ev)
{
	unsigned free_slot = TRACKED;

	for (unsigned i = 0; i < TRACKED; i++) {
		if (!strncmp(bus.seen[i].name, ev->instance, DEVMGR_NAME_MAX)) {
			bus.seen[i].state = ev->state;
			return;
		}
		if (free_slot == TRACKED && (!bus.seen[i].name[0] || bus.seen[i].state == GONE))
			free_slot = i;
	}
	if (free_slot == TRACKED)
		fail("more instances than it tracks", 0);
	memcpy(bus.seen[free_slot].name, ev->instance, DEVMGR_NAME_MAX);
	bus.seen[free_slot].state = ev->state;
}

/* Reads the event stream up to its end. */
static void read_events(void)
{
	struct atxf_msg reply;
	struct devmgr_event ev;
	int err;

	while ((err = call(DEVMGR_EVENT, &bus.next_event, 4, &reply)) == 0) {
		memcpy(&ev, reply.data, sizeof(ev));
		ev.instance[DEVMGR_NAME_MAX - 1] = '\0';
		bus.next_event++;
		if (ev.kind == DEVMGR_EV_DRIVER)
			note_driver(&ev);
		if (ev.kind == DEVMGR_EV_DEVICE_REMOVED &&
		    strlen(bus.removed) + strlen(ev.instance) + 2 < sizeof(bus.removed)) {
			strcat(bus.removed, " ");
			strcat(bus.removed, ev.instance);
		}
	}
	if (err != -ATXF_EAGAIN)
		fail("reading devmgr's events", err);
}

/* Answers devmgr's heartbeat: a PING is answered with ALIVE on handle 0. */
static void alive(void)
{
	struct atxf_driver_status st = { .state = ATXF_DRIVER_RUNNING };
	struct atxf_msg m;

	atxf_msg_init(&m, ATXF_DRIVER_ALIVE);
	atxf_msg_put(&m, &st, sizeof(st));
	atxf_send(ATXF_HANDLE_PARENT, &m, ATXF_IPC_NONBLOCK);
}

static void handle(const struct atxf_msg *m)
{
	struct atxf_msg reply;

	if (m->type == ATXF_MSG_NOTIFY) {
		read_events();
	} else if (m->type == ATXF_DRIVER_PING) {
		alive();
	} else if (m->type == DT_UP) {
		snprintf(bus.up, sizeof(bus.up), "%.*s", (int)m->len, (const char *)m->data);
	} else if (m->type == ATXF_DRIVER_STOP) {
		memset(&reply, 0, sizeof(reply));
		if (m->reply)
			atxf_reply(m, &reply);
		atxf_log("dt-bus: stopped by devmgr\n");
		atxf_exit(0);
	}
	for (uint32_t i = 0; i < m->ncaps; i++)
		if (m->caps[i] >= 0)
			atxf_cap_drop(m->caps[i]);
}

/* Serves its port until done() holds; fails after WAIT_NS. */
static void wait_until(int (*done)(const void *), const void *arg, const char *what)
{
	uint64_t deadline = atxf_clock_ns() + WAIT_NS;
	struct atxf_msg m;

	while (!done(arg)) {
		uint64_t now = atxf_clock_ns();
		int err;

		if (now >= deadline)
			fail(what, -ATXF_ETIMEDOUT);
		err = atxf_recv(bus.port, &m, deadline - now);
		if (err == 0)
			handle(&m);
		else if (err != -ATXF_ETIMEDOUT)
			fail(what, err);
	}
}

static int state_of(const char *instance)
{
	for (unsigned i = 0; i < TRACKED; i++)
		if (!strncmp(bus.seen[i].name, instance, DEVMGR_NAME_MAX))
			return bus.seen[i].state;
	return 0;
}

static int running(const void *instance)
{
	return state_of(instance) == 2;
}

static int gone(const void *instance)
{
	return state_of(instance) == GONE;
}

static int said_up(const void *instance)
{
	return !strncmp(bus.up, instance, sizeof(bus.up));
}

/* HELLO with its port, then a watch on devmgr's events. */
static void start(const char *instance, uint32_t generation)
{
	struct atxf_driver_hello h = { .generation = generation, .pid = atxf_start_info()->pid };
	struct atxf_msg req, reply;
	uint64_t bits = EVENT_BIT;
	int err;

	bus.port = atxf_port_create();
	snprintf(h.instance, sizeof(h.instance), "%s", instance);
	h.device_class = ATXF_CLASS_BUS;
	atxf_msg_init(&req, ATXF_DRIVER_HELLO);
	atxf_msg_put(&req, &h, sizeof(h));
	atxf_msg_put_cap(&req, atxf_port_send_right(bus.port));
	err = atxf_call(ATXF_HANDLE_PARENT, &req, &reply, CALL_NS);
	if (err < 0 || reply.type)
		fail("HELLO", err < 0 ? err : (int)reply.type);
	atxf_msg_init(&req, DEVMGR_WATCH);
	atxf_msg_put(&req, &bits, sizeof(bits));
	atxf_msg_put_cap(&req, atxf_port_send_right(bus.port));
	err = atxf_call(ATXF_HANDLE_PARENT, &req, &reply, CALL_NS);
	if (err < 0 || reply.type)
		fail("WATCH", err < 0 ? err : (int)reply.type);
	memcpy(&bus.next_event, reply.data, sizeof(bus.next_event));
}

/* The DEVICE record named name. */
static void find_device(const char *name, struct devmgr_device *out)
{
	struct atxf_msg reply;

	for (uint32_t i = 0; call(DEVMGR_DEVICE, &i, 4, &reply) == 0; i++) {
		memcpy(out, reply.data, sizeof(*out));
		if (!strncmp(out->name, name, sizeof(out->name)))
			return;
	}
	fail("finding a device", -ATXF_ENOENT);
}

static void expect(const char *what, long got, int want)
{
	if (got != want)
		fail(what, got < 0 ? (int)got : 0);
}

/* What devmgr refuses: a node under another's node, removing one it did
 * not add, a child without a name. */
static void refusals(void)
{
	static const char *const props[] = { "name=intruder", "interface=dt-test", NULL };
	static const char *const nameless[] = { "interface=dt-test", NULL };
	struct devmgr_device kbd;

	find_device("i8042", &kbd);
	expect("a child under i8042", atxf_child_add_under(kbd.node, props, ATXF_HANDLE_NONE),
	       -ATXF_EPERM);
	atxf_log("dt-bus: a child under i8042 (node %u): EPERM refused ok\n", (unsigned)kbd.node);
	expect("removing i8042", atxf_child_remove(kbd.node), -ATXF_EPERM);
	atxf_log("dt-bus: removing i8042 (node %u): EPERM refused ok\n", (unsigned)kbd.node);
	expect("a nameless child", atxf_child_add(nameless, bus.port), -ATXF_EINVAL);
	atxf_log("dt-bus: a child without a name: EINVAL refused ok\n");
}

/* A hub whose driver adds two leaves; removing the hub takes them first. */
static void subtree(void)
{
	static const char *const props[] = { "name=hub", "interface=dt-test", "role=hub", NULL };
	static const char *const inst[] = { "dt-child.com1/hub", "dt-child.com1/hub/leaf0",
					    "dt-child.com1/hub/leaf1" };
	long hub = atxf_child_add(props, bus.port);

	if (hub < 0)
		fail("adding the hub", (int)hub);
	for (unsigned i = 0; i < 3; i++)
		wait_until(running, inst[i], "a hub driver running");
	atxf_log("dt-bus: hub up: 3 drivers running\n");
	bus.removed[0] = '\0';
	expect("removing the hub", atxf_child_remove((uint32_t)hub), 0);
	for (unsigned i = 0; i < 3; i++)
		wait_until(gone, inst[i], "a hub driver gone");
	atxf_log("dt-bus: hub removed:%s\n", bus.removed);
}

struct measure {
	struct atxf_kernel_counts k;
	struct devmgr_stats dm;
};

static void measure(struct measure *m, const char *when)
{
	struct atxf_msg reply;
	int err = atxf_kernel_counts(&m->k);

	if (err < 0)
		fail("SYS_KERNEL_COUNTS", err);
	err = call(DEVMGR_STATS, NULL, 0, &reply);
	if (err < 0)
		fail("STATS", err);
	memcpy(&m->dm, reply.data, sizeof(m->dm));
	atxf_log("dt-bus: measure %s: frames %llu tables %u heap %u+%u ports %u devmgr handles "
		 "%u nodes %u instances %u\n", when, (unsigned long long)m->k.frames_free,
		 m->k.kernel_tables, m->k.heap_blocks, m->k.heap_pages, m->k.ports, m->dm.handles,
		 m->dm.nodes, m->dm.instances);
}

static void cycle(void)
{
	static const char *const props[] = { "name=cyc", "interface=dt-test", NULL };
	static const char inst[] = "dt-child.com1/cyc";
	long node = atxf_child_add(props, bus.port);

	if (node < 0)
		fail("adding a child", (int)node);
	bus.up[0] = '\0';
	wait_until(said_up, inst, "the child saying it is up");
	wait_until(running, inst, "the child running");
	expect("removing the child", atxf_child_remove((uint32_t)node), 0);
	wait_until(gone, inst, "the child gone");
}

static void leak_check(void)
{
	struct measure before, after;

	for (unsigned i = 0; i < WARMUP; i++)
		cycle();
	measure(&before, "before");
	for (unsigned i = 0; i < CYCLES; i++)
		cycle();
	atxf_log("dt-bus: %u add/remove cycles done\n", CYCLES);
	measure(&after, "after");
	/* The kernel keeps the page tables of its fresh stack addresses for
	 * good (tables): what they took is no leak of the workload's. */
	if (after.k.frames_free + after.k.kernel_tables <
	    before.k.frames_free + before.k.kernel_tables ||
	    after.k.heap_blocks > before.k.heap_blocks ||
	    after.k.heap_pages > before.k.heap_pages || after.k.ports > before.k.ports ||
	    after.dm.handles > before.dm.handles || after.dm.nodes > before.dm.nodes ||
	    after.dm.instances > before.dm.instances)
		fail("leak: a count grew", 0);
	atxf_log("dt-bus: leak check ok\n");
}

int main(int argc, char **argv)
{
	if (argc < 3)
		fail("started without an instance and generation", -ATXF_EINVAL);
	start(argv[1], (uint32_t)atoi(argv[2]));
	refusals();
	subtree();
	leak_check();
	return 0;
}
