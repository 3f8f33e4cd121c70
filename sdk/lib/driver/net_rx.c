/*
 * Net receive buffers through rings (ATXF_NET_OP_RECV): each client posts
 * empty buffers; each frame the device receives completes the oldest one
 * of every ring client, so receiving takes no message per frame. A client
 * with no buffer posted loses the frame, and hears how many it lost in
 * the flags of its next RECV completion.
 */
#include "core.h"

int atxf__net_rx_post(struct atxf_device *dev, const struct atxf_ring_desc *d)
{
	struct atxf_ring_client *rc = atxf__ring_client(dev, dev->core->serving.ring);
	struct atxf_request *r = atxf_request_current(dev);

	(void)d;
	if (!rc || !r)
		return -ATXF_EAGAIN;
	/* Never full: a ring has at most entries requests in flight. */
	rc->rx[(rc->rx_head + rc->rx_count) % ATXF_RING_MAX_ENTRIES] =
		(uint16_t)atxf__request_index(dev, r);
	rc->rx_count++;
	return ATXF_PENDING;
}

void atxf__net_rx_unpost(struct atxf_device *dev, struct atxf_request *r)
{
	struct atxf_ring_client *rc = atxf__ring_client(dev, r->ring);
	uint16_t idx = (uint16_t)atxf__request_index(dev, r);
	uint32_t n, i;

	if (!rc || atxf_device_class(dev) != ATXF_CLASS_NET)
		return;
	n = rc->rx_count;
	for (i = 0; i < n && rc->rx[(rc->rx_head + i) % ATXF_RING_MAX_ENTRIES] != idx; i++)
		;
	if (i == n)
		return;
	/* Close the gap, keeping the order of the others. */
	for (; i + 1 < n; i++)
		rc->rx[(rc->rx_head + i) % ATXF_RING_MAX_ENTRIES] =
			rc->rx[(rc->rx_head + i + 1) % ATXF_RING_MAX_ENTRIES];
	rc->rx_count--;
}

static void lost(struct atxf_device *dev, struct atxf_ring_client *rc)
{
	if (rc->rx_dropped < UINT16_MAX)
		rc->rx_dropped++;
	dev->core->count.dropped++;
}

static void deliver_one(struct atxf_device *dev, struct atxf_ring_client *rc,
			const void *frame, uint32_t len)
{
	struct atxf_request *r;
	void *buf;

	if (rc->rx_count == 0) {
		lost(dev, rc);
		return;
	}
	r = &dev->core->req[rc->rx[rc->rx_head]];
	buf = atxf_ring_data(&rc->ring, r->offset, r->length);
	if (atxf_ring_check(&rc->ring) < 0)
		return;                 /* revoked: the loop drops the ring */
	if (!buf || len > r->length) {
		lost(dev, rc);          /* bigger than any frame it may post for */
		return;
	}
	memcpy(buf, frame, len);
	r->flags = rc->rx_dropped;
	rc->rx_dropped = 0;
	dev->core->count.events++;
	atxf_request_complete(r, (int)len, len);    /* unposts it */
}

void atxf__net_rx_deliver(struct atxf_device *dev, const void *frame, uint32_t len)
{
	for (unsigned i = 1; i <= ATXF_DRIVER_MAX_RINGS; i++) {
		struct atxf_ring_client *rc = atxf__ring_client(dev, i);

		if (rc)
			deliver_one(dev, rc, frame, len);
	}
}
