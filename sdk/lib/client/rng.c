/*
 * The random-number class client (<atxf/client/rng.h>).
 */
#include <atxf/client/rng.h>
#include <atxf/port.h>
#include <atxf/proto/rng.h>
#include "client_impl.h"

int atxf_rng_client_open(struct atxf_rng_client *c, const char *name, uint64_t timeout_ns)
{
	return atxf_conn_open(&c->conn, name, timeout_ns);
}

/* One READ of up to ATXF_RNG_READ_MAX bytes: how many came, or an error. */
static int read_once(struct atxf_rng_client *c, void *buf, size_t len)
{
	struct atxf_rng_read r = { .len = (uint32_t)len };
	struct atxf_msg req, reply;
	int got;

	atxf_msg_init(&req, ATXF_RNG_READ);
	atxf_msg_put(&req, &r, sizeof(r));
	got = atxf_conn_call(&c->conn, &req, &reply, CLIENT_CALL_NS);
	if (got < 0)
		return got;
	if ((size_t)got > len || reply.len != (uint32_t)got)
		return -ATXF_EIO;       /* more than asked, or not what it says */
	atxf_msg_get(&reply, 0, buf, (size_t)got);
	return got;
}

static int read_step(struct atxf_conn *conn, void *buf, size_t len)
{
	return read_once((struct atxf_rng_client *)conn, buf, len);
}

long atxf_rng_client_read(struct atxf_rng_client *c, void *buf, size_t len, uint64_t timeout_ns)
{
	return client_repeat(&c->conn, read_step, buf, len, ATXF_RNG_READ_MAX, timeout_ns);
}

void atxf_rng_client_close(struct atxf_rng_client *c)
{
	atxf_conn_close(&c->conn);
}
