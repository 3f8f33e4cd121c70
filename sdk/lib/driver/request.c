/*
 * Deferred completion (<atxf/driver.h>): the table of requests a driver
 * keeps open after its callback returned, and how each one ends. A call
 * ends with a reply through its token (the kernel lets the process that
 * received a call answer it at any later time, after other receives, with
 * any number open: kernel/ipc/call.h); a ring request ends with a
 * completion queued in its ring, published when the loop's turn ends.
 */
#include <atxf/hw.h>
#include <atxf/port.h>
#include "core.h"

static void serving_open(struct atxf_device *dev, uint32_t type, uint32_t client)
{
	struct atxf_serving *s = &dev->core->serving;

	memset(s, 0, sizeof(*s));
	s->active = 1;
	s->type = type;
	s->client = client;
}

void atxf__serving_call(struct atxf_device *dev, const struct atxf_msg *req)
{
	serving_open(dev, req->type, req->sender);
	dev->core->serving.token = req->reply;
}

void atxf__serving_ring(struct atxf_device *dev, unsigned ring, const struct atxf_ring_desc *d)
{
	struct atxf_ring_client *rc = atxf__ring_client(dev, ring);
	const struct atxf_driver_class *p = atxf__class_protocol(dev);

	serving_open(dev, ATXF_REQUEST(p ? p->proto : 0, d->opcode), rc ? rc->pid : 0);
	dev->core->serving.ring = ring;
	dev->core->serving.desc = *d;
}

static struct atxf_request *slot_free(struct atxf_device *dev)
{
	struct atxf_request *r = dev->core->req;

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_REQUESTS; i++)
		if (r[i].state == ATXF__REQ_FREE)
			return &r[i];
	return NULL;
}

struct atxf_request *atxf_request_current(struct atxf_device *dev)
{
	struct atxf_serving *s = &dev->core->serving;
	struct atxf_request *r;

	if (!s->active)
		return NULL;
	if (s->req)
		return s->req;
	r = slot_free(dev);
	if (!r)
		return NULL;
	*r = (struct atxf_request){ .dev = dev, .type = s->type, .client = s->client,
				    .state = ATXF__REQ_SERVING, .ring = (uint8_t)s->ring,
				    .token = s->token, .id = s->desc.id,
				    .offset = s->desc.offset, .length = s->desc.length };
	s->req = r;
	return r;
}

static void request_free(struct atxf_request *r)
{
	struct atxf_driver_core *core = r->dev->core;

	if (r->state == ATXF__REQ_PENDING)
		core->pending--;
	if (r->deadline_ns)
		core->timers--;
	memset(r, 0, sizeof(*r));
}

int atxf__serving_close(struct atxf_device *dev, int status)
{
	struct atxf_serving *s = &dev->core->serving;
	struct atxf_request *r = s->req;

	s->active = 0;
	s->req = NULL;
	if (status == ATXF_PENDING && r) {
		r->state = ATXF__REQ_PENDING;
		dev->core->pending++;
		return ATXF_PENDING;
	}
	if (r)
		request_free(r);        /* answered at once after all */
	if (status == ATXF_PENDING) {
		atxf_device_log(dev, "a callback answered PENDING without atxf_request_current()");
		return -ATXF_EIO;
	}
	return status;
}

/* A live request of its device's table (a pointer on a slot boundary). */
static int open_request(const struct atxf_request *r)
{
	const struct atxf_driver_core *core;

	if (!r || !r->dev || r->state == ATXF__REQ_FREE)
		return 0;
	core = r->dev->core;
	return r >= core->req && r < core->req + ATXF_DRIVER_MAX_REQUESTS &&
	       (size_t)((const char *)r - (const char *)core->req) % sizeof(*r) == 0;
}

static int pending(const struct atxf_request *r)
{
	return open_request(r) && r->state == ATXF__REQ_PENDING;
}

static void reply_call(const struct atxf_request *r, int status)
{
	struct atxf_msg req, reply;

	if (!r->token)
		return;         /* sent, not called: nobody waits */
	memset(&req, 0, sizeof(req));
	memset(&reply, 0, sizeof(reply));
	req.reply = r->token;
	reply.type = (uint32_t)status;
	/* -ATXF_ENOENT: the caller gave up (timed out, or died) meanwhile. */
	atxf_reply(&req, &reply);
}

void atxf__request_finish(struct atxf_request *r, int status, uint32_t len)
{
	struct atxf_device *dev = r->dev;
	struct atxf_ring_client *rc;

	if (status < 0)
		dev->core->count.errors++;
	if (!r->ring) {
		reply_call(r, status < 0 ? status : 0);
	} else {
		rc = atxf__ring_client(dev, r->ring);
		atxf__net_rx_unpost(dev, r);
		/* Also on failure: publishing then finds the ring revoked or
		 * broken and ends it, cancelling the rest of its requests. */
		if (rc && atxf_ring_complete_flags(&rc->ring, r->id, status, len, r->flags) !=
			  -ATXF_ENOENT)
			rc->dirty = 1;
	}
	request_free(r);
}

int atxf_request_complete(struct atxf_request *r, int status, uint32_t len)
{
	if (!pending(r))
		return -ATXF_ENOENT;
	if (status == ATXF_PENDING)
		return -ATXF_EINVAL;
	atxf__request_finish(r, status, len);
	return 0;
}

int atxf_request_timeout(struct atxf_request *r, uint64_t ns)
{
	uint64_t now;

	/* Also while the callback serving it runs: it may arm before PENDING. */
	if (!open_request(r))
		return -ATXF_ENOENT;
	if (r->deadline_ns)
		r->dev->core->timers--;
	r->deadline_ns = 0;
	if (ns == 0)
		return 0;
	now = atxf_time_ns();
	r->deadline_ns = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
	r->dev->core->timers++;
	return 0;
}

void atxf__request_cancel(struct atxf_request *r, int why)
{
	struct atxf_device *dev = r->dev;

	if (dev->driver->cancel)
		dev->driver->cancel(dev, r, why);
	atxf__request_finish(r, why, 0);
}

void atxf__requests_cancel(struct atxf_device *dev, unsigned ring, int why)
{
	struct atxf_request *r = dev->core->req;

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_REQUESTS; i++)
		if (r[i].state == ATXF__REQ_PENDING && (ring == 0 || r[i].ring == ring))
			atxf__request_cancel(&r[i], why);
}

uint64_t atxf__requests_wait_ns(struct atxf_device *dev)
{
	const struct atxf_request *r = dev->core->req;
	uint64_t first = UINT64_MAX, now;

	if (dev->core->timers == 0)
		return ATXF_TIMEOUT_FOREVER;
	for (unsigned i = 0; i < ATXF_DRIVER_MAX_REQUESTS; i++)
		if (r[i].state == ATXF__REQ_PENDING && r[i].deadline_ns && r[i].deadline_ns < first)
			first = r[i].deadline_ns;
	if (first == UINT64_MAX)
		return ATXF_TIMEOUT_FOREVER;
	now = atxf_time_ns();
	return first > now ? first - now : ATXF_TIMEOUT_NONE;
}

void atxf__requests_expire(struct atxf_device *dev)
{
	struct atxf_request *r = dev->core->req;
	uint64_t now;

	if (dev->core->timers == 0)
		return;
	now = atxf_time_ns();
	for (unsigned i = 0; i < ATXF_DRIVER_MAX_REQUESTS; i++)
		if (r[i].state == ATXF__REQ_PENDING && r[i].deadline_ns && r[i].deadline_ns <= now)
			atxf__request_cancel(&r[i], -ATXF_ETIMEDOUT);
}

void atxf__calls_gone(struct atxf_device *dev)
{
	struct atxf_request *r = dev->core->req;

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_REQUESTS; i++)
		if (r[i].state == ATXF__REQ_PENDING && !r[i].ring && r[i].token &&
		    atxf_call_probe(r[i].token) == -ATXF_ENOENT)
			atxf__request_cancel(&r[i], -ATXF_EPEER);
}

unsigned atxf__request_index(const struct atxf_device *dev, const struct atxf_request *r)
{
	return (unsigned)(r - dev->core->req);
}
