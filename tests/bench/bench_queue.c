/*
 * Block reads through the driver framework, both ways, against the same
 * driver (bench-blk.atxf) in one run: the call path (one SYS_IPC_CALL per
 * READ, queue depth 1; beside it PING, the framework's loop without the
 * class's work) and a 64-entry ring (ATTACH_RING: kept full,
 * completions reaped in batches, signals only when asked for). Each
 * figure is the whole run's cost divided by its requests:
 *   bench: NAME requests N cycles C ns T driver-cpu-ns D
 * (cycles: TSC over the run; ns: the monotonic clock over it; D: the CPU
 * time bench-blk used meanwhile, from its private CPU_NS request.)
 */
#include <stdio.h>
#include <string.h>
#include <atxf/hw.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proto/block.h>
#include <atxf/proto/driver.h>
#include <atxf/ring.h>
#include <atxf/sys.h>
#include "bench.h"
#include "stats.h"

#define ENTRIES 64u
#define SECTOR  512u
#define SIGNAL  (1ull << 2)
#define WAIT_NS 10000000000ull

static atxf_handle_t blk, mine;

#define CPU_NS ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 7)

/* bench-blk's CPU time so far (its private CPU_NS request), or 0. */
static uint64_t driver_cpu_ns(void)
{
	struct atxf_msg req, reply;
	uint64_t ns = 0;

	atxf_msg_init(&req, CPU_NS);
	if (atxf_call(blk, &req, &reply, WAIT_NS) == 0)
		memcpy(&ns, reply.data, sizeof(ns));
	return ns;
}

static uint64_t cpu0;

static void figure(const char *name, unsigned n, uint64_t cycles, uint64_t ns)
{
	uint64_t cpu = driver_cpu_ns();

	printf("bench: %s requests %u cycles %llu ns %llu driver-cpu-ns %llu\n", name, n,
	       (unsigned long long)cycles, (unsigned long long)ns,
	       (unsigned long long)(cpu - cpu0));
	cpu0 = driver_cpu_ns();
}

static int share(uint32_t type, void *mem, size_t size, const void *data, uint32_t len,
		 struct atxf_msg *reply)
{
	struct atxf_msg req;
	long grant = atxf_shm_grant(mem, size, blk, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);

	if (grant < 0)
		return (int)grant;
	atxf_msg_init(&req, type);
	atxf_msg_put(&req, data, len);
	atxf_msg_put_cap(&req, (atxf_handle_t)grant);
	if (type == ATXF_BLOCK_ATTACH_RING)
		atxf_msg_put_cap(&req, atxf_port_send_right(mine));
	return atxf_call(blk, &req, reply, WAIT_NS);
}

static const char *by_call(unsigned n)
{
	uint8_t *buf = atxf_mem_map(NULL, 4096, ATXF_PROT_READ | ATXF_PROT_WRITE);
	struct atxf_block_rw rw = { .count = 1 };
	struct atxf_msg req, reply;
	uint64_t t0, c0;

	if (!buf || share(ATXF_BLOCK_ATTACH_BUFFER, buf, 4096, NULL, 0, &reply) < 0)
		return "ATTACH_BUFFER refused";
	t0 = atxf_time_ns();
	c0 = bench_tsc();
	for (unsigned i = 0; i < n; i++) {
		rw.sector = i;
		atxf_msg_init(&req, ATXF_BLOCK_READ);
		atxf_msg_put(&req, &rw, sizeof(rw));
		if (atxf_call(blk, &req, &reply, WAIT_NS) != 0 || memcmp(buf, &rw.sector, 8))
			return "a READ failed or came back wrong";
	}
	figure("blk-call", n, bench_tsc() - c0, atxf_time_ns() - t0);
	return NULL;
}

/* The framework's loop alone: PING, answered from its counters. */
static const char *pings(unsigned n)
{
	struct atxf_msg req, reply;
	uint64_t t0, c0;

	/* Untimed: the driver may still be starting (its HELLO waits for a
	 * devmgr that this boot has not). */
	atxf_msg_init(&req, ATXF_DRIVER_PING);
	if (atxf_call(blk, &req, &reply, WAIT_NS) != 0)
		return "bench-blk does not answer PING";
	cpu0 = driver_cpu_ns();
	t0 = atxf_time_ns();
	c0 = bench_tsc();
	for (unsigned i = 0; i < n; i++) {
		atxf_msg_init(&req, ATXF_DRIVER_PING);
		if (atxf_call(blk, &req, &reply, WAIT_NS) != 0)
			return "PING failed";
	}
	figure("blk-ping", n, bench_tsc() - c0, atxf_time_ns() - t0);
	return NULL;
}

static int submit(struct atxf_ring *r, uint32_t id)
{
	struct atxf_ring_desc d = { .id = id, .opcode = ATXF_BLOCK_OP_READ, .arg = id,
				    .offset = (id % ENTRIES) * SECTOR, .length = SECTOR };

	return atxf_ring_submit(r, &d);
}

/* Reaps what is there; the id's slot is free again (ids in flight differ
 * by less than ENTRIES, so id % ENTRIES is unique among them). */
static int reap(struct atxf_ring *r, unsigned *done, unsigned *wrong)
{
	struct atxf_ring_desc c;
	int got, n = 0;

	while ((got = atxf_ring_reap(r, &c)) == 1) {
		uint64_t sector;

		memcpy(&sector, atxf_ring_data(r, (c.id % ENTRIES) * SECTOR, 8), 8);
		*wrong += c.status != 0 || sector != c.id;
		(*done)++;
		n++;
	}
	return got < 0 ? got : n;
}

static const char *by_ring(unsigned n)
{
	size_t size = atxf_ring_region_size(ENTRIES, ENTRIES * SECTOR);
	void *mem = atxf_mem_map(NULL, size, ATXF_PROT_READ | ATXF_PROT_WRITE);
	struct atxf_ring_attach a = { .signal_bits = SIGNAL };
	struct atxf_ring_attach_reply ar;
	static struct atxf_ring r;
	struct atxf_msg reply, m;
	unsigned next = 0, done = 0, wrong = 0;
	uint64_t t0, c0;

	if (!mem || atxf_ring_format(mem, size, ENTRIES) < 0 ||
	    share(ATXF_BLOCK_ATTACH_RING, mem, size, &a, sizeof(a), &reply) != 0)
		return "ATTACH_RING refused";
	memcpy(&ar, reply.data, sizeof(ar));
	if (atxf_ring_client_attach(&r, mem, size, blk, ar.doorbell) < 0)
		return "the ring's header";
	t0 = atxf_time_ns();
	c0 = bench_tsc();
	while (done < n) {
		int got;

		/* The ring kept full: ids in flight stay within ENTRIES. */
		while (next < n && next - done < ENTRIES && submit(&r, next) == 0)
			next++;
		atxf_ring_kick(&r);
		got = reap(&r, &done, &wrong);
		if (got < 0)
			return "the ring broke";
		if (got == 0 && atxf_ring_arm(&r) == 0 && atxf_recv(mine, &m, WAIT_NS) < 0)
			return "no completion signal";
	}
	figure("blk-ring", n, bench_tsc() - c0, atxf_time_ns() - t0);
	return wrong ? "completions came back wrong" : NULL;
}

void bench_queue(unsigned n)
{
	const char *why = NULL;

	blk = atxf_name_lookup("bench-blk0", WAIT_NS);
	mine = atxf_port_create();
	if (blk < 0 || mine < 0)
		why = "bench-blk.atxf is not running";
	if (!why)
		why = pings(n / 4 ? n / 4 : 1);
	if (!why)
		why = by_call(n);
	if (!why)
		why = by_ring(n);
	if (why)
		bench_na("blk-queue", why);
}
