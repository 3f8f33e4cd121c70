/*
 * shm-hammer.atxf: a client takes its shared region back (revokes it, or
 * is killed) while a driver hammers the region in a tight loop.
 *
 *   shm-hammer.atxf driver          (start it as hammer-drv.atxf)
 *   shm-hammer.atxf revoke N        N cycles; this process is the client
 *   shm-hammer.atxf kill N          N cycles, each with a fresh client
 *                                   spawned from the archive and killed
 *                                   (start line: `with root bootfs`)
 *   shm-hammer.atxf victim          that client (spawned by kill)
 *   shm-hammer.atxf self            grants a page to its own port, maps
 *                                   it, reads it through the mapping (so
 *                                   the TLB holds it), revokes: the next
 *                                   read must see the stand-in's zeros
 *
 * driver registers "hammer-drv". On ATTACH (caps[0]: a READ|WRITE grant of
 * REGION bytes) it maps the grant, replies, and hammers: in each round it
 * reads one word of every page (the client's pattern, or 0 once revoked)
 * and writes its round number into word 0 of every page, asking
 * atxf_shm_probe every 16 rounds. When the probe says ESTALE it goes on
 * for AFTER more rounds, reading every word of the region (none may be
 * the client's) and writing everywhere, then unmaps the region
 * (SYS_SHM_UNMAP) and drops the grant. RESULT gets the last cycle's
 * figures, STOP ends it.
 *
 * A client maps REGION bytes, fills every word but each page's word 0 with
 * its pattern, grants them and calls ATTACH, then waits until the driver
 * has done START rounds, so the end lands in the middle of the hammering.
 * revoke: revokes, copies its region, calls RESULT (the driver has done
 * its AFTER rounds by then) and checks that not a byte of its region
 * changed after the revoke, then unmaps it. kill: the victim says READY to
 * the boss, which kills it, reaps it and calls RESULT.
 *
 * Each mode measures free RAM after one warm-up cycle and after the N
 * cycles, and the driver's SYS_MEM_MAP use at every RESULT. Output:
 *   shm-hammer revoke: N cycles: ESTALE each time, 0 client words read after, region unchanged after each revoke
 *   shm-hammer kill: N cycles: ESTALE each time, 0 client words read after
 *   shm-hammer MODE: free RAM changed by K KiB over N cycles; the driver's use stayed B bytes
 *   hammer driver: stopped after C cycles
 *   shm-hammer self: the revoked mapping reads zeros at once, my page kept its bytes
 * Exit 0, or 1 after a `shm-hammer ...: FAIL: ...` line.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/cap.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/sys.h>
#include <atxf/ustar.h>

#define ATTACH  ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define RESULT  ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define STOP    ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 3)
#define READY   ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 4)
#define PAGE    4096u
#define NPAGES  16u
#define REGION  (NPAGES * PAGE)
#define WORDS   (PAGE / 4)
#define START   200u            /* driver rounds before the client ends it */
#define AFTER   100u            /* driver rounds after it saw ESTALE */
#define WAIT_NS 30000000000ull  /* a loaded 2-core TCG host */
#define SLACK_KIB 256           /* kernel heap and page tables of fresh addresses */
#define CLIENT_TAG 0xc1000000u
#define DRIVER_TAG 0xd0000000u
#define TAG_MASK   0xff000000u

static const char *who = "shm-hammer";

static int fail(const char *what, long err)
{
	atxf_log("%s: FAIL: %s: %s\n", who, what, atxf_strerror((int)err));
	return 1;
}

/* The client's word i of page p; word 0 of each page is the driver's. */
static uint32_t client_word(unsigned p, unsigned i)
{
	return CLIENT_TAG | (p << 12) | i;
}

/* What the driver sends back for a cycle. */
struct result {
	uint32_t live_rounds;   /* before the probe said ESTALE */
	uint32_t after_rounds;  /* after */
	uint32_t client_after;  /* client words read after ESTALE: must be 0 */
	uint32_t odd;           /* words neither the client's, 0 nor the driver's */
	int32_t err;            /* 0, or why the cycle failed */
	uint32_t pad;
	uint64_t mem_used;      /* the driver's SYS_MEM_MAP use once it let go */
};

/* ---- the driver */

static int foreign(uint32_t w)
{
	return w && (w & TAG_MASK) != DRIVER_TAG && (w & TAG_MASK) != CLIENT_TAG;
}

/* Rounds until the probe says the region was revoked. */
static int hammer_live(volatile uint32_t *m, struct result *r)
{
	uint64_t give_up = atxf_clock_ns() + WAIT_NS;

	for (uint32_t round = 0;; round++) {
		if (round % 16 == 0) {
			int st = atxf_shm_probe(m);

			if (st == -ATXF_ESTALE)
				return r->live_rounds = round, 0;
			if (st < 0 || atxf_clock_ns() > give_up)
				return st < 0 ? st : -ATXF_ETIMEDOUT;
		}
		for (unsigned p = 0; p < NPAGES; p++) {
			uint32_t w = m[p * WORDS + 1 + round % (WORDS - 1)];

			r->odd += foreign(w) || ((w & TAG_MASK) == DRIVER_TAG);
			m[p * WORDS] = DRIVER_TAG | round;
		}
	}
}

/* Rounds after the revoke: every word read, none the client's. */
static void hammer_after(volatile uint32_t *m, struct result *r)
{
	for (uint32_t round = 0; round < AFTER; round++, r->after_rounds++) {
		for (unsigned i = 0; i < NPAGES * WORDS; i++) {
			uint32_t w = m[i];

			r->client_after += (w & TAG_MASK) == CLIENT_TAG;
			r->odd += foreign(w);
		}
		for (unsigned i = round % 7; i < NPAGES * WORDS; i += 7)
			m[i] = DRIVER_TAG | round;
	}
}

static void serve_attach(const struct atxf_msg *m, struct result *r)
{
	struct atxf_msg reply;
	struct atxf_cap_info info;
	volatile uint32_t *mem = NULL;
	struct atxf_mem_info mi;

	memset(r, 0, sizeof(*r));
	r->err = m->ncaps == 1 ? atxf_cap_query(m->caps[0], &info) : -ATXF_EPROTO;
	if (!r->err && (info.kind != ATXF_CAP_SHM || info.size != REGION))
		r->err = -ATXF_EPROTO;
	if (!r->err) {
		mem = atxf_shm_map(m->caps[0], ATXF_PROT_READ | ATXF_PROT_WRITE);
		r->err = mem ? 0 : -ATXF_ENOMEM;
	}
	atxf_msg_init(&reply, (uint32_t)r->err);
	atxf_reply(m, &reply);
	if (!r->err)
		r->err = hammer_live(mem, r);
	if (!r->err)
		hammer_after(mem, r);
	if (mem && atxf_shm_unmap((void *)mem) < 0 && !r->err)
		r->err = -ATXF_EINVAL;
	if (m->ncaps)
		atxf_cap_drop(m->caps[0]);
	r->mem_used = atxf_mem_info(&mi) < 0 ? ~0ull : mi.used;
}

static int driver(void)
{
	static struct result last = { .err = -ATXF_ENOENT };
	atxf_handle_t port = atxf_port_create();
	struct atxf_msg m, reply;
	unsigned cycles = 0;
	int err;

	who = "hammer driver";
	if (port < 0)
		return fail("creating a port", port);
	err = atxf_name_register("hammer-drv", port);
	if (err < 0)
		return fail("registering \"hammer-drv\"", err);
	for (;;) {
		err = atxf_recv(port, &m, ATXF_TIMEOUT_FOREVER);
		if (err < 0)
			return fail("waiting for a request", err);
		if (m.type == ATTACH) {
			serve_attach(&m, &last);
			cycles++;
			continue;
		}
		atxf_msg_init(&reply, 0);
		if (m.type == RESULT)
			atxf_msg_put(&reply, &last, sizeof(last));
		atxf_reply(&m, &reply);
		if (m.type == STOP)
			break;
	}
	atxf_log("hammer driver: stopped after %u cycles\n", cycles);
	return 0;
}

/* ---- the client side */

/* A fresh region with the client's pattern, granted and attached. */
static uint32_t *attach_region(atxf_handle_t drv, long *grant)
{
	uint32_t *m = atxf_mem_map(NULL, REGION, ATXF_PROT_READ | ATXF_PROT_WRITE);
	struct atxf_msg req, reply;
	int status;

	if (!m)
		return fail("SYS_MEM_MAP", -ATXF_ENOMEM), NULL;
	for (unsigned p = 0; p < NPAGES; p++)
		for (unsigned i = 1; i < WORDS; i++)
			m[p * WORDS + i] = client_word(p, i);
	*grant = atxf_shm_grant(m, REGION, drv, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	if (*grant < 0)
		return fail("SYS_SHM_GRANT", *grant), NULL;
	atxf_msg_init(&req, ATTACH);
	atxf_msg_put_cap(&req, (atxf_handle_t)*grant);
	status = atxf_call(drv, &req, &reply, WAIT_NS);
	if (status == 0)
		status = (int)reply.type;
	return status ? fail("ATTACH", status), NULL : m;
}

/* Until the driver's round counter in page 0 passes START. */
static int wait_hammering(volatile uint32_t *m)
{
	uint64_t give_up = atxf_clock_ns() + WAIT_NS;

	while ((m[0] & TAG_MASK) != DRIVER_TAG || (m[0] & ~TAG_MASK) < START) {
		if (atxf_clock_ns() > give_up)
			return fail("waiting for the driver to hammer", -ATXF_ETIMEDOUT);
		atxf_yield();
	}
	return 0;
}

/* The driver's figures for the cycle that just ended; checked. */
static int driver_result(atxf_handle_t drv, struct result *r)
{
	struct atxf_msg req, reply;
	int status;

	atxf_msg_init(&req, RESULT);
	status = atxf_call(drv, &req, &reply, WAIT_NS);
	if (status)
		return fail("RESULT", status);
	memcpy(r, reply.data, sizeof(*r));
	if (r->err)
		return fail("the driver's cycle", r->err);
	if (r->client_after || r->odd || r->after_rounds != AFTER) {
		atxf_log("%s: FAIL: the driver read %u client word(s) after ESTALE, %u odd "
			 "word(s), %u rounds after\n", who, r->client_after, r->odd,
			 r->after_rounds);
		return 1;
	}
	return 0;
}

/* The region's pattern intact, word 0 of each page aside (the driver's). */
static int pattern_intact(const uint32_t *m)
{
	for (unsigned p = 0; p < NPAGES; p++)
		for (unsigned i = 1; i < WORDS; i++)
			if (m[p * WORDS + i] != client_word(p, i))
				return 0;
	return 1;
}

/* One revoke cycle: revoke mid-hammer, then the region must not change. */
static int revoke_cycle(atxf_handle_t drv, struct result *r)
{
	static uint32_t copy[REGION / 4];
	long grant;
	uint32_t *m = attach_region(drv, &grant);
	int err;

	if (!m || wait_hammering(m))
		return 1;
	err = atxf_shm_revoke(grant);
	if (err < 0)
		return fail("SYS_SHM_REVOKE", err);
	memcpy(copy, m, REGION);
	if (driver_result(drv, r))
		return 1;
	if (!pattern_intact(m))
		return fail("the driver wrote over the client's pattern", -ATXF_EIO);
	if (memcmp(copy, m, REGION))
		return fail("the region changed after the revoke", -ATXF_EIO);
	err = atxf_mem_unmap(m, REGION);
	return err < 0 ? fail("SYS_MEM_UNMAP after the revoke", err) : 0;
}

/* The victim: attach, wait for the hammer, tell the boss, wait to die. */
static int victim(void)
{
	atxf_handle_t drv = atxf_name_lookup("hammer-drv", WAIT_NS);
	struct atxf_msg ready;
	long grant;
	uint32_t *m;
	int err;

	who = "shm-hammer victim";
	if (drv < 0)
		return fail("looking up \"hammer-drv\"", drv);
	m = attach_region(drv, &grant);
	if (!m || wait_hammering(m))
		return 1;
	atxf_msg_init(&ready, READY);
	err = atxf_send(ATXF_HANDLE_PARENT, &ready, 0);
	if (err < 0)
		return fail("sending READY", err);
	for (;;)
		atxf_sleep_ns(WAIT_NS);
}

/* The boss's archive (`with root bootfs`): the SHM handle among the extras. */
static int find_self(struct atxf_ustar_entry *e)
{
	const struct atxf_start_info *si = atxf_start_info();
	struct atxf_cap_info ci;

	for (atxf_handle_t h = ATXF_HANDLE_FIRST_EXTRA; h < (atxf_handle_t)si->ncaps; h++) {
		const void *fs;

		if (atxf_cap_query(h, &ci) < 0 || ci.kind != ATXF_CAP_SHM)
			continue;
		fs = atxf_shm_map(h, ATXF_PROT_READ);
		if (fs && atxf_ustar_find(fs, ci.size, "shm-hammer.atxf", e) == 1)
			return 0;
	}
	return fail("shm-hammer.atxf in a `bootfs` grant", -ATXF_ENOENT);
}

static long spawn_victim(const struct atxf_ustar_entry *e, atxf_handle_t right)
{
	static const char *argv[] = { "hammer-victim.atxf", "victim", NULL };
	struct atxf_spawn s;

	memset(&s, 0, sizeof(s));
	s.image = (uint64_t)(uintptr_t)e->data;
	s.image_size = e->size;
	s.name = (uint64_t)(uintptr_t)argv[0];
	s.argc = 2;
	s.argv = (uint64_t)(uintptr_t)argv;
	s.ncaps = 2;
	s.caps[ATXF_HANDLE_PARENT] = right;
	s.caps[ATXF_HANDLE_NAMESERVICE] = ATXF_HANDLE_NAMESERVICE;
	return atxf_proc_spawn(&s);
}

/* One kill cycle: a victim attaches, is killed mid-hammer and reaped. */
static int kill_cycle(atxf_handle_t drv, struct result *r)
{
	static struct atxf_ustar_entry self;
	static atxf_handle_t port = ATXF_HANDLE_NONE, right;
	struct atxf_msg m;
	int status, err;
	long pid;

	if (port == ATXF_HANDLE_NONE) {
		if (find_self(&self))
			return 1;
		port = atxf_port_create();
		right = port < 0 ? port : atxf_port_send_right(port);
		if (right < 0)
			return fail("a port for READY", right);
	}
	pid = spawn_victim(&self, right);
	if (pid < 0)
		return fail("spawning the victim", pid);
	err = atxf_recv(port, &m, WAIT_NS);
	if (err < 0 || m.type != READY)
		return fail("waiting for READY", err < 0 ? err : -ATXF_EPROTO);
	err = atxf_proc_kill((uint32_t)pid);
	if (!err)
		err = atxf_proc_wait((uint32_t)pid, &status, WAIT_NS);
	if (err < 0)
		return fail("killing and reaping the victim", err);
	if (status != ATXF_EXIT_KILLED)
		return fail("the victim's status (killed expected)", -ATXF_EIO);
	return driver_result(drv, r);
}

static long free_kib(void)
{
	struct atxf_mem_info mi;

	return atxf_mem_info(&mi) < 0 ? -1 : (long)(mi.ram_free / 1024);
}

typedef int (*cycle_fn)(atxf_handle_t drv, struct result *r);

/* A warm-up cycle, then n measured ones; then the driver stops. */
static int boss(cycle_fn cycle, unsigned n)
{
	atxf_handle_t drv = atxf_name_lookup("hammer-drv", WAIT_NS);
	struct atxf_msg req, reply;
	struct result r;
	uint64_t used;
	long before, change;

	if (drv < 0)
		return fail("looking up \"hammer-drv\"", drv);
	if (cycle(drv, &r))
		return 1;
	used = r.mem_used;
	before = free_kib();
	for (unsigned i = 0; i < n; i++) {
		if (cycle(drv, &r))
			return atxf_log("%s: FAIL: cycle %u of %u\n", who, i + 1, n), 1;
		if (r.mem_used != used)
			return fail("the driver's SYS_MEM_MAP use moved", -ATXF_ENOMEM);
	}
	change = free_kib() - before;
	atxf_log("%s: %u cycles: ESTALE each time, 0 client words read after%s\n", who, n,
		 cycle == revoke_cycle ? ", region unchanged after each revoke" : "");
	atxf_log("%s: free RAM changed by %ld KiB over %u cycles; the driver's use stayed %llu "
		 "bytes\n", who, change, n, (unsigned long long)used);
	atxf_msg_init(&req, STOP);
	atxf_call(drv, &req, &reply, WAIT_NS);
	return change > -SLACK_KIB && change < SLACK_KIB ? 0 : fail("free RAM", -ATXF_ENOMEM);
}

/* The revoker is the receiver: its own loaded mapping must change at once. */
static int self(void)
{
	volatile uint32_t *page = atxf_mem_map(NULL, PAGE, ATXF_PROT_READ | ATXF_PROT_WRITE);
	atxf_handle_t port = atxf_port_create();
	volatile uint32_t *view;
	long grant;
	int err;

	who = "shm-hammer self";
	if (!page || port < 0)
		return fail("memory or a port", port < 0 ? port : -ATXF_ENOMEM);
	page[7] = client_word(0, 7);
	grant = atxf_shm_grant((void *)page, PAGE, port, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	view = grant < 0 ? NULL : atxf_shm_map((atxf_handle_t)grant, ATXF_PROT_READ);
	if (!view)
		return fail("granting and mapping my own page", grant < 0 ? grant : -ATXF_ENOMEM);
	if (view[7] != client_word(0, 7))
		return fail("my page through the mapping", -ATXF_EIO);
	err = atxf_shm_revoke(grant);
	if (err < 0)
		return fail("SYS_SHM_REVOKE", err);
	if (view[7] != 0 || atxf_shm_probe(view) != -ATXF_ESTALE)
		return fail("the mapping right after the revoke (zeros, ESTALE expected)", -ATXF_EIO);
	if (page[7] != client_word(0, 7))
		return fail("my own page after the revoke", -ATXF_EIO);
	err = atxf_shm_unmap((void *)view);
	if (err < 0)
		return fail("SYS_SHM_UNMAP", err);
	atxf_log("shm-hammer self: the revoked mapping reads zeros at once, my page kept its "
		 "bytes\n");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "self"))
		return self();
	if (argc > 1 && !strcmp(argv[1], "driver"))
		return driver();
	if (argc > 1 && !strcmp(argv[1], "victim"))
		return victim();
	if (argc > 2 && !strcmp(argv[1], "revoke"))
		return who = "shm-hammer revoke", boss(revoke_cycle, (unsigned)atoi(argv[2]));
	if (argc > 2 && !strcmp(argv[1], "kill"))
		return who = "shm-hammer kill", boss(kill_cycle, (unsigned)atoi(argv[2]));
	atxf_log("shm-hammer: usage: shm-hammer.atxf driver | revoke N | kill N | victim | self\n");
	return 2;
}
