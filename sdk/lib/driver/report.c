/*
 * Reports from a device to its subscribers: input events (batched into
 * EVENT messages) and received bytes (DATA), both through the backlog
 * (backlog.c), and received frames (RECEIVED, inline or through the
 * subscriber's ring). Formats: <atxf/proto/input.h>, <atxf/proto/char.h>,
 * <atxf/proto/net.h>.
 */
#include <atxf/hw.h>
#include "core.h"

void atxf__input_encode(const struct atxf_input_events *batch, struct atxf_msg *msg)
{
	memset(msg, 0, sizeof(*msg));
	msg->type = ATXF_INPUT_EVENT;
	msg->len = 8 + batch->count * (uint32_t)sizeof(batch->ev[0]);
	memcpy(msg->data, batch, msg->len);
}

void atxf__input_flush(struct atxf_device *dev)
{
	struct atxf_input_events *batch = &dev->core->input;
	struct atxf_msg msg;

	if (batch->count == 0)
		return;
	atxf__input_encode(batch, &msg);
	atxf__broadcast(dev, &msg, batch->count);
	batch->count = 0;
}

int atxf_input_report(struct atxf_device *dev, const struct atxf_input_event *ev)
{
	struct atxf_input_events *batch = &dev->core->input;
	struct atxf_input_event *e;

	if (atxf_device_class(dev) != ATXF_CLASS_INPUT)
		return -ATXF_EINVAL;
	e = &batch->ev[batch->count++];
	*e = *ev;
	if (e->time_ns == 0)
		e->time_ns = atxf_time_ns();
	/* A SYN closes a group: send it now rather than when the callback returns. */
	if (e->type == ATXF_EV_SYN || batch->count == ATXF_INPUT_EVENTS_MAX)
		atxf__input_flush(dev);
	return 0;
}

int atxf_char_received(struct atxf_device *dev, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	struct atxf_msg msg;
	size_t taken = 0;

	if (atxf_device_class(dev) != ATXF_CLASS_CHAR)
		return -ATXF_EINVAL;
	/* Nobody to hold them for yet: they wait in the device. */
	while (taken < len && atxf__subscriber_count(dev) && atxf__backlog_room(dev)) {
		size_t left = len - taken;
		uint32_t n = left < ATXF_CHAR_DATA_MAX ? (uint32_t)left : ATXF_CHAR_DATA_MAX;

		memset(&msg, 0, sizeof(msg));
		msg.type = ATXF_CHAR_DATA;
		msg.len = 4 + n;
		memcpy(msg.data + 4, p + taken, n);
		atxf__broadcast(dev, &msg, n);
		taken += n;
	}
	dev->core->count.rx_bytes += taken;
	if (taken < len) {
		dev->core->char_short = 1;
		dev->core->count.rx_held++;
	}
	return (int)taken;
}

/* Ring slot i of sub, in its client's buffer; NULL if that buffer is gone. */
static uint8_t *ring_slot(struct atxf_device *dev, const struct atxf_subscriber *sub, uint32_t i)
{
	int err;

	return atxf__client_range(dev, sub->pid, sub->ring_offset + (uint64_t)i * sub->slot_size,
				  sub->slot_size, &err);
}

/* Copies a frame into sub's next ring slot: the slot's index, or -1 (dropped). */
static int64_t ring_put(struct atxf_device *dev, struct atxf_subscriber *sub,
			const void *frame, uint32_t len)
{
	struct atxf_net_slot *hdr;
	uint8_t *p;
	uint32_t i = sub->next;

	if (sub->slots == 0 || len > sub->slot_size - sizeof(*hdr))
		return -1;
	p = ring_slot(dev, sub, i);
	if (!p)
		return -1;
	hdr = (struct atxf_net_slot *)p;
	if (__atomic_load_n(&hdr->state, __ATOMIC_ACQUIRE) != ATXF_NET_SLOT_FREE)
		return -1;      /* the client has not given it back yet */
	memcpy(p + sizeof(*hdr), frame, len);
	__atomic_store_n(&hdr->len, len, __ATOMIC_RELAXED);
	/* Release: the frame and len are visible before the slot reads FULL. */
	__atomic_store_n(&hdr->state, ATXF_NET_SLOT_FULL, __ATOMIC_RELEASE);
	sub->next = (i + 1) % sub->slots;
	return i;
}

/* The event for a slot could not be sent: hand the slot back to the driver. */
static void ring_unput(struct atxf_device *dev, struct atxf_subscriber *sub, uint32_t i)
{
	uint8_t *p = ring_slot(dev, sub, i);

	if (p)
		__atomic_store_n(&((struct atxf_net_slot *)p)->state, ATXF_NET_SLOT_FREE,
				 __ATOMIC_RELEASE);
	sub->next = i;
}

static void net_deliver(struct atxf_device *dev, struct atxf_subscriber *sub,
			const void *frame, uint32_t len)
{
	struct atxf_net_received r = { .len = len, .slot = ATXF_NET_SLOT_INLINE };
	struct atxf_msg msg = { .type = ATXF_NET_RECEIVED, .len = 16 };
	int64_t slot = -1;

	if (len <= ATXF_NET_INLINE_MAX) {
		memcpy(r.data, frame, len);
		msg.len += len;
	} else {
		slot = ring_put(dev, sub, frame, len);
		if (slot < 0) {
			atxf__lost(dev, sub, 1);
			return;
		}
		r.slot = (uint32_t)slot;
	}
	memcpy(msg.data, &r, msg.len);
	if (atxf__deliver(dev, sub, &msg, 1) < 0 && slot >= 0 && sub->port != ATXF_HANDLE_NONE)
		ring_unput(dev, sub, (uint32_t)slot);
}

int atxf_net_received(struct atxf_device *dev, const void *frame, size_t len)
{
	struct atxf_subscriber *s = dev->core->sub;

	if (atxf_device_class(dev) != ATXF_CLASS_NET)
		return -ATXF_EINVAL;
	if (len == 0 || len > UINT32_MAX)
		return -ATXF_EINVAL;
	for (unsigned i = 0; i < ATXF_DRIVER_MAX_SUBSCRIBERS; i++)
		if (s[i].port != ATXF_HANDLE_NONE)
			net_deliver(dev, &s[i], frame, (uint32_t)len);
	atxf__net_rx_deliver(dev, frame, (uint32_t)len);
	return 0;
}
