/*
 * ring-pair.atxf: 10,000 requests through a ring (<atxf/ring.h>) between
 * two processes, and the revoke at the end.
 *
 *   ring-pair.atxf driver      (start it as ring-drv.atxf)
 *   ring-pair.atxf client N    (start it as ring-client.atxf)
 *
 * driver registers "ring-drv" and waits for ATTACH: caps[0] the client's
 * grant of its region, caps[1] a send right to the client's port. It maps
 * the region, attaches as the driver and serves: each request's 16 bytes
 * must hold the client's pattern for its id; it writes its own pattern
 * over them and completes the request with status = id & 0xffff. It
 * drains every request a doorbell finds, completes each batch in reverse
 * order (so completions come out of order), publishes once, and arms the
 * doorbell only when the ring is empty.
 *
 * client formats a 64-entry region, grants it, sends ATTACH, then keeps
 * the ring full until N requests completed, checking each completion's
 * id, status and payload; it sleeps on its port only when it can neither
 * submit nor reap. Then it revokes the grant and calls DONE; the driver
 * must find the region gone (atxf_ring_check: ESTALE) without touching it.
 * Output:
 *   ring client: N of N completions right
 *   ring client: signals: D doorbells, C completion signals for N requests
 *   ring driver: region revoked: refused with ESTALE, still serving
 *   ring driver: served N requests, refused 0, woken W times
 * Any FAIL line exits 1.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/cap.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/ring.h>
#include <atxf/sys.h>

#define ATTACH  ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define DONE    ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define ENTRIES 64u
#define REQ_LEN 16u
#define DOORBELL   1ull
#define COMPLETION 2ull
#define WAIT_NS 20000000000ull  /* a loaded 2-core TCG host */

static int fail(const char *role, const char *what, long err)
{
	atxf_log("ring %s: FAIL: %s: %s\n", role, what, atxf_strerror((int)err));
	return 1;
}

/* Byte i of a request's bytes, as the client (salt 0) or driver wrote it. */
static uint8_t pattern(uint32_t id, unsigned i, uint8_t salt)
{
	return (uint8_t)(id * 31u + i * 7u + (id >> 8)) ^ salt;
}

#define DRIVER_SALT 0xa5

static void fill(uint8_t *p, uint32_t id, uint8_t salt)
{
	for (unsigned i = 0; i < REQ_LEN; i++)
		p[i] = pattern(id, i, salt);
}

static int holds(const uint8_t *p, uint32_t id, uint8_t salt)
{
	for (unsigned i = 0; i < REQ_LEN; i++)
		if (p[i] != pattern(id, i, salt))
			return 0;
	return 1;
}

/* ---- the driver */

struct served {
	unsigned requests, refused, wakeups;
};

/* Takes every waiting request, checks and answers it, completes the batch
 * in reverse order and publishes: 0, or -E when the ring is unusable. */
static int drain(struct atxf_ring *r, struct served *s)
{
	struct atxf_ring_desc batch[ENTRIES];
	unsigned n = 0;
	int got;

	while ((got = atxf_ring_next(r, &batch[n])) != 0) {
		if (got == -ATXF_EPROTO || got == -ATXF_ESTALE)
			return got;
		if (got < 0) {
			s->refused++;
			continue;
		}
		uint8_t *p = atxf_ring_data(r, batch[n].offset, REQ_LEN);

		if (batch[n].length != REQ_LEN || !holds(p, batch[n].id, 0))
			return fail("driver", "a request's bytes", -ATXF_EIO), -ATXF_EIO;
		fill(p, batch[n].id, DRIVER_SALT);
		n++;
	}
	while (n--) {
		got = atxf_ring_complete(r, batch[n].id, (int32_t)(batch[n].id & 0xffff), REQ_LEN);
		if (got < 0)
			return got;
		s->requests++;
	}
	got = atxf_ring_publish(r);
	return got < 0 ? got : 0;
}

/* Maps the grant in an ATTACH and attaches to it as the driver. */
static int attach(struct atxf_ring *r, const struct atxf_msg *m)
{
	struct atxf_cap_info info;
	void *mem;
	int err;

	if (m->type != ATTACH || m->ncaps != 2)
		return fail("driver", "ATTACH with two capabilities expected", -ATXF_EPROTO);
	err = atxf_cap_query(m->caps[0], &info);
	if (err < 0 || info.kind != ATXF_CAP_SHM)
		return fail("driver", "the grant", err < 0 ? err : -ATXF_EBADH);
	mem = atxf_shm_map(m->caps[0], ATXF_PROT_READ | ATXF_PROT_WRITE);
	if (!mem)
		return fail("driver", "SYS_SHM_MAP", -ATXF_ENOMEM);
	err = atxf_ring_driver_attach(r, mem, info.size, m->caps[1], COMPLETION);
	if (err < 0)
		atxf_log("ring driver: FAIL: the region: %s\n", r->broken);
	return err < 0;
}

static int finish(struct atxf_ring *r, const struct atxf_msg *m, const struct served *s)
{
	struct atxf_msg reply;
	int err = atxf_ring_check(r);

	if (err != -ATXF_ESTALE)
		return fail("driver", "the revoked region was not detected", err);
	atxf_log("ring driver: region revoked: refused with ESTALE, still serving\n");
	atxf_log("ring driver: served %u requests, refused %u, woken %u times\n",
		 s->requests, s->refused, s->wakeups);
	atxf_msg_init(&reply, 0);
	atxf_reply(m, &reply);
	return 0;
}

static int serve(atxf_handle_t port, struct atxf_ring *r)
{
	struct served s = { 0 };
	struct atxf_msg m;
	int err;

	for (;;) {
		err = drain(r, &s);
		if (err < 0)
			return fail("driver", r->broken ? r->broken : "the ring", err);
		if (atxf_ring_arm(r) == 1)
			continue;               /* more came while arming */
		err = atxf_recv(port, &m, WAIT_NS);
		if (err < 0)
			return fail("driver", "waiting for a doorbell", err);
		if (m.type == DONE)
			return finish(r, &m, &s);
		s.wakeups++;
	}
}

static int driver(void)
{
	static struct atxf_ring r;
	struct atxf_msg m, reply;
	atxf_handle_t port = atxf_port_create();
	int err;

	if (port < 0)
		return fail("driver", "creating a port", port);
	err = atxf_name_register("ring-drv", port);
	if (err < 0)
		return fail("driver", "registering \"ring-drv\"", err);
	err = atxf_recv(port, &m, WAIT_NS);
	if (err < 0)
		return fail("driver", "waiting for ATTACH", err);
	if (attach(&r, &m))
		return 1;
	atxf_msg_init(&reply, 0);
	atxf_reply(&m, &reply);
	return serve(port, &r);
}

/* ---- the client */

struct stream {
	struct atxf_ring r;
	uint32_t total, sent, right;
	uint32_t slot[2 * ENTRIES];    /* data slot of id, by id % (2 * ENTRIES) */
	uint32_t free[ENTRIES];        /* data slots not in use */
	uint32_t nfree;
	unsigned completions_heard;
};

/* Submits while the ring has room; kicks once for the lot. */
static int submit_some(struct stream *s)
{
	while (s->sent < s->total && s->nfree) {
		uint32_t id = s->sent + 1, slot = s->free[s->nfree - 1];
		struct atxf_ring_desc d = { .id = id, .opcode = 1, .offset = slot * REQ_LEN,
					    .length = REQ_LEN };
		int err;

		fill(atxf_ring_data(&s->r, d.offset, REQ_LEN), id, 0);
		err = atxf_ring_submit(&s->r, &d);
		if (err == -ATXF_EAGAIN)
			break;
		if (err < 0)
			return fail("client", "submitting", err);
		s->slot[id % (2 * ENTRIES)] = slot;
		s->nfree--;
		s->sent++;
	}
	return atxf_ring_kick(&s->r) < 0;
}

/* Reaps every completion and checks it: how many, or -1. */
static int reap_all(struct stream *s)
{
	struct atxf_ring_desc d;
	int n = 0, got;

	while ((got = atxf_ring_reap(&s->r, &d)) == 1) {
		uint32_t slot = s->slot[d.id % (2 * ENTRIES)];

		if (d.status == (int32_t)(d.id & 0xffff) && d.length == REQ_LEN &&
		    holds(atxf_ring_data(&s->r, slot * REQ_LEN, REQ_LEN), d.id, DRIVER_SALT))
			s->right++;
		else
			atxf_log("ring client: FAIL: completion of %u wrong\n", d.id);
		s->free[s->nfree++] = slot;
		n++;
	}
	return got < 0 ? fail("client", "reaping", got), -1 : n;
}

static int wait_completion(struct stream *s, atxf_handle_t port)
{
	struct atxf_msg m;
	int err;

	if (atxf_ring_arm(&s->r) == 1)
		return 0;
	err = atxf_recv(port, &m, WAIT_NS);
	if (err < 0)
		return fail("client", "waiting for completions", err);
	s->completions_heard++;
	return 0;
}

static int run_stream(struct stream *s, atxf_handle_t port)
{
	uint32_t done = 0;
	int n;

	while (done < s->total) {
		if (submit_some(s))
			return 1;
		n = reap_all(s);
		if (n < 0)
			return 1;
		done += (uint32_t)n;
		if (!n && wait_completion(s, port))
			return 1;
	}
	return 0;
}

/* Grants the region to the driver's port and calls ATTACH: the grant. */
static long share(void *mem, size_t size, atxf_handle_t drv, atxf_handle_t mine)
{
	struct atxf_msg req, reply;
	long grant = atxf_shm_grant(mem, size, drv, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	atxf_handle_t right = atxf_port_send_right(mine);
	int status;

	if (grant < 0 || right < 0)
		return fail("client", "SYS_SHM_GRANT or a send right", grant < 0 ? grant : right),
		       -1;
	atxf_msg_init(&req, ATTACH);
	atxf_msg_put_cap(&req, (atxf_handle_t)grant);
	atxf_msg_put_cap(&req, right);
	status = atxf_call(drv, &req, &reply, WAIT_NS);
	return status ? fail("client", "ATTACH", status), -1 : grant;
}

static int client(uint32_t total)
{
	static struct stream s;
	size_t size = atxf_ring_region_size(ENTRIES, ENTRIES * REQ_LEN);
	void *mem = atxf_mem_map(NULL, size, ATXF_PROT_READ | ATXF_PROT_WRITE);
	atxf_handle_t drv = atxf_name_lookup("ring-drv", WAIT_NS), mine = atxf_port_create();
	struct atxf_msg req, reply;
	long grant;

	if (!mem || drv < 0 || mine < 0)
		return fail("client", "memory, \"ring-drv\" or a port", drv < 0 ? drv : -ATXF_ENOMEM);
	if (atxf_ring_format(mem, size, ENTRIES) < 0 ||
	    atxf_ring_client_attach(&s.r, mem, size, drv, DOORBELL) < 0)
		return fail("client", "formatting the region", -ATXF_EINVAL);
	for (s.nfree = 0; s.nfree < ENTRIES; s.nfree++)
		s.free[s.nfree] = s.nfree;
	s.total = total;
	grant = share(mem, size, drv, mine);
	if (grant < 0 || run_stream(&s, mine))
		return 1;
	atxf_log("ring client: %u of %u completions right\n", s.right, total);
	atxf_log("ring client: signals: %u doorbells, %u completion signals for %u requests\n",
		 s.r.signals, s.completions_heard, total);
	if (atxf_shm_revoke(grant) < 0)
		return fail("client", "SYS_SHM_REVOKE", -ATXF_EBADH);
	atxf_msg_init(&req, DONE);
	if (atxf_call(drv, &req, &reply, WAIT_NS) != 0)
		return fail("client", "DONE", -ATXF_EPEER);
	return s.right == total ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "driver"))
		return driver();
	if (argc > 2 && !strcmp(argv[1], "client"))
		return client((uint32_t)strtoul(argv[2], NULL, 10));
	atxf_log("ring-pair: usage: ring-pair.atxf driver | client N\n");
	return 2;
}
