/*
 * Client rings (ATTACH_RING, docs/protocols.md §10.5): each client's
 * request ring, drained when its doorbell rings, its descriptors handed one
 * by one to the class's ring_serve (which may defer them), its completions
 * published once per turn of the loop, and suppression armed before the
 * loop sleeps. A bad descriptor is refused alone (the ring library
 * completes it, or the class does); a broken or revoked ring, or a client
 * whose port died, ends that ring alone and cancels what it had in flight.
 */
#include <atxf/atxf.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "core.h"

/* Passes over a ring per doorbell: the second catches what arrived while
 * suppression was being armed; a client that keeps the ring full gets no
 * more than that per turn. */
#define DRAIN_PASSES 2

struct atxf_ring_client *atxf__ring_client(struct atxf_device *dev, unsigned ring)
{
	if (ring == 0 || ring > ATXF_DRIVER_MAX_RINGS || dev->core->ring[ring - 1].pid == 0)
		return NULL;
	return &dev->core->ring[ring - 1];
}

void *atxf__ring_bytes(struct atxf_device *dev, unsigned ring, uint32_t offset, uint32_t len)
{
	struct atxf_ring_client *rc = atxf__ring_client(dev, ring);

	return rc ? atxf_ring_data(&rc->ring, offset, len) : NULL;
}


static void unmap(struct atxf_device *dev, struct atxf_ring_client *rc)
{
	atxf__block_dma_release(dev, rc->base);    /* a transfer may still run */
	atxf_shm_unmap(rc->base);   /* revoked or not: SYS_SHM_UNMAP */
	atxf_cap_drop(rc->shm);
	atxf_cap_drop(rc->peer);
}

void atxf__ring_drop(struct atxf_device *dev, unsigned i, int why)
{
	struct atxf_ring_client *rc = &dev->core->ring[i];

	if (rc->pid == 0)
		return;
	/* Cancelled with why; nobody reads their completions any more. */
	rc->ring.broken = rc->ring.broken ? rc->ring.broken : "ring ended";
	atxf__requests_cancel(dev, i + 1, why);
	unmap(dev, rc);
	memset(rc, 0, sizeof(*rc));
}

/* pid's ring (replaced), else a free slot: its index, or -1. */
static int ring_slot(struct atxf_device *dev, uint32_t pid)
{
	struct atxf_ring_client *r = dev->core->ring;
	int free_slot = -1;

	for (int i = 0; i < ATXF_DRIVER_MAX_RINGS; i++) {
		if (r[i].pid == pid)
			return i;
		if (r[i].pid == 0 && free_slot < 0)
			free_slot = i;
	}
	return free_slot;
}

/* The region's checks before it is mapped: 0 or -ATXF_E*. */
static int check_caps(const struct atxf_msg *req, struct atxf_cap_info *shm)
{
	struct atxf_cap_info port;

	if (atxf_cap_query(req->caps[0], shm) < 0 || shm->kind != ATXF_CAP_SHM)
		return -ATXF_EBADH;
	if (atxf_cap_query(req->caps[1], &port) < 0 || port.kind != ATXF_CAP_PORT)
		return -ATXF_EBADH;
	return shm->size < ATXF_RING_PAGE ? -ATXF_EPROTO : 0;
}

/* Maps and checks the region into rc: 0, or why not (rc untouched). */
static int bind_ring(struct atxf_device *dev, struct atxf_ring_client *rc,
		     const struct atxf_msg *req, uint64_t bits)
{
	struct atxf_ring_client fresh = { .pid = req->sender, .shm = req->caps[0],
					  .peer = req->caps[1] };
	struct atxf_cap_info ci;
	int err = check_caps(req, &ci);

	if (err)
		return err;
	fresh.base = atxf_shm_map(req->caps[0], ATXF_PROT_READ | ATXF_PROT_WRITE);
	if (!fresh.base)
		return -ATXF_EPERM;
	fresh.size = ci.size;
	if (atxf_ring_driver_attach(&fresh.ring, fresh.base, ci.size, req->caps[1], bits) < 0) {
		atxf_device_log(dev, "ATTACH_RING from pid %u refused: %s", req->sender,
				fresh.ring.broken);
		atxf_shm_unmap(fresh.base);
		return -ATXF_EPROTO;
	}
	*rc = fresh;
	return 0;
}

static int watch_client(struct atxf_device *dev, unsigned i)
{
	struct atxf_driver_core *core = dev->core;

	/* Made once, on the first ring: a driver without rings needs none. */
	if (core->self < 0)
		core->self = atxf_port_send_right(core->port);
	if (core->self < 0)
		return -ATXF_ENOSPC;
	return atxf_port_watch(core->ring[i].peer, core->self,
			       1ull << (ATXF_DRIVER_RING_GONE_BIT + i));
}

int atxf_ring_attach_serve(struct atxf_device *dev, const struct atxf_msg *req,
			   struct atxf_msg *reply)
{
	return atxf__ring_attach(dev, req, reply);
}

int atxf__ring_attach(struct atxf_device *dev, const struct atxf_msg *req,
		      struct atxf_msg *reply)
{
	struct atxf_ring_attach a;
	struct atxf_ring_attach_reply ar;
	int i = ring_slot(dev, req->sender);
	int err;

	ATXF_REQ(req, a);
	if (req->sender == 0 || a.signal_bits == 0)
		return -ATXF_EPROTO;
	if (i < 0)
		return -ATXF_ENOSPC;
	/* The client's new ring replaces its old one, whose requests end. */
	atxf__ring_drop(dev, (unsigned)i, -ATXF_EPEER);
	err = bind_ring(dev, &dev->core->ring[i], req, a.signal_bits);
	if (!err)
		err = watch_client(dev, (unsigned)i);
	if (err) {
		if (dev->core->ring[i].pid) {
			/* Its capabilities are dropped with the refused request's. */
			atxf_shm_unmap(dev->core->ring[i].base);
			memset(&dev->core->ring[i], 0, sizeof(dev->core->ring[i]));
		}
		return err;
	}
	dev->core->caps_kept |= 3u;
	ar = (struct atxf_ring_attach_reply){ .doorbell = 1ull << (ATXF_DRIVER_DOORBELL_BIT + i),
					      .entries = dev->core->ring[i].ring.entries,
					      .ring = (uint32_t)i };
	atxf__reply_put(reply, &ar, sizeof(ar));
	return 0;
}

/* The class's verdict on one checked descriptor, completed unless deferred. */
static void serve_desc(struct atxf_device *dev, unsigned i, const struct atxf_ring_desc *d)
{
	const struct atxf_driver_class *p = atxf__class_protocol(dev);
	struct atxf_ring_client *rc = &dev->core->ring[i];
	void *bytes = atxf_ring_data(&rc->ring, d->offset, d->length);
	struct atxf_serving outer = dev->core->serving;
	int status;

	dev->core->count.requests++;
	atxf__serving_ring(dev, i + 1, d);
	status = p && p->ring_serve ? p->ring_serve(dev, d, bytes) : -ATXF_ENOSYS;
	status = atxf__serving_close(dev, status);
	dev->core->serving = outer;     /* a wait inside the callback served others */
	if (status == ATXF_PENDING || rc->pid == 0)
		return;
	if (status < 0)
		dev->core->count.errors++;
	if (atxf_ring_complete(&rc->ring, d->id, status < 0 ? status : 0,
			       status < 0 ? 0 : (uint32_t)status) == 0)
		rc->dirty = 1;
}

/* Serves what waits in ring i: 0, or -ATXF_E* when the ring must end. */
static int drain_once(struct atxf_device *dev, unsigned i)
{
	struct atxf_ring_client *rc = &dev->core->ring[i];
	struct atxf_ring_desc d;
	int got;

	rc->stalled = 0;
	for (;;) {
		if (dev->core->pending == ATXF_DRIVER_MAX_REQUESTS) {
			rc->stalled = 1;        /* again once requests complete */
			return 0;
		}
		got = atxf_ring_next(&rc->ring, &d);
		if (got == 0)
			return 0;
		if (got == 1)
			serve_desc(dev, i, &d);
		else if (got == -ATXF_ERANGE)
			rc->dirty = 1;          /* completed by the library, alone */
		else if (got != -ATXF_EEXIST)
			return got;             /* broken or revoked */
		if (rc->pid == 0)
			return -ATXF_ESTALE;    /* a callback ended the ring */
	}
}

static void ring_fail(struct atxf_device *dev, unsigned i, int err)
{
	struct atxf_ring_client *rc = &dev->core->ring[i];

	if (rc->pid == 0)
		return;
	atxf_device_log(dev, "ring %u of pid %u dropped: %s", i, rc->pid,
			err == -ATXF_EPROTO && rc->ring.broken ? rc->ring.broken :
			atxf_strerror(err));
	atxf__ring_drop(dev, i, -ATXF_EPEER);
}

static void publish(struct atxf_device *dev, unsigned i)
{
	struct atxf_ring_client *rc = &dev->core->ring[i];
	int err;

	if (!rc->dirty)
		return;
	rc->dirty = 0;
	err = atxf_ring_publish(&rc->ring);
	/* A client that died is dropped by its death notice; a broken or
	 * revoked ring now. */
	if (err == -ATXF_EPROTO || err == -ATXF_ESTALE)
		ring_fail(dev, i, err);
}

static void drain(struct atxf_device *dev, unsigned i)
{
	struct atxf_ring_client *rc = &dev->core->ring[i];

	for (unsigned pass = 0; pass < DRAIN_PASSES && rc->pid; pass++) {
		int err = drain_once(dev, i);

		if (err < 0) {
			ring_fail(dev, i, err);
			return;
		}
		publish(dev, i);
		if (rc->pid == 0 || rc->stalled)
			return;
		/* Ask for the doorbell before sleeping; 1: more came meanwhile. */
		err = atxf_ring_arm(&rc->ring);
		if (err < 0) {
			ring_fail(dev, i, err);
			return;
		}
		if (err == 0)
			return;
	}
}

/* Ring i's client port died (or a stale notice of a ring since replaced). */
static void client_gone(struct atxf_device *dev, unsigned i)
{
	struct atxf_ring_client *rc = &dev->core->ring[i];

	if (rc->pid && atxf_notify(rc->peer, 0) == -ATXF_EPEER)
		atxf__ring_drop(dev, i, -ATXF_EPEER);
}

void atxf__rings_notified(struct atxf_device *dev, uint64_t bits)
{
	for (unsigned i = 0; i < ATXF_DRIVER_MAX_RINGS; i++) {
		if (bits & (1ull << (ATXF_DRIVER_RING_GONE_BIT + i)))
			client_gone(dev, i);
		if ((bits & (1ull << (ATXF_DRIVER_DOORBELL_BIT + i))) && dev->core->ring[i].pid)
			drain(dev, i);
	}
}

void atxf__rings_flush(struct atxf_device *dev)
{
	struct atxf_driver_core *core = dev->core;
	uint64_t held = core->held_bits;

	core->held_bits = 0;
	if (held)
		atxf__rings_notified(dev, held);
	for (unsigned i = 0; i < ATXF_DRIVER_MAX_RINGS; i++) {
		if (core->ring[i].pid == 0)
			continue;
		publish(dev, i);
		if (core->ring[i].stalled && core->pending < ATXF_DRIVER_MAX_REQUESTS)
			drain(dev, i);
	}
}
