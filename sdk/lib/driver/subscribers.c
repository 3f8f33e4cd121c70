/*
 * Subscribers: the ports that receive a device's events (input EVENT, char
 * DATA, net RECEIVED). Delivery never blocks the driver. Input and char
 * events wait in the backlog (backlog.c) while a subscriber's queue is
 * full; a net frame that finds it full is lost, and the subscriber learns
 * how much it lost from the next one's header. A subscriber whose port is
 * gone is forgotten. One subscription per client process: subscribing
 * again replaces it.
 */
#include <atxf/port.h>
#include <atxf/sys.h>
#include "core.h"

void atxf__forget(struct atxf_subscriber *s)
{
	atxf_cap_drop(s->port);
	memset(s, 0, sizeof(*s));
	s->port = ATXF_HANDLE_NONE;
}

/*
 * Subscribers that died are noticed only when an event fails to reach
 * them; before refusing a new one for want of room, ask each port whether
 * anyone still receives on it (an empty notification).
 */
static void sweep_dead(struct atxf_device *dev)
{
	struct atxf_subscriber *s = dev->core->sub;

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_SUBSCRIBERS; i++)
		if (s[i].port != ATXF_HANDLE_NONE && atxf_notify(s[i].port, 0) == -ATXF_EPEER)
			atxf__forget(&s[i]);
}

/* pid's subscription, else a free slot, else NULL. */
static struct atxf_subscriber *sub_slot(struct atxf_device *dev, uint32_t pid)
{
	struct atxf_subscriber *s = dev->core->sub, *free_slot = NULL;

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_SUBSCRIBERS; i++) {
		if (s[i].port == ATXF_HANDLE_NONE) {
			if (!free_slot)
				free_slot = &s[i];
		} else if (s[i].pid == pid) {
			return &s[i];
		}
	}
	return free_slot;
}

int atxf__subscribe(struct atxf_device *dev, const struct atxf_msg *req,
		    const struct atxf_subscriber *tmpl)
{
	struct atxf_subscriber *s;
	struct atxf_cap_info ci;

	if (atxf_cap_query(req->caps[0], &ci) < 0 || ci.kind != ATXF_CAP_PORT)
		return -ATXF_EBADH;
	s = sub_slot(dev, req->sender);
	if (!s) {
		sweep_dead(dev);
		s = sub_slot(dev, req->sender);
	}
	if (!s)
		return -ATXF_ENOSPC;
	if (s->port != ATXF_HANDLE_NONE)
		atxf__forget(s);
	*s = *tmpl;
	s->port = req->caps[0];
	s->pid = req->sender;
	s->dropped = 0;
	s->next = 0;
	/* Owed what comes from now on, not what others were sent before. */
	s->seq = dev->core->backlog.head;
	dev->core->caps_kept |= 1u;
	return 0;
}

unsigned atxf__subscriber_count(const struct atxf_device *dev)
{
	unsigned n = 0;

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_SUBSCRIBERS; i++)
		n += dev->core->sub[i].port != ATXF_HANDLE_NONE;
	return n;
}

int atxf__deliver(struct atxf_device *dev, struct atxf_subscriber *sub,
		  struct atxf_msg *ev, uint32_t units)
{
	struct atxf_event_header h = { .dropped = sub->dropped };
	int err;

	memcpy(ev->data, &h, sizeof(h));
	err = atxf_send(sub->port, ev, ATXF_IPC_NONBLOCK);
	if (err >= 0) {
		dev->core->count.events++;
		sub->dropped = 0;
		return 0;
	}
	if (err == -ATXF_EPEER || err == -ATXF_EBADH) {
		atxf__forget(sub);
		return err;
	}
	atxf__lost(dev, sub, units);
	return err;
}

void atxf__lost(struct atxf_device *dev, struct atxf_subscriber *sub, uint32_t units)
{
	sub->dropped += units;
	dev->core->count.dropped++;
}
