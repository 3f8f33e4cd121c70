/*
 * atxf_driver_dispatch(): one request in, one reply out. The checks run in
 * this order, so a callback only ever sees a request that passed them all:
 *
 *   1. a protocol the framework decodes?   no: .other, or -ATXF_ENOSYS
 *   2. the device class's own protocol?    another class's: -ATXF_EPROTO
 *   3. a request code of that protocol?    no (or an event): -ATXF_ENOSYS
 *   4. exactly its size and capabilities?  no: -ATXF_EPROTO
 *   5. the protocol's own checks and the callback (proto_*.c): reserved
 *      fields, a missing callback (-ATXF_ENOTSUP), ranges (-ATXF_ERANGE)
 *
 * Nothing here blocks or sends: the loop (serve.c) sends the reply and
 * releases capabilities the request carried but dispatch did not keep.
 */
#include "core.h"

/* A message of the right size and capabilities for its table row? */
static int shape_ok(const struct atxf_msg_shape *s, const struct atxf_msg *req)
{
	return req->len >= s->req_min && req->len <= s->req_max && req->ncaps == s->caps;
}

static int other(struct atxf_device *dev, const struct atxf_msg *req, struct atxf_msg *reply)
{
	if (!dev->driver->other)
		return -ATXF_ENOSYS;
	/* A private protocol's capabilities are the driver's once it accepts. */
	dev->core->caps_kept = (1u << req->ncaps) - 1;
	return dev->driver->other(dev, req, reply);
}

static int route(struct atxf_device *dev, const struct atxf_msg *req, struct atxf_msg *reply)
{
	const struct atxf_driver_class *p;
	const struct atxf_msg_shape *s;

	/* The kernel's notifications are the loop's business, never a request. */
	if (req->type == ATXF_MSG_NOTIFY)
		return -ATXF_EPROTO;
	if (req->len > ATXF_MSG_DATA_MAX || req->ncaps > ATXF_MSG_CAPS_MAX)
		return -ATXF_EPROTO;
	p = atxf__protocol_of(dev, ATXF_PROTO_OF(req->type));
	if (!p)
		return other(dev, req, reply);
	if (p->device_class != ATXF_CLASS_NONE && p->device_class != atxf_device_class(dev))
		return -ATXF_EPROTO;
	s = atxf__shape(p, req->type);
	if (!s || s->dir != ATXF_TO_DRIVER)
		return -ATXF_ENOSYS;
	if (!shape_ok(s, req))
		return -ATXF_EPROTO;
	return p->serve(dev, req, reply);
}

int atxf_driver_dispatch(struct atxf_device *dev, const struct atxf_msg *req,
			 struct atxf_msg *reply)
{
	struct atxf_driver_core *core = dev->core;
	int status;

	memset(reply, 0, sizeof(*reply));
	core->caps_kept = 0;
	status = route(dev, req, reply);
	if (status < 0 && status != ATXF_PENDING) {
		/* An error reply carries nothing but the error, and keeps nothing. */
		memset(reply, 0, sizeof(*reply));
		core->caps_kept = 0;
		core->count.errors++;
	}
	core->count.requests++;
	reply->type = (uint32_t)status;
	return status;
}

void atxf__reply_put(struct atxf_msg *reply, const void *data, uint32_t len)
{
	memcpy(reply->data, data, len);
	reply->len = len;
}
