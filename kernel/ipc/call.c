/* Open calls and their reply tokens (ipc/call.h). */
#include <atxf/errors.h>
#include "ipc/call.h"
#include "ipc/token.h"
#include "lib/string.h"
#include "sched/sched.h"

static struct list_node calls = { &calls, &calls };

void call_open_locked(struct call *c)
{
	memset(c, 0, sizeof(*c));
	c->caller = thread_current();
	c->token = token_next_locked();
	list_push_back(&calls, &c->link);
}

void call_close_locked(struct call *c)
{
	list_remove(&c->link);
	if (c->watch)
		port_put_locked(c->watch, 0);
	c->watch = NULL;
}

void call_received_locked(struct call *c, uint32_t server, struct port *watch, uint64_t bits)
{
	c->server = server;
	if (watch && bits) {
		port_get_locked(watch, 0);
		c->watch = watch;
		c->watch_bits = bits;
	}
}

void call_abandon_locked(struct call *c)
{
	if (!c->done && c->server && c->watch)
		port_notify_locked(c->watch, c->watch_bits);
}

bool call_open_for_locked(uint64_t token, uint32_t server)
{
	return token && call_find_locked(token, server) != NULL;
}

struct call *call_find_locked(uint64_t token, uint32_t server)
{
	list_for_each(n, &calls) {
		struct call *c = container_of(n, struct call, link);

		/* server 0: still queued, nobody may answer it yet. */
		if (c->token == token && !c->done && c->server && c->server == server)
			return c;
	}
	return NULL;
}

void call_finish_locked(struct call *c, int status, const struct kmsg *reply)
{
	c->done = true;
	c->status = status;
	if (reply)
		c->reply = *reply;
	sched_wake_sleeper(c->caller);
}

void call_server_died_locked(uint32_t pid)
{
	list_for_each(n, &calls) {
		struct call *c = container_of(n, struct call, link);

		if (c->server == pid && !c->done)
			call_finish_locked(c, -ATXF_EPEER, NULL);
	}
}
