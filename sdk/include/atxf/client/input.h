/*
 * The input class client (docs/protocols.md §5 and §11): a keyboard's or
 * mouse's events on the client's port, across the driver's restarts. The
 * subscription and the LED state are replayed on each new generation.
 * Events during the gap are lost, so a key held when the driver died sends
 * no release: when atxf_input_client_noticed returns 1, treat every key
 * and button as released.
 */
#ifndef ATXF_CLIENT_INPUT_H
#define ATXF_CLIENT_INPUT_H

#include <stdint.h>
#include <atxf/client/conn.h>

struct atxf_input_client {
	struct atxf_conn conn;      /* first: the replay finds the client from it */
	atxf_handle_t event_port;   /* where EVENTs go; NONE: not subscribed */
	uint32_t leds;              /* ATXF_LED_* last set */
	int leds_set;               /* 1: replay leds */
};

int atxf_input_client_open(struct atxf_input_client *c, const char *name, uint64_t timeout_ns);

/* EVENTs to port; deaths noticed there as notice_bits (see <atxf/client/char.h>). */
int atxf_input_client_subscribe(struct atxf_input_client *c, atxf_handle_t port,
				uint64_t notice_bits);
static inline int atxf_input_client_noticed(struct atxf_input_client *c, uint64_t bits)
{
	return atxf_conn_noticed(&c->conn, bits);
}

/* SET_LEDS (ATXF_LED_*); kept and replayed after a restart. */
int atxf_input_client_set_leds(struct atxf_input_client *c, uint32_t leds);

void atxf_input_client_close(struct atxf_input_client *c);

#endif
