/*
 * The network protocol's requests (<atxf/proto/net.h>): INFO, ATTACH_BUFFER,
 * SEND from the attached buffer, SUBSCRIBE with an optional receive ring,
 * SET_PROMISC. Received frames go out through report.c. Exercised in QEMU
 * by virtio-net with user networking.
 */
#include "core.h"

static uint32_t mtu(const struct atxf_device *dev)
{
	return dev->info.net.mtu ? dev->info.net.mtu : ATXF_NET_MTU_DEFAULT;
}

static int info(struct atxf_device *dev, struct atxf_msg *reply)
{
	atxf__reply_put(reply, &dev->info.net, sizeof(dev->info.net));
	return 0;
}

static int frame_len_ok(const struct atxf_device *dev, uint32_t len)
{
	if (len < ATXF_NET_HEADER_MIN)
		return -ATXF_ERANGE;
	return len > mtu(dev) + ATXF_NET_HEADER_MAX ? -ATXF_EMSGSIZE : 0;
}

static int send_frame(struct atxf_device *dev, const struct atxf_msg *req)
{
	struct atxf_net_send snd;
	const void *frame;
	int err;

	ATXF_REQ(req, snd);
	if (snd.reserved)
		return -ATXF_EPROTO;
	if (!dev->driver->net.send)
		return -ATXF_ENOTSUP;
	if (!atxf__client_find(dev, req->sender))
		return -ATXF_EPROTO;    /* SEND before ATTACH_BUFFER */
	err = frame_len_ok(dev, snd.len);
	if (err)
		return err;
	frame = atxf__client_range(dev, req->sender, snd.offset, snd.len, &err);
	if (!frame)
		return err;
	err = dev->driver->net.send(dev, frame, snd.len);
	return err < 0 ? err : 0;
}

/* A ring descriptor (ATXF_NET_OP_*): bytes done, ATXF_PENDING or -ATXF_E*. */
int atxf__net_ring(struct atxf_device *dev, const struct atxf_ring_desc *d, void *bytes)
{
	int err;

	if (d->flags || d->reserved || d->status || d->arg)
		return -ATXF_EPROTO;
	if (d->opcode == ATXF_NET_OP_RECV)
		return d->length < mtu(dev) + ATXF_NET_HEADER_MAX ? -ATXF_ERANGE
								 : atxf__net_rx_post(dev, d);
	if (d->opcode != ATXF_NET_OP_SEND)
		return -ATXF_ENOSYS;
	if (!dev->driver->net.send)
		return -ATXF_ENOTSUP;
	err = frame_len_ok(dev, d->length);
	if (!err)
		err = dev->driver->net.send(dev, bytes, d->length);
	if (err == ATXF_PENDING)
		return err;
	return err < 0 ? err : (int)d->length;
}

/* The receive ring must lie in the subscriber's buffer and hold any frame. */
static int check_ring(struct atxf_device *dev, uint32_t pid, const struct atxf_net_subscribe *s)
{
	int err;

	if (s->slots == 0)
		return s->ring_offset || s->slot_size ? -ATXF_EPROTO : 0;
	if (!atxf__client_find(dev, pid))
		return -ATXF_EPROTO;    /* a ring needs an attached buffer */
	if (s->ring_offset % 8 || s->slot_size % 8)
		return -ATXF_EPROTO;    /* keeps each slot's state word aligned */
	if (s->slot_size < sizeof(struct atxf_net_slot) + mtu(dev) + ATXF_NET_HEADER_MAX)
		return -ATXF_ERANGE;
	if (!atxf__client_range(dev, pid, s->ring_offset, (uint64_t)s->slots * s->slot_size, &err))
		return err;
	return 0;
}

static int subscribe(struct atxf_device *dev, const struct atxf_msg *req)
{
	struct atxf_net_subscribe s;
	struct atxf_subscriber tmpl = { .port = ATXF_HANDLE_NONE };
	int err;

	ATXF_REQ(req, s);
	err = check_ring(dev, req->sender, &s);
	if (err)
		return err;
	tmpl.ring_offset = s.ring_offset;
	tmpl.slot_size = s.slot_size;
	tmpl.slots = s.slots;
	return atxf__subscribe(dev, req, &tmpl);
}

static int set_promisc(struct atxf_device *dev, const struct atxf_msg *req)
{
	struct atxf_net_promisc p;
	int err;

	ATXF_REQ(req, p);
	if (p.on > 1)
		return -ATXF_EPROTO;
	if (!dev->driver->net.set_promiscuous)
		return -ATXF_ENOTSUP;
	err = dev->driver->net.set_promiscuous(dev, (int)p.on);
	return err < 0 ? err : 0;
}

int atxf__net_proto(struct atxf_device *dev, const struct atxf_msg *req,
		    struct atxf_msg *reply)
{
	switch (req->type) {
	case ATXF_NET_INFO:
		return info(dev, reply);
	case ATXF_NET_ATTACH_BUFFER:
		return atxf__client_attach(dev, req, reply);
	case ATXF_NET_SEND:
		return send_frame(dev, req);
	case ATXF_NET_SUBSCRIBE:
		return subscribe(dev, req);
	case ATXF_NET_SET_PROMISC:
		return set_promisc(dev, req);
	case ATXF_NET_ATTACH_RING:
		return atxf__ring_attach(dev, req, reply);
	}
	return -ATXF_ENOSYS;
}
