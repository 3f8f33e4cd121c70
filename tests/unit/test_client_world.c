/*
 * The fake system of tests/unit/test_client_world.h: the few system calls
 * and runtime functions sdk/lib/client uses, on one scripted driver.
 */
#include <stdlib.h>
#include <string.h>
#include <atxf/client.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proto/block.h>
#include <atxf/proto/common.h>
#include <atxf/sys.h>
#include "test_client_world.h"

#define PORT_BASE   100         /* generation g's port handle: PORT_BASE + g */
#define ID_BASE     7000        /* its kernel id */
#define RIGHT       50          /* a send right to the client's own port */
#define GRANT       60

struct world W;
static uint64_t restart_delay;

void world_reset(int gens, uint64_t delay_ns)
{
	memset(&W, 0, sizeof(W));
	W.ngens = gens + 1;
	restart_delay = delay_ns;
	for (int g = 0; g < W.ngens; g++)
		W.gen[g].sectors = WORLD_SECTORS;
	W.gen[0].started = 1;
	W.ring_gen = -1;
}

static void die(int g)
{
	struct world_gen *gen = &W.gen[g];

	gen->dead = 1;
	W.notified |= gen->watch_bits;
	W.attached = NULL;
	W.ring_gen = -1;
	if (g + 1 < W.ngens) {
		W.gen[g + 1].started = 1;
		W.gen[g + 1].born_ns = W.now + restart_delay;
		W.cur = g + 1;
	}
}

void world_kill(void)
{
	die(W.cur);
}

unsigned world_count(int gen, uint32_t type)
{
	unsigned n = 0;

	for (unsigned i = 0; i < W.nlog; i++)
		n += W.log[i].gen == gen && W.log[i].type == type;
	return n;
}

static int gen_of(atxf_handle_t port)
{
	int g = port - PORT_BASE;

	return g >= 0 && g < W.ngens ? g : -1;
}

static void log_call(int gen, uint32_t type)
{
	if (W.nlog < WORLD_LOG)
		W.log[W.nlog++] = (struct world_call){ gen, type };
}

/* The block device's answers; sectors hold their own number in each byte. */
static int serve(struct world_gen *gen, const struct atxf_msg *req, struct atxf_msg *reply)
{
	struct atxf_block_info info = { WORLD_SECTOR, 0, gen->sectors, 4, 0 };
	struct atxf_attach_reply ar = { 8192 };
	struct atxf_ring_attach_reply rr = { .doorbell = 1 };
	struct atxf_ring_attach ra;
	struct atxf_block_rw rw;

	atxf_msg_init(reply, 0);
	switch (req->type) {
	case ATXF_BLOCK_INFO:
		atxf_msg_put(reply, &info, sizeof(info));
		return 0;
	case ATXF_BLOCK_ATTACH_BUFFER:
		W.attached = (void *)1;
		W.buffer = W.granted;
		W.buffer_size = W.granted_size;
		atxf_msg_put(reply, &ar, sizeof(ar));
		return 0;
	case ATXF_BLOCK_ATTACH_RING:
		atxf_msg_get(req, 0, &ra, sizeof(ra));
		if (atxf_ring_driver_attach(&W.ring, W.granted, W.granted_size, RIGHT,
					    ra.signal_bits) < 0)
			return -ATXF_EPROTO;
		W.ring_gen = W.cur;
		rr.entries = W.ring.entries;
		atxf_msg_put(reply, &rr, sizeof(rr));
		return 0;
	case ATXF_BLOCK_READ:
		if (gen->reads_answer_epeer)
			return -ATXF_EPEER;
		if (!W.attached)
			return -ATXF_EPROTO;
		atxf_msg_get(req, 0, &rw, sizeof(rw));
		if (rw.offset + (uint64_t)rw.count * WORLD_SECTOR > W.buffer_size)
			return -ATXF_ERANGE;
		/* Each sector's bytes are its number's low byte, where the READ said. */
		for (uint32_t i = 0; i < rw.count; i++)
			memset((uint8_t *)W.buffer + rw.offset + i * WORLD_SECTOR,
			       (uint8_t)(rw.sector + i), WORLD_SECTOR);
		return (int)rw.count;
	default:
		return 0;
	}
}

int atxf_call(atxf_handle_t port, const struct atxf_msg *req, struct atxf_msg *reply,
	      uint64_t timeout_ns)
{
	int g = gen_of(port);
	struct world_gen *gen;

	(void)timeout_ns;
	if (g < 0)
		return -ATXF_EBADH;
	gen = &W.gen[g];
	if (gen->dead) {
		log_call(-1, req->type);
		return -ATXF_EPEER;
	}
	log_call(g, req->type);
	if (++gen->calls == (uint32_t)gen->die_at_call) {
		die(g);         /* received, never answered */
		return -ATXF_EPEER;
	}
	reply->type = (uint32_t)serve(gen, req, reply);
	return (int)reply->type;
}

atxf_handle_t atxf_name_lookup(const char *name, uint64_t timeout_ns)
{
	struct world_gen *gen = &W.gen[W.cur];

	W.lookups++;
	if (strcmp(name, "drv.dev") != 0)
		return -ATXF_ENOENT;
	if (gen->dead || (gen->born_ns > W.now && gen->born_ns - W.now > timeout_ns)) {
		W.now += timeout_ns;            /* LOOKUP_WAIT held it the whole time */
		return -ATXF_ENOENT;
	}
	if (gen->born_ns > W.now)
		W.now = gen->born_ns;           /* answered when the name came */
	W.handles++;
	return PORT_BASE + W.cur;
}

int atxf_driver_find(const char *driver, char *instance, size_t size, uint64_t timeout_ns)
{
	(void)timeout_ns;
	if (strcmp(driver, "drv") != 0)
		return -ATXF_ENOENT;
	if (size < sizeof("drv.dev"))
		return -ATXF_ERANGE;
	strcpy(instance, "drv.dev");
	return 0;
}

int atxf_cap_query(atxf_handle_t h, struct atxf_cap_info *info)
{
	int g = gen_of(h);

	if (g < 0)
		return -ATXF_EBADH;
	*info = (struct atxf_cap_info){ .kind = ATXF_CAP_PORT, .base = ID_BASE + (uint64_t)g,
				       .size = 1 };
	return 0;
}

int atxf_cap_drop(atxf_handle_t h)
{
	if (gen_of(h) >= 0)
		W.handles--;
	return 0;
}

int atxf_port_watch(atxf_handle_t watched, atxf_handle_t port, uint64_t bits)
{
	int g = gen_of(watched);

	(void)port;
	if (g < 0)
		return -ATXF_EBADH;
	if (W.gen[g].dead)
		W.notified |= bits;     /* a dead port's watch fires at once */
	else
		W.gen[g].watch_bits |= bits;
	return 0;
}

atxf_handle_t atxf_port_send_right(atxf_handle_t port)
{
	(void)port;
	return RIGHT;
}

uint64_t atxf_clock_ns(void)
{
	return W.now;
}

int atxf_sleep_ns(uint64_t ns)
{
	W.now += ns;
	return 0;
}

void *atxf_mem_map(void *hint, size_t len, unsigned prot)
{
	(void)hint;
	(void)prot;
	return aligned_alloc(4096, len);
}

int atxf_mem_unmap(void *addr, size_t len)
{
	(void)len;
	free(addr);
	return 0;
}

long atxf_shm_grant(void *addr, size_t len, atxf_handle_t port, uint32_t rights)
{
	(void)rights;
	W.granted = addr;
	W.granted_size = len;
	return gen_of(port) >= 0 ? GRANT : -ATXF_EBADH;
}

int atxf_shm_revoke(long grant)
{
	return grant == GRANT ? 0 : -ATXF_EBADH;
}

/* The block queue's ring and wait: never reached by these tests' calls, but
 * linked with them (the block client replays a ring it may hold). */
int atxf_notify(atxf_handle_t port, uint64_t bits)
{
	(void)bits;
	return gen_of(port) >= 0 && !W.gen[gen_of(port)].dead ? 0 : -ATXF_EPEER;
}

int atxf_shm_probe(const volatile void *addr)
{
	(void)addr;
	return 0;
}

int atxf_recv(atxf_handle_t port, struct atxf_msg *msg, uint64_t timeout_ns)
{
	(void)port;
	(void)msg;
	W.now += timeout_ns;
	return -ATXF_ETIMEDOUT;
}

unsigned world_serve_ring(unsigned n)
{
	struct atxf_ring_desc d;
	unsigned served = 0;

	if (W.ring_gen < 0)
		return 0;
	while (served < n && atxf_ring_next(&W.ring, &d) == 1) {
		memset(atxf_ring_data(&W.ring, d.offset, d.length), (int)(uint8_t)d.arg, d.length);
		atxf_ring_complete(&W.ring, d.id, 0, d.length);
		served++;
	}
	atxf_ring_publish(&W.ring);
	W.ring_served[W.ring_gen] += served;
	return served;
}
