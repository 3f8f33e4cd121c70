/*
 * Net link changes (<atxf/driver/net.h>): the carrier state INFO reports,
 * and a LINK event to every subscriber when it changes. Through the
 * backlog (backlog.c), as input and char events go: a link change must
 * reach a busy client later rather than never.
 */
#include <atxf/driver/net.h>
#include "core.h"

int atxf_net_link(struct atxf_device *dev, int up)
{
	struct atxf_net_link ev = { .link_up = up ? 1u : 0u };
	struct atxf_msg msg = { .type = ATXF_NET_LINK, .len = sizeof(ev) };

	if (atxf_device_class(dev) != ATXF_CLASS_NET)
		return -ATXF_EINVAL;
	if (dev->info.net.link_up == ev.link_up)
		return 0;
	dev->info.net.link_up = ev.link_up;
	memcpy(msg.data, &ev, sizeof(ev));
	return atxf__broadcast(dev, &msg, 1);
}
