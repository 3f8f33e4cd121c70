/*
 * The event stream (events.h). A watcher's port that died is forgotten the
 * first time a notice to it fails, so a client that ended leaves no slot
 * taken.
 */
#include <string.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "events.h"

void dm_events_init(struct dm_events *e)
{
	memset(e, 0, sizeof(*e));
	for (unsigned i = 0; i < DEVMGR_WATCHERS_MAX; i++)
		e->watcher[i].port = ATXF_HANDLE_NONE;
}

static void notify_all(struct dm_events *e)
{
	for (unsigned i = 0; i < DEVMGR_WATCHERS_MAX; i++) {
		struct dm_watcher *w = &e->watcher[i];

		if (w->port >= 0 && atxf_notify(w->port, w->bits) == -ATXF_EPEER) {
			atxf_cap_drop(w->port);
			w->port = ATXF_HANDLE_NONE;
		}
	}
}

void dm_event_post(struct dm_events *e, struct devmgr_event *ev)
{
	ev->seq = e->next++;
	e->ring[ev->seq % DEVMGR_EVENTS_KEPT] = *ev;
	notify_all(e);
}

int dm_event_watch(struct dm_events *e, atxf_handle_t port, uint64_t bits)
{
	if (!bits)
		return -ATXF_EINVAL;
	for (unsigned i = 0; i < DEVMGR_WATCHERS_MAX; i++) {
		struct dm_watcher *w = &e->watcher[i];

		if (w->port < 0) {
			w->port = port;
			w->bits = bits;
			return 0;
		}
	}
	return -ATXF_ENOSPC;
}

int dm_event_get(const struct dm_events *e, uint32_t n, struct devmgr_event *out)
{
	if (n - e->next < 0x80000000u)          /* n >= next, modulo 2^32 */
		return -ATXF_EAGAIN;
	if (e->next - n > DEVMGR_EVENTS_KEPT)
		return -ATXF_ESTALE;
	*out = e->ring[n % DEVMGR_EVENTS_KEPT];
	return 0;
}
