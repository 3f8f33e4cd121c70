/*
 * The backlog: input and char events held until every subscriber has
 * taken them. A client busy with a burst (the console running a pasted
 * command) lets its port queue fill; rather than losing the events, the
 * driver keeps them here and the loop offers them again every
 * ATXF_DRIVER_RETRY_NS, in order. Only a full backlog loses an input
 * event; char input is never lost here: atxf_char_received() takes only
 * what fits, the driver leaves the rest in its device (back-pressure),
 * and the char ops' resume tells it when to go on.
 */
#include <atxf/port.h>
#include <atxf/sys.h>
#include "core.h"

static int live(const struct atxf_subscriber *s)
{
	return s->port != ATXF_HANDLE_NONE;
}

uint32_t atxf__backlog_room(const struct atxf_device *dev)
{
	const struct atxf_backlog *b = &dev->core->backlog;

	return ATXF_DRIVER_BACKLOG - (b->head - b->tail);
}

int atxf__backlog_pending(const struct atxf_device *dev)
{
	const struct atxf_subscriber *s = dev->core->sub;

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_SUBSCRIBERS; i++)
		if (live(&s[i]) && s[i].seq != dev->core->backlog.head)
			return 1;
	return 0;
}

/* Sends sub what it is owed, oldest first, until its queue is full. */
static void offer(struct atxf_device *dev, struct atxf_subscriber *sub)
{
	struct atxf_backlog *b = &dev->core->backlog;
	struct atxf_event_header h;
	struct atxf_msg ev;
	int err;

	while (live(sub) && sub->seq != b->head) {
		ev = b->msg[sub->seq % ATXF_DRIVER_BACKLOG];
		h.dropped = sub->dropped;
		memcpy(ev.data, &h, sizeof(h));
		err = atxf_send(sub->port, &ev, ATXF_IPC_NONBLOCK);
		if (err == -ATXF_EPEER || err == -ATXF_EBADH) {
			atxf__forget(sub);
			return;
		}
		if (err < 0)
			return;         /* full: offered again on the next flush */
		dev->core->count.events++;
		sub->dropped = 0;
		sub->seq++;
	}
}

void atxf__backlog_flush(struct atxf_device *dev)
{
	struct atxf_backlog *b = &dev->core->backlog;
	struct atxf_subscriber *s = dev->core->sub;
	uint32_t owed_most = 0;

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_SUBSCRIBERS; i++) {
		offer(dev, &s[i]);
		if (live(&s[i]) && b->head - s[i].seq > owed_most)
			owed_most = b->head - s[i].seq;
	}
	b->tail = b->head - owed_most;
}

int atxf__broadcast(struct atxf_device *dev, const struct atxf_msg *ev, uint32_t units)
{
	struct atxf_backlog *b = &dev->core->backlog;
	struct atxf_subscriber *s = dev->core->sub;

	if (atxf__subscriber_count(dev) == 0)
		return 0;
	if (atxf__backlog_room(dev) == 0) {
		atxf__backlog_flush(dev);
		if (atxf__backlog_room(dev) == 0) {
			for (unsigned i = 0; i < ATXF_DRIVER_MAX_SUBSCRIBERS; i++)
				if (live(&s[i]))
					atxf__lost(dev, &s[i], units);
			return -ATXF_ENOSPC;
		}
	}
	b->msg[b->head % ATXF_DRIVER_BACKLOG] = *ev;
	b->head++;
	atxf__backlog_flush(dev);
	return 0;
}

void atxf__backlog_poll(struct atxf_device *dev)
{
	struct atxf_driver_core *core = dev->core;
	const struct atxf_driver_class *cls;

	if (atxf__backlog_pending(dev))
		atxf__backlog_flush(dev);
	if (!core->char_short || atxf__backlog_room(dev) == 0 ||
	    atxf__subscriber_count(dev) == 0)
		return;
	core->char_short = 0;
	cls = atxf__class_protocol(dev);
	if (cls && cls->resume)
		cls->resume(dev);
	atxf__ack_owed(dev);
}
