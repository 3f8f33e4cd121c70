/*
 * The input class client (<atxf/client/input.h>). Exercised in QEMU
 * through the PS/2 keyboard driver (dev-follow.atxf,
 * tests/qemu/scenarios_clients.py).
 */
#include <string.h>
#include <atxf/client/input.h>
#include <atxf/proto/input.h>
#include "client_impl.h"

static int input_replay(struct atxf_conn *conn)
{
	struct atxf_input_client *c = (struct atxf_input_client *)conn;
	struct atxf_input_leds l = { .leds = c->leds };

	return client_replay_events(conn, ATXF_INPUT_SET_LEDS, &l, c->leds_set ? sizeof(l) : 0,
				    ATXF_INPUT_SUBSCRIBE, c->event_port);
}

int atxf_input_client_open(struct atxf_input_client *c, const char *name, uint64_t timeout_ns)
{
	memset(c, 0, sizeof(*c));
	return client_open_replayed(&c->conn, &c->event_port, name, timeout_ns, input_replay);
}

int atxf_input_client_subscribe(struct atxf_input_client *c, atxf_handle_t port,
				uint64_t notice_bits)
{
	return client_watch_subscribe(&c->conn, &c->event_port, ATXF_INPUT_SUBSCRIBE, port,
				      notice_bits, NULL, 0);
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
