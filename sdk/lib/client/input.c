/*
 * The input class client (<atxf/client/input.h>). The console follows the
 * PS/2 keyboard through it (services/console).
 */
#include <string.h>
#include <atxf/client/input.h>
#include <atxf/proto/input.h>
#include "client_impl.h"

static int input_replay(struct atxf_conn *conn)
{
	struct atxf_input_client *c = (struct atxf_input_client *)conn;
	struct atxf_input_leds l = { .leds = c->leds };
	int err = 0;

	if (c->leds_set)
		err = client_request(conn, 1, ATXF_INPUT_SET_LEDS, &l, sizeof(l), NULL, 0);
	if (!err && c->event_port >= 0)
		err = client_subscribe_once(conn, ATXF_INPUT_SUBSCRIBE, c->event_port, NULL, 0);
	return err;
}

int atxf_input_client_open(struct atxf_input_client *c, const char *name, uint64_t timeout_ns)
{
	int err;

	memset(c, 0, sizeof(*c));
	c->event_port = ATXF_HANDLE_NONE;
	err = atxf_conn_open(&c->conn, name, timeout_ns);
	c->conn.replay = input_replay;
	return err;
}

int atxf_input_client_subscribe(struct atxf_input_client *c, atxf_handle_t port,
				uint64_t notice_bits)
{
	int err = atxf_conn_watch(&c->conn, port, notice_bits);

	if (err < 0)
		return err;
	c->event_port = port;
	return client_subscribe(&c->conn, ATXF_INPUT_SUBSCRIBE, port, NULL, 0);
}

int atxf_input_client_set_leds(struct atxf_input_client *c, uint32_t leds)
{
	struct atxf_input_leds l = { .leds = leds };
	int err = client_request(&c->conn, 0, ATXF_INPUT_SET_LEDS, &l, sizeof(l), NULL, 0);

	if (err == 0) {
		c->leds = leds;
		c->leds_set = 1;
	}
	return err;
}

void atxf_input_client_close(struct atxf_input_client *c)
{
	atxf_conn_close(&c->conn);
}
