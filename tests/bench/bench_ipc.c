/*
 * IPC round trip: SYS_IPC_CALL to bench-echo.atxf, which replies at once,
 * from the call to its return with the reply; two processes, so each run
 * includes two switches between address spaces.
 */
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "bench.h"
#include "stats.h"

#define PING ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define STOP ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define WARMUP 100
#define LOOKUP_WAIT_NS 5000000000ull
#define CALL_TIMEOUT_NS 1000000000ull

static uint64_t samples[10000];

/* Whether the kernel has ports at all: the figure's n/a reason, or NULL. */
static const char *lacking(void)
{
	atxf_handle_t p = atxf_port_create();

	if (p < 0)
		return bench_why(p, "SYS_IPC_CREATE_PORT");
	atxf_port_close(p);
	return NULL;
}

static int one(atxf_handle_t echo, uint64_t *cycles)
{
	struct atxf_msg req, reply;
	uint64_t t0;
	int status;

	atxf_msg_init(&req, PING);
	t0 = bench_tsc();
	status = atxf_call(echo, &req, &reply, CALL_TIMEOUT_NS);
	*cycles = bench_tsc() - t0;
	return status;
}

void bench_ipc(unsigned runs)
{
	struct atxf_msg req, reply;
	const char *why = lacking();
	atxf_handle_t echo = why ? -1 : atxf_name_lookup("bench-echo", LOOKUP_WAIT_NS);
	uint64_t c;
	int err = 0;

	if (!why && echo < 0)
		why = bench_why(echo, "looking up bench-echo");
	for (unsigned i = 0; !why && i < WARMUP + runs; i++) {
		err = one(echo, &c);
		if (err < 0)
			why = bench_why(err, "SYS_IPC_CALL");
		else if (i >= WARMUP)
			samples[i - WARMUP] = c;
	}
	if (why) {
		bench_na("ipc-rtt", why);
		return;
	}
	bench_report("ipc-rtt", samples, runs);
	atxf_msg_init(&req, STOP);
	atxf_call(echo, &req, &reply, CALL_TIMEOUT_NS);
}
