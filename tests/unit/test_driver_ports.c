/*
 * IPC doubles for the driver framework's host tests: see test_driver_ports.h.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "test_driver_ports.h"

struct tport tport;

#define SHM_MAX 16

static struct { atxf_handle_t h; void *mem; size_t size; } shms[SHM_MAX];
static unsigned nshms;
static uint32_t next_port_id = 100;

static struct atxf_start_info start_info;
static const char *start_argv[5];

void tport_reset(void)
{
	for (unsigned i = 0; i < nshms; i++)
		munmap(shms[i].mem, shms[i].size);      /* a revoked one: no harm */
	nshms = 0;
	memset(&tport, 0, sizeof(tport));
	tport.empty_err = -ATXF_EPEER;
	tport.bad_port = ATXF_HANDLE_NONE;
	tport.dead_port = ATXF_HANDLE_NONE;
	memset(&start_info, 0, sizeof(start_info));
	atxf_fake_reset();
}

void tport_push(const struct atxf_msg *msg)
{
	if (tport.in_count < TPORT_LOG_MAX)
		tport.inbox[(tport.in_head + tport.in_count++) % TPORT_LOG_MAX] = *msg;
}

struct atxf_msg *tport_push_request(uint32_t type, uint32_t pid, const void *data,
				    uint32_t len, uint64_t token)
{
	struct atxf_msg m;

	memset(&m, 0, sizeof(m));
	m.type = type;
	m.sender = pid;
	m.reply = token;
	m.len = len;
	if (data && len)
		memcpy(m.data, data, len);
	tport_push(&m);
	return &tport.inbox[(tport.in_head + tport.in_count - 1) % TPORT_LOG_MAX];
}

void tport_push_notify(uint64_t bits)
{
	struct atxf_msg m;

	memset(&m, 0, sizeof(m));
	m.type = ATXF_MSG_NOTIFY;
	m.len = sizeof(bits);
	memcpy(m.data, &bits, sizeof(bits));
	tport_push(&m);
}

atxf_handle_t tport_client_port(void)
{
	return atxf_fake_cap_add(ATXF_CAP_PORT, ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT,
				 next_port_id++, 0);
}

atxf_handle_t tport_shm(size_t size, void **mem)
{
	atxf_handle_t h = atxf_fake_cap_add(ATXF_CAP_SHM, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE,
					    0, size);

	if (h < 0 || nshms == SHM_MAX)
		return ATXF_HANDLE_NONE;
	/* Whole pages, as the kernel maps a grant: a test can revoke it
	 * with munmap and the framework's probe sees it (fake_shm.c). */
	shms[nshms].h = h;
	shms[nshms].size = size;
	shms[nshms].mem = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);
	if (shms[nshms].mem == MAP_FAILED)
		return ATXF_HANDLE_NONE;
	*mem = shms[nshms++].mem;
	return h;
}

atxf_handle_t tport_shm_dma(size_t size, void **mem)
{
	atxf_handle_t h;
	void *m;

	if (nshms == SHM_MAX)
		return ATXF_HANDLE_NONE;
	m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return ATXF_HANDLE_NONE;
	h = atxf_fake_cap_shm(m, size);     /* so atxf_dma_map knows it */
	if (h < 0) {
		munmap(m, size);
		return ATXF_HANDLE_NONE;
	}
	shms[nshms].h = h;
	shms[nshms].size = size;
	shms[nshms++].mem = m;
	*mem = m;
	return h;
}

int tport_handle_live(atxf_handle_t h)
{
	struct atxf_cap_info ci;

	return atxf_cap_query(h, &ci) == 0;
}

void tport_set_start(int argc, const char *const *argv, uint32_t ncaps)
{
	memset(start_argv, 0, sizeof(start_argv));
	for (int i = 0; i < argc && i < 4; i++)
		start_argv[i] = argv[i];
	start_info.magic = ATXF_START_MAGIC;
	start_info.argc = (uint32_t)argc;
	start_info.argv = (uint64_t)(uintptr_t)start_argv;
	start_info.pid = 42;
	start_info.ncaps = ncaps;
}

/* ---- the doubles ---- */

const struct atxf_start_info *atxf_start_info(void)
{
	return start_info.magic ? &start_info : NULL;
}

atxf_handle_t atxf_port_create(void)
{
	return atxf_fake_cap_add(ATXF_CAP_PORT, ATXF_RIGHTS_ALL, next_port_id++, 0);
}

int atxf_port_close(atxf_handle_t port)
{
	return atxf_cap_drop(port);
}

int atxf_call_watch(atxf_handle_t port, uint64_t bits)
{
	(void)port;
	tport.call_watch_bits = bits;
	return 0;
}

int atxf_call_probe(uint64_t token)
{
	for (unsigned i = 0; i < tport.ngone; i++)
		if (tport.gone_tokens[i] == token)
			return -ATXF_ENOENT;
	return 0;
}

atxf_handle_t atxf_port_send_right(atxf_handle_t port)
{
	if (!tport_handle_live(port))
		return -ATXF_EBADH;
	return atxf_fake_cap_add(ATXF_CAP_PORT, ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT,
				 next_port_id++, 0);
}

int atxf_port_watch(atxf_handle_t watched, atxf_handle_t port, uint64_t bits)
{
	if (!tport_handle_live(watched) || !tport_handle_live(port))
		return -ATXF_EBADH;
	if (tport.nwatches == TPORT_LOG_MAX)
		return -ATXF_ENOSPC;
	tport.watches[tport.nwatches].watched = watched;
	tport.watches[tport.nwatches++].bits = bits;
	return 0;
}

static void log_msg(struct tport_sent *log, unsigned *n, atxf_handle_t port, unsigned flags,
		    const struct atxf_msg *msg)
{
	if (*n < TPORT_LOG_MAX)
		log[(*n)++] = (struct tport_sent){ .port = port, .flags = flags, .msg = *msg };
}

int atxf_send(atxf_handle_t port, const struct atxf_msg *msg, unsigned flags)
{
	if (!tport_handle_live(port))
		return -ATXF_EBADH;
	if (port == tport.bad_port)
		return tport.port_err;
	log_msg(tport.sent, &tport.nsent, port, flags, msg);
	return 0;
}

int atxf_recv(atxf_handle_t port, struct atxf_msg *msg, uint64_t timeout_ns)
{
	(void)port;
	tport.recvs++;
	tport.last_timeout = timeout_ns;
	if (tport.on_recv)
		tport.on_recv(tport.ctx);
	if (tport.in_count == 0)
		return tport.empty_err;
	*msg = tport.inbox[tport.in_head];
	tport.in_head = (tport.in_head + 1) % TPORT_LOG_MAX;
	tport.in_count--;
	return 0;
}

/* One inbox for every port: what arrives is the first port's. */
int atxf_recv_any(const atxf_handle_t *ports, unsigned n, struct atxf_msg *msg,
		  uint64_t timeout_ns)
{
	int err = n ? atxf_recv(ports[0], msg, timeout_ns) : -ATXF_EINVAL;

	return err < 0 ? err : 0;
}

int atxf_call(atxf_handle_t port, const struct atxf_msg *req, struct atxf_msg *reply,
	      uint64_t timeout_ns)
{
	(void)timeout_ns;
	log_msg(tport.calls, &tport.ncalls, port, 0, req);
	if (tport.call_err)
		return tport.call_err;
	memset(reply, 0, sizeof(*reply));
	reply->type = (uint32_t)tport.call_status;
	reply->sender = tport.call_sender;
	return tport.call_status;
}

int atxf_reply(const struct atxf_msg *req, const struct atxf_msg *reply)
{
	log_msg(tport.replies, &tport.nreplies, (atxf_handle_t)req->reply, 0, reply);
	return 0;
}

int atxf_notify(atxf_handle_t port, uint64_t bits)
{
	if (!tport_handle_live(port))
		return -ATXF_EBADH;
	if (port == tport.dead_port)
		return -ATXF_EPEER;
	if (tport.nnotifies < TPORT_LOG_MAX && bits) {
		tport.notifies[tport.nnotifies].port = port;
		tport.notifies[tport.nnotifies++].bits = bits;
	}
	return port == tport.bad_port ? tport.port_err : 0;
}

void *atxf_shm_map(atxf_handle_t shm, unsigned prot)
{
	(void)prot;
	for (unsigned i = 0; i < nshms; i++)
		if (shms[i].h == shm)
			return shms[i].mem;
	return NULL;
}

int atxf_name_register(const char *name, atxf_handle_t port)
{
	(void)port;
	strncpy(tport.registered, name, sizeof(tport.registered) - 1);
	return tport.register_err;
}

int atxf_name_unregister(const char *name)
{
	strncpy(tport.unregistered, name, sizeof(tport.unregistered) - 1);
	return 0;
}
