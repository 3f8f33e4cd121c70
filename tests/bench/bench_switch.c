/*
 * Yield round trip: SYS_YIELD while bench-echo.atxf is yielding too, so
 * each call switches to the other process and back: two context switches
 * (address spaces included) and two trivial system calls, without any IPC.
 * Set beside the IPC round trip, it tells the switches' share of the cost.
 */
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "bench.h"
#include "stats.h"

#define SPIN ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 3)
#define WARMUP 100
#define WAIT_NS 1000000000ull

static uint64_t samples[10000];

/* Asks bench-echo to yield as often as this side will. */
static const char *start_partner(uint32_t yields)
{
	struct atxf_msg req, reply;
	atxf_handle_t echo = atxf_name_lookup("bench-echo", 0);
	int err;

	if (echo < 0)
		return bench_why(echo, "looking up bench-echo");
	atxf_msg_init(&req, SPIN);
	atxf_msg_put(&req, &yields, sizeof(yields));
	err = atxf_call(echo, &req, &reply, WAIT_NS);
	atxf_cap_drop(echo);
	return err < 0 ? bench_why(err, "SYS_IPC_CALL") : NULL;
}

void bench_switch(unsigned runs)
{
	const char *why = start_partner(WARMUP + runs);
	uint64_t t0;

	if (why) {
		bench_na("yield-rtt", why);
		return;
	}
	for (unsigned i = 0; i < WARMUP + runs; i++) {
		t0 = bench_tsc();
		atxf_yield();
		if (i >= WARMUP)
			samples[i - WARMUP] = bench_tsc() - t0;
	}
	bench_report("yield-rtt", samples, runs);
}
