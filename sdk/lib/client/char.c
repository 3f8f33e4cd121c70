/*
 * The char class client (<atxf/client/char.h>). Exercised in QEMU through
 * the 16550 driver: on COM1 (tests/qemu/scenarios_clients.py) and on COM2
 * (the isa template's client, tests/sdk/check-sdk.sh).
 */
#include <string.h>
#include <atxf/client/char.h>
#include <atxf/proto/char.h>
#include "client_impl.h"

static int char_replay(struct atxf_conn *conn)
{
	struct atxf_char_client *c = (struct atxf_char_client *)conn;
	struct atxf_char_config cfg = { .baud = c->baud };

	return client_replay_events(conn, ATXF_CHAR_CONFIGURE, &cfg, c->baud ? sizeof(cfg) : 0,
				    ATXF_CHAR_SUBSCRIBE, c->data_port);
}

int atxf_char_client_open(struct atxf_char_client *c, const char *name, uint64_t timeout_ns)
{
	memset(c, 0, sizeof(*c));
	return client_open_replayed(&c->conn, &c->data_port, name, timeout_ns, char_replay);
}

int atxf_char_client_subscribe(struct atxf_char_client *c, atxf_handle_t port,
			       uint64_t notice_bits)
{
	return client_watch_subscribe(&c->conn, &c->data_port, ATXF_CHAR_SUBSCRIBE, port,
				      notice_bits, NULL, 0);
}

int atxf_char_client_configure(struct atxf_char_client *c, uint32_t baud)
{
	struct atxf_char_config cfg = { .baud = baud };
	int err = client_request(&c->conn, 0, ATXF_CHAR_CONFIGURE, &cfg, sizeof(cfg), NULL, 0);

	if (err == 0)
		c->baud = baud;
	return err;
}

static int write_step(struct atxf_conn *conn, void *buf, size_t len)
{
	return client_request(conn, 0, ATXF_CHAR_WRITE, buf, len, NULL, 0);
}

long atxf_char_client_write(struct atxf_char_client *c, const void *buf, size_t len,
			    uint64_t timeout_ns)
{
	/* The steps only read buf; the cast is for the shared step type. */
	return client_repeat(&c->conn, write_step, (void *)buf, len, ATXF_CHAR_WRITE_MAX,
			     timeout_ns);
}

void atxf_char_client_close(struct atxf_char_client *c)
{
	atxf_conn_close(&c->conn);
}
