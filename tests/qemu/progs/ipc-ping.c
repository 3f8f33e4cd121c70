/*
 * ipc-ping.atxf: the client half of the IPC ping-pong scenario.
 *
 *   ipc-ping.atxf [N]          (N round trips, default 1000)
 *
 * Looks up "pong" (waiting up to 5 s for ipc-pong to register it), makes
 * N PING calls with data = u64 i and checks that every reply has status 0
 * and data = i + 1, then sends STOP. Output:
 *   ipc-ping: N round trips ok
 * and exit 0; on the first failure `ipc-ping: FAIL: WHAT` and exit 1.
 */
#include <stdint.h>
#include <stdlib.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>

#define PING ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define STOP ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define LOOKUP_WAIT_NS 5000000000ull
#define CALL_TIMEOUT_NS 2000000000ull

static int fail(const char *what, int err)
{
	atxf_log("ipc-ping: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

/* One PING of i: 0 if pong answered i + 1. */
static int ping(atxf_handle_t pong, uint64_t i)
{
	struct atxf_msg req, reply;
	uint64_t got;
	int status;

	atxf_msg_init(&req, PING);
	atxf_msg_put(&req, &i, sizeof(i));
	status = atxf_call(pong, &req, &reply, CALL_TIMEOUT_NS);
	if (status != 0)
		return fail("PING call", status);
	if (atxf_msg_get(&reply, 0, &got, sizeof(got)) < 0 || got != i + 1) {
		atxf_log("ipc-ping: FAIL: PING %llu answered %llu (len %u)\n",
			 (unsigned long long)i, (unsigned long long)got, reply.len);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 0) : 1000;
	struct atxf_msg req, reply;
	atxf_handle_t pong = atxf_name_lookup("pong", LOOKUP_WAIT_NS);
	int status;

	if (pong < 0)
		return fail("looking up \"pong\"", pong);
	for (unsigned long i = 0; i < n; i++)
		if (ping(pong, i))
			return 1;
	atxf_log("ipc-ping: %lu round trips ok\n", n);
	atxf_msg_init(&req, STOP);
	status = atxf_call(pong, &req, &reply, CALL_TIMEOUT_NS);
	if (status != 0)
		return fail("STOP call", status);
	return 0;
}
