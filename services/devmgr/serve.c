/*
 * Requests to devmgr: drivers' HELLO (<atxf/proto/driver.h>) and the
 * devmgr protocol (<atxf/proto/devmgr.h>). Each is answered once; a malformed one
 * gets -ATXF_EINVAL and changes nothing (rule 9).
 */
#include <string.h>
#include <atxf/port.h>
#include <atxf/proto/driver.h>
#include <atxf/sys.h>
#include "devmgr.h"
#include "hotplug.h"
#include "disks.h"
#include "driver_wait.h"
#include "naming.h"
#include "props.h"
#include <atxf/proto/devmgr.h>

void dm_answer(const struct atxf_msg *req, int status, const void *data, uint32_t len)
{
	struct atxf_msg reply;

	memset(&reply, 0, sizeof(reply));
	reply.type = (uint32_t)status;
	reply.len = len;
	if (len)
		memcpy(reply.data, data, len);
	if (req->reply)
		atxf_reply(req, &reply);
}

static int hello(struct devmgr *dm, const struct atxf_msg *req)
{
	struct atxf_driver_hello h;
	atxf_handle_t service = req->ncaps ? req->caps[0] : ATXF_HANDLE_NONE;
	int status;

	if (req->len != sizeof(h)) {
		if (service >= 0)
			atxf_cap_drop(service);
		return -ATXF_EINVAL;
	}
	memcpy(&h, req->data, sizeof(h));
	status = dm_hello(&dm->sup, req->sender, &h, service);
	if (status < 0 && service >= 0)
		atxf_cap_drop(service);
	return status;
}

static int index_of(const struct atxf_msg *req, uint32_t *index)
{
	if (req->len != sizeof(*index))
		return -ATXF_EINVAL;
	memcpy(index, req->data, sizeof(*index));
	return 0;
}

static void device_info(struct devmgr *dm, const struct atxf_msg *req)
{
	struct devmgr_device out;
	const struct dm_device *d;
	uint32_t i;

	if (index_of(req, &i) < 0 || !(d = dm_node_at(&dm->devices, i))) {
		dm_answer(req, req->len == sizeof(i) ? -ATXF_ENOENT : -ATXF_EINVAL, NULL, 0);
		return;
	}
	memset(&out, 0, sizeof(out));
	memcpy(out.name, d->name, sizeof(out.name));
	out.bus = d->bus;
	out.present = d->present;
	out.vendor = d->pci.vendor;
	out.device = d->pci.device;
	out.class_code = d->pci.class_code;
	out.subclass = d->pci.subclass;
	out.prog_if = d->pci.prog_if;
	out.node = d->id;
	out.parent = d->parent;
	dm_answer(req, 0, &out, sizeof(out));
}

void dm_driver_describe(const struct devmgr *dm, const struct dm_instance *in,
			struct devmgr_driver *out)
{
	memset(out, 0, sizeof(*out));
	memcpy(out->instance, in->instance, sizeof(out->instance));
	out->driver_len = (uint8_t)strnlen(in->drv->manifest.name, ATXF_MANIFEST_NAME_MAX);
	out->device = in->dev ? (uint16_t)dm_node_index(&dm->devices, in->dev) : 0xffff;
	out->state = in->state;
	out->device_class = in->drv->manifest.device_class;
	out->pid = in->pid;
	out->generation = in->generation;
	out->restarts = in->restarts;
}

static void driver_info(struct devmgr *dm, const struct atxf_msg *req)
{
	struct devmgr_driver out;
	const struct dm_instance *in;
	uint32_t i;

	if (index_of(req, &i) < 0 || !(in = dm_instance_at(&dm->sup, i))) {
		dm_answer(req, req->len == sizeof(i) ? -ATXF_ENOENT : -ATXF_EINVAL, NULL, 0);
		return;
	}
	dm_driver_describe(dm, in, &out);
	dm_answer(req, 0, &out, sizeof(out));
}

/* START, STOP, RESTART: the data is an instance name, NUL-terminated. */
static int control(struct devmgr *dm, const struct atxf_msg *req)
{
	struct dm_instance *in;

	if (!req->len || req->len > DEVMGR_NAME_MAX || req->data[req->len - 1] != '\0')
		return -ATXF_EINVAL;
	in = dm_instance_find(&dm->sup, (const char *)req->data);
	if (!in)
		return -ATXF_ENOENT;
	if (req->type == DEVMGR_START)
		return dm_start(&dm->sup, in);
	if (req->type == DEVMGR_STOP)
		return dm_stop(&dm->sup, in);
	return dm_restart(&dm->sup, in);
}

static int kill_driver(struct devmgr *dm, const struct atxf_msg *req)
{
	uint32_t pid;

	if (index_of(req, &pid) < 0)
		return -ATXF_EINVAL;
	return dm_kill(&dm->sup, pid);
}

/* WATCH keeps the port it was sent; the reply says where the stream is. */
static void watch(struct devmgr *dm, const struct atxf_msg *req)
{
	uint64_t bits;
	int status = -ATXF_EINVAL;

	if (req->len == sizeof(bits) && req->ncaps == 1 && req->caps[0] >= 0) {
		memcpy(&bits, req->data, sizeof(bits));
		status = dm_event_watch(&dm->sup.events, req->caps[0], bits);
	}
	if (status < 0) {
		for (uint32_t i = 0; i < req->ncaps && i < ATXF_MSG_CAPS_MAX; i++)
			if (req->caps[i] >= 0)
				atxf_cap_drop(req->caps[i]);
		dm_answer(req, status, NULL, 0);
		return;
	}
	dm_answer(req, 0, &dm->sup.events.next, sizeof(dm->sup.events.next));
}

static void event(struct devmgr *dm, const struct atxf_msg *req)
{
	struct devmgr_event ev;
	uint32_t n;
	int status = index_of(req, &n);

	if (status == 0)
		status = dm_event_get(&dm->sup.events, n, &ev);
	if (status == -ATXF_ESTALE) {
		uint32_t oldest = dm->sup.events.next - DEVMGR_EVENTS_KEPT;

		dm_answer(req, status, &oldest, sizeof(oldest));
		return;
	}
	dm_answer(req, status, &ev, status == 0 ? sizeof(ev) : 0);
}

static void drop_caps(const struct atxf_msg *req)
{
	for (uint32_t i = 0; i < req->ncaps && i < ATXF_MSG_CAPS_MAX; i++)
		if (req->caps[i] >= 0)
			atxf_cap_drop(req->caps[i]);
}

/* ADD_CHILD: answered before the node is matched, so the caller knows its
 * id by the time a child driver speaks to it. */
static void add_child(struct devmgr *dm, const struct atxf_msg *req)
{
	int err;
	struct dm_device *d = dm_add_child(dm, req, &err);

	if (!d) {
		drop_caps(req);
		dm_answer(req, err, NULL, 0);
		return;
	}
	dm_answer(req, 0, &d->id, sizeof(d->id));
	dm_node_appeared(dm, d);
}

/* The handles devmgr holds: each answers SYS_CAP_QUERY. */
static uint32_t handles_held(void)
{
	struct atxf_cap_info ci;
	uint32_t n = 0;

	for (atxf_handle_t h = 0; h < ATXF_MAX_HANDLES; h++)
		n += atxf_cap_query(h, &ci) == 0;
	return n;
}

static void stats(struct devmgr *dm, const struct atxf_msg *req)
{
	struct devmgr_stats out = { 0 };

	out.nodes = dm_node_count(&dm->devices);
	out.instances = dm_instance_count(&dm->sup);
	out.handles = handles_held();
	for (unsigned i = 0; i < DEVMGR_WATCHERS_MAX; i++)
		out.watchers += dm->sup.events.watcher[i].port >= 0;
	out.next_node = dm->devices.next_id;
	dm_answer(req, req->len ? -ATXF_EINVAL : 0, &out, req->len ? 0 : sizeof(out));
}

/* PROPERTY: u32 node, u32 i -> "key=value". */
static void property(struct devmgr *dm, const struct atxf_msg *req)
{
	char list[DM_PROPS_ALL][DM_PROP_MAX];
	uint32_t arg[2];
	const struct dm_device *d;
	unsigned n;

	if (req->len != sizeof(arg)) {
		dm_answer(req, -ATXF_EINVAL, NULL, 0);
		return;
	}
	memcpy(arg, req->data, sizeof(arg));
	d = dm_node_find(&dm->devices, arg[0]);
	n = d ? dm_props_list(d, list, DM_PROPS_ALL) : 0;
	if (arg[1] >= n) {
		dm_answer(req, -ATXF_ENOENT, NULL, 0);
		return;
	}
	dm_answer(req, 0, list[arg[1]], (uint32_t)strlen(list[arg[1]]) + 1);
}

void dm_serve(struct devmgr *dm, const struct atxf_msg *req)
{
	int status;

	switch (req->type) {
	case ATXF_DRIVER_HELLO:
		status = hello(dm, req);
		/* Answered first: the driver need not wait on the name service. */
		dm_answer(req, status, NULL, 0);
		if (status == 0) {
			dm_name_publish(&dm->sup, req->sender);
			dm_disk_publish(dm, req->sender);
		}
		return;
	case DEVMGR_WATCH:
		watch(dm, req);
		return;
	case DEVMGR_ADD_CHILD:
		add_child(dm, req);
		return;
	case DEVMGR_REMOVE_CHILD:
		dm_answer(req, dm_remove_child(dm, req), NULL, 0);
		break;
	case DEVMGR_STATS:
		stats(dm, req);
		break;
	case DEVMGR_PROPERTY:
		property(dm, req);
		break;
	case DEVMGR_EVENT:
		event(dm, req);
		break;
	case ATXF_DRIVER_ALIVE:
		/* The kernel stamps sender: only that driver can say it is alive. */
		dm_alive(&dm->sup, req->sender);
		break;
	case DEVMGR_DEVICE:
		device_info(dm, req);
		break;
	case DEVMGR_DRIVER:
		driver_info(dm, req);
		break;
	case DEVMGR_DRIVER_WAIT:
		dm_driver_wait(dm, req);
		break;
	case DEVMGR_START:
	case DEVMGR_STOP:
	case DEVMGR_RESTART:
		dm_answer(req, control(dm, req), NULL, 0);
		break;
	case DEVMGR_KILL:
		dm_answer(req, kill_driver(dm, req), NULL, 0);
		break;
	default:
		dm_answer(req, -ATXF_EINVAL, NULL, 0);
		break;
	}
	drop_caps(req);         /* only HELLO keeps what it was sent */
}
