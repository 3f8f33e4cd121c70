/*
 * ipc-pong.atxf: the server half of the IPC ping-pong scenario.
 *
 *   ipc-pong.atxf
 *
 * Creates a port, registers it with the name service as "pong", then
 * answers calls until told to stop:
 *   PING  data = u64 n   reply status 0, data = u64 n + 1
 *   STOP                 reply status 0, then exit 0
 *   other                reply -ATXF_ENOSYS
 * Output:
 *   ipc-pong: registered "pong"
 *   ipc-pong: N pings answered, stopping
 * Any failing call prints `ipc-pong: FAIL: WHAT: ERROR` and exits 1.
 */
#include <stdint.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>

#define PING ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define STOP ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)

static int fail(const char *what, int err)
{
	atxf_log("ipc-pong: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

/* The answer to one request; 1 when it was STOP. */
static int answer(const struct atxf_msg *req, struct atxf_msg *reply)
{
	uint64_t n;

	atxf_msg_init(reply, 0);
	if (req->type == STOP)
		return 1;
	if (req->type != PING || atxf_msg_get(req, 0, &n, sizeof(n)) < 0) {
		reply->type = (uint32_t)-ATXF_ENOSYS;
		return 0;
	}
	n++;
	atxf_msg_put(reply, &n, sizeof(n));
	return 0;
}

int main(void)
{
	struct atxf_msg req, reply;
	unsigned long pings = 0;
	atxf_handle_t port = atxf_port_create();
	int err, stop = 0;

	if (port < 0)
		return fail("creating a port", port);
	err = atxf_name_register("pong", port);
	if (err < 0)
		return fail("registering \"pong\"", err);
	atxf_log("ipc-pong: registered \"pong\"\n");
	while (!stop) {
		err = atxf_recv(port, &req, ATXF_TIMEOUT_FOREVER);
		if (err < 0)
			return fail("receiving", err);
		if (req.type == ATXF_MSG_NOTIFY)
			continue;
		stop = answer(&req, &reply);
		pings += !stop && reply.type == 0;
		err = atxf_reply(&req, &reply);
		if (err < 0)
			return fail("replying", err);
	}
	atxf_log("ipc-pong: %lu pings answered, stopping\n", pings);
	return 0;
}
