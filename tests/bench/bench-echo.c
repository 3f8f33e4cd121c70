/*
 * bench-echo.atxf: the server side of the IPC round-trip benchmark.
 *
 *   bench-echo.atxf
 *
 * Registers "bench-echo" and answers every call at once with an empty
 * reply (status 0), until a STOP call; then exits 0. A SPIN call (data =
 * u32 n) is answered first, then it calls SYS_YIELD n times, so that
 * bench.atxf's own yields switch to it and back (bench_switch.c). Prints nothing on
 * success, so it adds no console time to the measurement; one
 * `bench-echo: ...` line if it cannot start (bench.atxf then reports the
 * IPC figure as n/a).
 */
#include <stdint.h>
#include <stdio.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>

#define STOP ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define SPIN ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 3)

static void spin(const struct atxf_msg *req)
{
	uint32_t n = 0;

	atxf_msg_get(req, 0, &n, sizeof(n));
	while (n--)
		atxf_yield();
}

int main(void)
{
	struct atxf_msg req, reply;
	atxf_handle_t port = atxf_port_create();
	int err = port < 0 ? port : atxf_name_register("bench-echo", port);

	if (err < 0) {
		printf("bench-echo: cannot serve: %s\n", atxf_strerror(err));
		return 1;
	}
	atxf_msg_init(&reply, 0);
	for (;;) {
		err = atxf_recv(port, &req, ATXF_TIMEOUT_FOREVER);
		if (err < 0) {
			printf("bench-echo: receiving failed: %s\n", atxf_strerror(err));
			return 1;
		}
		if (req.type == ATXF_MSG_NOTIFY)
			continue;
		atxf_reply(&req, &reply);
		if (req.type == STOP)
			return 0;
		if (req.type == SPIN)
			spin(&req);
	}
}
