/*
 * queue-client.atxf: N reads through a block device's request ring with
 * 64 in flight (tests/qemu/scenarios_queues.py; the driver is
 * queue-edu.atxf, which completes them out of order from its interrupt).
 *
 *   queue-client.atxf N DEVICE...   (N reads of one sector each, N >= 64)
 *   queue-client.atxf abandon DEVICE
 *
 * For each DEVICE in turn (the k-th, from 0, holds the disk QUEUE_DISK(k)
 * of queue_pattern.h): looks it up, formats a 64-entry ring with a sector of data per
 * entry, ATTACH_RINGs it (caps: the grant and a send right to its own
 * port), then keeps the ring full: 64 reads submitted before the first
 * kick, and each one reaped is replaced until N were submitted. Request id
 * k reads sector (k * 7919) mod 2^20 into a free slot of the data area;
 * each completion must name an id in flight, say status 0 and 512 bytes,
 * and its slot must hold that sector's contents (queue_pattern.h). It sleeps
 * on its port (after arming) only when nothing is left to reap. Then 4
 * reads through the call path (ATTACH_BUFFER, READ), deferred by the
 * driver the same way, each checked, and on the first DEVICE one read of a
 * sector that hangs until the driver's 300 ms timeout (QUEUE_SLOW), which
 * must end with -ATXF_ETIMEDOUT, then one of a sector that hangs for good,
 * given up after 300 ms here: the driver must hear of it and cancel it.
 *
 * abandon: attaches a ring to DEVICE, submits 64 reads of sectors that
 * hang (QUEUE_STUCK), rings the doorbell, waits until the driver took them
 * and exits: the driver must cancel all 64 when it hears the client is
 * gone. Output:
 *   queue-client: DEVICE: N of N completions right, M in flight, O out of order
 * (M: the most submitted and not yet reaped at once).
 *   queue-client: DEVICE: signals: D doorbells, C completion signals
 *   queue-client: DEVICE: 4 of 4 call-path reads right
 *   queue-client: DEVICE: a hung read ended with ETIMEDOUT
 *   queue-client: DEVICE: gave up on a hung read
 *   queue-client: abandoning 64 reads on DEVICE
 *   queue-client: FAIL: ...
 * Exit 0 when every completion was right, 1 otherwise.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/cap.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proto/block.h>
#include <atxf/ring.h>
#include <atxf/sys.h>
#include "queue_pattern.h"

#define ENTRIES  64u
#define SIGNAL   (1ull << 4)
#define WAIT_NS  30000000000ull         /* a loaded 2-core TCG host */
#define NO_ID    0xffffffffu

static struct {
	struct atxf_ring r;
	uint32_t slot_id[ENTRIES];      /* the id reading into each slot, or NO_ID */
	uint32_t next_id, total, right, done, out_of_order, heard;
	uint32_t most;                  /* the most submitted and not yet reaped */
	uint64_t disk;                  /* the device's sector 0 in the pattern */
	const char *name;
	atxf_handle_t drv, mine;
} q;

static int fail(const char *what, long err)
{
	atxf_log("queue-client: FAIL: %s: %s\n", what, atxf_strerror((int)err));
	return 1;
}

static uint64_t sector_of(uint32_t id)
{
	return ((uint64_t)id * 7919u) % QUEUE_STUCK;      /* none hangs */
}

static int submit_one(void)
{
	struct atxf_ring_desc d = { .id = q.next_id, .opcode = ATXF_BLOCK_OP_READ,
				    .length = QUEUE_SECTOR, .arg = sector_of(q.next_id) };
	uint32_t slot = 0;
	int err;

	while (q.slot_id[slot] != NO_ID)
		slot++;
	d.offset = slot * QUEUE_SECTOR;
	err = atxf_ring_submit(&q.r, &d);
	if (err)
		return fail("submitting", err);
	q.slot_id[slot] = q.next_id++;
	if (q.next_id - q.done > q.most)
		q.most = q.next_id - q.done;
	return 0;
}

static int slot_of(uint32_t id)
{
	for (unsigned s = 0; s < ENTRIES; s++)
		if (q.slot_id[s] == id)
			return (int)s;
	return -1;
}

static void check(const struct atxf_ring_desc *c)
{
	int slot = slot_of(c->id);

	if (slot < 0) {
		fail("a completion for an id not in flight", -ATXF_ENOENT);
		return;
	}
	if (c->status == 0 && c->length == QUEUE_SECTOR &&
	    queue_holds(atxf_ring_data(&q.r, (uint32_t)slot * QUEUE_SECTOR, QUEUE_SECTOR),
			q.disk + sector_of(c->id), 1))
		q.right++;
	else
		atxf_log("queue-client: FAIL: id %u: status %d, %u bytes, data %s\n", c->id,
			 c->status, c->length, c->status ? "-" : "wrong");
	if (c->id != q.done)
		q.out_of_order++;       /* not the k-th completion for the k-th request */
	q.slot_id[slot] = NO_ID;
	q.done++;
}

/* Reaps what is there: how many, or -1. */
static int reap_all(void)
{
	struct atxf_ring_desc c;
	int n = 0, got;

	while ((got = atxf_ring_reap(&q.r, &c)) == 1) {
		check(&c);
		n++;
	}
	return got < 0 ? (fail("reaping", got), -1) : n;
}

static int wait_signal(void)
{
	struct atxf_msg m;
	int err;

	if (atxf_ring_arm(&q.r) == 1)
		return 0;               /* arrived while arming */
	err = atxf_recv(q.mine, &m, WAIT_NS);
	if (err < 0)
		return fail("waiting for completions", err);
	q.heard++;
	return 0;
}

static int stream(void)
{
	while (q.next_id < ENTRIES)
		if (submit_one())
			return 1;
	while (q.done < q.total) {
		int n;

		if (atxf_ring_kick(&q.r) < 0)
			return fail("the doorbell", -ATXF_EPEER);
		n = reap_all();
		if (n < 0)
			return 1;
		/* Refill to 64 in flight, whoever reaped the completions. */
		while (q.next_id < q.total && q.next_id - q.done < ENTRIES)
			if (submit_one())
				return 1;
		if (q.done < q.total && atxf_ring_kick(&q.r) >= 0 && reap_all() == 0 &&
		    wait_signal())
			return 1;
	}
	return 0;
}

static int attach_ring(void *mem, size_t size)
{
	struct atxf_ring_attach a = { .signal_bits = SIGNAL };
	struct atxf_ring_attach_reply ar;
	struct atxf_msg req, reply;
	long grant = atxf_shm_grant(mem, size, q.drv, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	atxf_handle_t right = atxf_port_send_right(q.mine);
	int err;

	if (grant < 0 || right < 0)
		return fail("SYS_SHM_GRANT or a send right", grant < 0 ? grant : right);
	atxf_msg_init(&req, ATXF_BLOCK_ATTACH_RING);
	atxf_msg_put(&req, &a, sizeof(a));
	atxf_msg_put_cap(&req, (atxf_handle_t)grant);
	atxf_msg_put_cap(&req, right);
	err = atxf_call(q.drv, &req, &reply, WAIT_NS);
	if (err)
		return fail("ATTACH_RING", err);
	memcpy(&ar, reply.data, sizeof(ar));
	if (ar.entries != ENTRIES)
		return fail("ATTACH_RING's reply", -ATXF_EPROTO);
	err = atxf_ring_client_attach(&q.r, mem, size, q.drv, ar.doorbell);
	return err ? fail("attaching the client side", err) : 0;
}

/* Four reads through the call path; the driver defers them too. */
static int call_reads(void)
{
	size_t size = 4 * QUEUE_SECTOR < 4096 ? 4096 : 4 * QUEUE_SECTOR;
	uint8_t *buf = atxf_mem_map(NULL, size, ATXF_PROT_READ | ATXF_PROT_WRITE);
	struct atxf_msg req, reply;
	unsigned right = 0;
	long grant;
	int err;

	if (!buf)
		return fail("a buffer", -ATXF_ENOMEM);
	grant = atxf_shm_grant(buf, size, q.drv, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	atxf_msg_init(&req, ATXF_BLOCK_ATTACH_BUFFER);
	atxf_msg_put_cap(&req, (atxf_handle_t)grant);
	err = atxf_call(q.drv, &req, &reply, WAIT_NS);
	if (grant < 0 || err)
		return fail("ATTACH_BUFFER", grant < 0 ? grant : err);
	for (unsigned k = 0; k < 4; k++) {
		struct atxf_block_rw rw = { .sector = 1000 + 77 * k, .count = 1,
					    .offset = k * QUEUE_SECTOR };

		atxf_msg_init(&req, ATXF_BLOCK_READ);
		atxf_msg_put(&req, &rw, sizeof(rw));
		err = atxf_call(q.drv, &req, &reply, WAIT_NS);
		if (err)
			return fail("READ", err);
		right += queue_holds(buf + k * QUEUE_SECTOR, q.disk + rw.sector, 1);
	}
	atxf_log("queue-client: %s: %u of 4 call-path reads right\n", q.name, right);
	return right == 4 ? 0 : 1;
}

/*
 * A read of a sector that hangs, called with timeout_ns: it must end with
 * -ATXF_ETIMEDOUT, whoever's timeout that was (then `done` is logged).
 */
static int hung_read(uint64_t sector, uint64_t timeout_ns, const char *done)
{
	struct atxf_block_rw rw = { .sector = sector, .count = 1 };
	struct atxf_msg req, reply;
	int err;

	atxf_msg_init(&req, ATXF_BLOCK_READ);
	atxf_msg_put(&req, &rw, sizeof(rw));
	err = atxf_call(q.drv, &req, &reply, timeout_ns);
	if (err != -ATXF_ETIMEDOUT)
		return fail("a read that hangs did not end with ETIMEDOUT", err);
	atxf_log("queue-client: %s: %s\n", q.name, done);
	return 0;
}

/* The whole check against one device, the k-th. */
static int device(const char *name, unsigned k, uint32_t total)
{
	size_t size = atxf_ring_region_size(ENTRIES, ENTRIES * QUEUE_SECTOR);
	void *mem = atxf_mem_map(NULL, size, ATXF_PROT_READ | ATXF_PROT_WRITE);

	memset(&q, 0, sizeof(q));
	memset(q.slot_id, 0xff, sizeof(q.slot_id));
	q.total = total;
	q.disk = QUEUE_DISK(k);
	q.name = name;
	q.drv = atxf_name_lookup(name, WAIT_NS);
	q.mine = atxf_port_create();
	if (!mem || q.drv < 0 || q.mine < 0)
		return fail("memory, the device's name or a port", q.drv < 0 ? q.drv : -ATXF_ENOMEM);
	if (atxf_ring_format(mem, size, ENTRIES) < 0)
		return fail("formatting the ring", -ATXF_EINVAL);
	if (attach_ring(mem, size) || stream())
		return 1;
	atxf_log("queue-client: %s: %u of %u completions right, %u in flight, %u out of order\n",
		 name, q.right, q.total, q.most, q.out_of_order);
	atxf_log("queue-client: %s: signals: %u doorbells, %u completion signals\n",
		 name, q.r.signals, q.heard);
	/* The driver's 300 ms timeout ends the first; this side gives up the
	 * second after 300 ms, and the driver must hear of it and cancel it. */
	if (call_reads() ||
	    (k == 0 && (hung_read(QUEUE_SLOW + 5, WAIT_NS, "a hung read ended with ETIMEDOUT") ||
			hung_read(QUEUE_STUCK + 7, 300000000ull, "gave up on a hung read"))))
		return 1;
	return q.right == q.total ? 0 : 1;
}

/* Submits 64 reads that hang, then leaves: the driver must cancel them. */
static int abandon(const char *name)
{
	size_t size = atxf_ring_region_size(ENTRIES, ENTRIES * QUEUE_SECTOR);
	void *mem = atxf_mem_map(NULL, size, ATXF_PROT_READ | ATXF_PROT_WRITE);

	q.name = name;
	q.drv = atxf_name_lookup(name, WAIT_NS);
	q.mine = atxf_port_create();
	if (!mem || q.drv < 0 || q.mine < 0 || atxf_ring_format(mem, size, ENTRIES) < 0)
		return fail("memory, the device's name or a port", q.drv < 0 ? q.drv : -ATXF_ENOMEM);
	if (attach_ring(mem, size))
		return 1;
	for (uint32_t i = 0; i < ENTRIES; i++) {
		struct atxf_ring_desc d = { .id = i, .opcode = ATXF_BLOCK_OP_READ,
					    .offset = i * QUEUE_SECTOR, .length = QUEUE_SECTOR,
					    .arg = QUEUE_STUCK + i };

		if (atxf_ring_submit(&q.r, &d) < 0)
			return fail("submitting", -ATXF_EAGAIN);
	}
	if (atxf_ring_kick(&q.r) < 0)
		return fail("the doorbell", -ATXF_EPEER);
	/* Leave once the driver took them all, so that they are its to cancel. */
	for (unsigned ms = 0; __atomic_load_n(&((struct atxf_ring_header *)mem)->sq.cons,
					      __ATOMIC_ACQUIRE) != ENTRIES; ms++) {
		if (ms == WAIT_NS / 1000000)
			return fail("the driver did not take the reads", -ATXF_ETIMEDOUT);
		atxf_sleep_ns(1000000);
	}
	atxf_log("queue-client: abandoning %u reads on %s\n", ENTRIES, name);
	return 0;
}

int main(int argc, char **argv)
{
	uint32_t total = argc > 2 ? (uint32_t)strtoul(argv[1], NULL, 10) : 0;
	int failed = 0;

	if (argc == 3 && !strcmp(argv[1], "abandon"))
		return abandon(argv[2]);
	if (total < ENTRIES)
		return fail("usage: queue-client.atxf N DEVICE... (N >= 64)", -ATXF_EINVAL);
	for (int i = 2; i < argc; i++)
		failed |= device(argv[i], (unsigned)(i - 2), total);
	return failed;
}
