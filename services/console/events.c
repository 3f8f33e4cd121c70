/*
 * Following devmgr's event stream (<atxf/proto/devmgr.h>, WATCH and
 * EVENT). The console asks devmgr to notify CONSOLE_EVENT_BIT on its port
 * after each change; on each notice it reads the new events. Any of them
 * may be a driver that started, ended or came back as a new generation,
 * so the caller looks at the driver list again (sources_scan). No timer.
 */
#include <string.h>
#include <atxf/port.h>
#include <atxf/proto/devmgr.h>
#include <atxf/sys.h>
#include "console.h"

#define EVENT_CALL_NS (2000 * MS)

int events_watch(struct console *c)
{
	struct atxf_msg req, reply;
	uint64_t bits = CONSOLE_EVENT_BIT;
	atxf_handle_t right = atxf_port_send_right(c->port);
	int err;

	if (right < 0)
		return right;
	atxf_msg_init(&req, DEVMGR_WATCH);
	atxf_msg_put(&req, &bits, sizeof(bits));
	atxf_msg_put_cap(&req, right);
	err = atxf_call(c->devmgr, &req, &reply, EVENT_CALL_NS);
	atxf_cap_drop(right);           /* devmgr holds its own copy now */
	if (err >= 0)
		err = (int32_t)reply.type;
	if (err < 0)
		return err;
	if (atxf_msg_get(&reply, 0, &c->next_event, sizeof(c->next_event)) != 0)
		return -ATXF_EPROTO;
	return 0;
}

/* Event n, or the error: EAGAIN (none yet), ESTALE (with the oldest kept). */
static int event_at(struct console *c, uint32_t n, struct devmgr_event *ev, uint32_t *oldest)
{
	struct atxf_msg req, reply;
	int err;

	atxf_msg_init(&req, DEVMGR_EVENT);
	atxf_msg_put(&req, &n, sizeof(n));
	err = atxf_call(c->devmgr, &req, &reply, EVENT_CALL_NS);
	if (err >= 0)
		err = (int32_t)reply.type;
	if (err == 0 && atxf_msg_get(&reply, 0, ev, sizeof(*ev)) != 0)
		err = -ATXF_EPROTO;
	if (err == -ATXF_ESTALE && atxf_msg_get(&reply, 0, oldest, sizeof(*oldest)) != 0)
		err = -ATXF_EPROTO;
	return err;
}

bool events_drain(struct console *c)
{
	struct devmgr_event ev;
	bool any = false;
	uint32_t oldest;
	int err;

	while ((err = event_at(c, c->next_event, &ev, &oldest)) != -ATXF_EAGAIN) {
		if (err == -ATXF_ESTALE) {
			c->next_event = oldest;         /* missed some: the scan covers them */
		} else if (err < 0) {
			break;                          /* devmgr did not answer: scan anyway */
		} else {
			c->next_event++;
		}
		any = true;
	}
	return any || err != -ATXF_EAGAIN;
}
