/*
 * devmgr's event stream (<atxf/proto/devmgr.h>, WATCH and EVENT): a ring of
 * the last DEVMGR_EVENTS_KEPT changes and the ports to notify of new ones,
 * so the console and other clients follow drivers without polling.
 */
#ifndef DEVMGR_EVENTS_H
#define DEVMGR_EVENTS_H

#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/proto/devmgr.h>

struct dm_watcher {
	atxf_handle_t port;     /* a send right; ATXF_HANDLE_NONE when the slot is free */
	uint64_t bits;
};

struct dm_events {
	struct devmgr_event ring[DEVMGR_EVENTS_KEPT];
	uint32_t next;          /* the next event's number */
	struct dm_watcher watcher[DEVMGR_WATCHERS_MAX];
};

void dm_events_init(struct dm_events *e);
/* Numbers ev, keeps it, and notifies every watcher. */
void dm_event_post(struct dm_events *e, struct devmgr_event *ev);
/* Takes over port (a send right): 0, -ATXF_EINVAL (no bits), -ATXF_ENOSPC. */
int dm_event_watch(struct dm_events *e, atxf_handle_t port, uint64_t bits);
/* Event n: 0, -ATXF_EAGAIN (not yet), -ATXF_ESTALE (no longer kept). */
int dm_event_get(const struct dm_events *e, uint32_t n, struct devmgr_event *out);

#endif
