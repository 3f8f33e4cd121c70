/*
 * Small requests every class client sends: a struct in, maybe a struct
 * out, and SUBSCRIBE with a right to the client's port.
 */
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
	struct atxf_msg req, reply;
	atxf_handle_t right = atxf_port_send_right(port);
	int err;

	if (right < 0)
		return right;
	atxf_msg_init(&req, type);
	if (len)
		atxf_msg_put(&req, data, len);
	atxf_msg_put_cap(&req, right);
	err = atxf_call(c->port, &req, &reply, CLIENT_CALL_NS);
	/* The call carried a copy: the driver holds its own now. */
	atxf_cap_drop(right);
	return err;
}

int client_subscribe(struct atxf_conn *c, uint32_t type, atxf_handle_t port, const void *data,
		     size_t len)
{
	int err;

	if (c->stale)
		return c->stale;
	err = client_subscribe_once(c, type, port, data, len);
	return err == -ATXF_EPEER ? atxf_conn_reconnect(c) : err;
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
