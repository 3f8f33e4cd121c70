/*
 * Small requests every class client sends: a struct in, maybe a struct
 * out, and SUBSCRIBE with a right to the client's port.
 */
#include <atxf/client.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "client_impl.h"

int client_request(struct atxf_conn *c, int once, uint32_t type, const void *data, size_t len,
		   void *out, size_t out_len)
{
	struct atxf_msg req, reply;
	int err;

	atxf_msg_init(&req, type);
	if (len && atxf_msg_put(&req, data, len) < 0)
		return -ATXF_EMSGSIZE;
	err = once ? atxf_call(c->port, &req, &reply, CLIENT_CALL_NS)
		   : atxf_conn_call(c, &req, &reply, CLIENT_CALL_NS);
	if (err < 0 || out_len == 0)
		return err;
	return atxf_msg_get(&reply, 0, out, out_len) ? -ATXF_EPROTO : err;
}

int client_subscribe_once(struct atxf_conn *c, uint32_t type, atxf_handle_t port,
			  const void *data, size_t len)
{
	return atxf_subscribe_data(c->port, type, port, data, len, CLIENT_CALL_NS);
}

int client_watch_subscribe(struct atxf_conn *c, atxf_handle_t *recorded, uint32_t type,
			   atxf_handle_t port, uint64_t notice_bits, const void *data, size_t len)
{
	int err = atxf_conn_watch(c, port, notice_bits);

	if (err < 0)
		return err;
	*recorded = port;       /* from now on every replay subscribes it */
	err = client_subscribe_once(c, type, port, data, len);
	return err == -ATXF_EPEER ? atxf_conn_reconnect(c) : err;
}

int client_replay_events(struct atxf_conn *c, uint32_t set_type, const void *set,
			 size_t set_len, uint32_t sub_type, atxf_handle_t port)
{
	int err = set_len ? client_request(c, 1, set_type, set, set_len, NULL, 0) : 0;

	if (!err && port >= 0)
		err = client_subscribe_once(c, sub_type, port, NULL, 0);
	return err;
}

int client_open_replayed(struct atxf_conn *c, atxf_handle_t *port, const char *name,
			 uint64_t timeout_ns, atxf_conn_replay_fn replay)
{
	int err = atxf_conn_open(c, name, timeout_ns);

	*port = ATXF_HANDLE_NONE;
	c->replay = replay;
	return err;
}

int client_open_info(struct atxf_conn *c, const char *name, uint64_t timeout_ns,
		     uint32_t info_type, void *info, size_t len)
{
	int err = atxf_conn_open(c, name, timeout_ns);

	return err ? err : client_request(c, 0, info_type, NULL, 0, info, len);
}

#define NOT_READY_NS 1000000ull     /* 1 ms: a UART sends 11 bytes meanwhile */

long client_repeat(struct atxf_conn *c, client_step_fn step, void *buf, size_t len, size_t max,
		   uint64_t timeout_ns)
{
	uint64_t start = atxf_clock_ns();
	size_t done = 0;

	while (done < len) {
		size_t n = len - done < max ? len - done : max;
		int moved = step(c, (char *)buf + done, n);

		if (moved < 0)
			return done ? (long)done : moved;
		if ((size_t)moved > n)
			return -ATXF_EIO;       /* the driver claims more than there was */
		done += (size_t)moved;
		if (moved == 0) {
			if (atxf_clock_ns() - start >= timeout_ns)
				break;
			atxf_sleep_ns(NOT_READY_NS);
		}
	}
	return done ? (long)done : -ATXF_ETIMEDOUT;
}
