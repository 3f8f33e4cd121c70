/*
 * dev-follow.atxf: an event client on the input or char client library
 * (<atxf/client/input.h>, <atxf/client/char.h>) that kills its driver
 * through devmgr and follows it to the next generation by the death notice
 * alone, for tests/qemu/scenarios_clients.py (keys typed through QMP, bytes
 * on the serial line).
 *
 *   dev-follow.atxf input|char DRIVER ROUNDS COUNT
 *
 * Subscribes to DRIVER's first instance (ps2-keyboard, uart16550) and prints
 *   dev-follow: subscribed to INSTANCE generation G
 * then, for each of ROUNDS rounds, logs what it hears,
 *   dev-follow: key 0xCODE VALUE        (input: key events)
 *   dev-follow: byte 0xXX               (char: bytes received)
 * and once COUNT key releases (input) or bytes (char) arrived in the round,
 * asks devmgr to KILL the driver (all rounds but the last):
 *   dev-follow: round R done, killed pid P
 * It makes no call until the death notice on its own port tells the
 * library, which finds the new generation and subscribes there again:
 *   dev-follow: restarted: subscribed to INSTANCE generation G
 * After the last round: "dev-follow: all ROUNDS rounds heard", exit 0.
 * A FAIL line and exit 1 on any error.
 */
#include <stdlib.h>
#include <string.h>
#include <atxf/client/char.h>
#include <atxf/client/input.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proto/char.h>
#include <atxf/proto/driver.h>
#include <atxf/proto/input.h>
#include <atxf/sys.h>
#include "devmgr_ask.h"

#define OPEN_NS   30000000000ull
#define NOTICE    (1ull << 40)

struct follow {
	int is_char;
	struct atxf_input_client kbd;
	struct atxf_char_client uart;
	struct atxf_conn *conn;         /* the one in use */
	atxf_handle_t port, devmgr;
	unsigned rounds, count, round, heard;
};

/* Logs the FAIL line: -1, the loop's "stop, failed". */
static int fail(const char *what, int err)
{
	atxf_log("dev-follow: FAIL: %s: %s\n", what, atxf_strerror(err));
	return -1;
}

/* Which generation the library talks to now: its PING answer. */
static long generation(struct follow *f)
{
	struct atxf_driver_status st;
	struct atxf_msg req, reply;
	int err;

	atxf_msg_init(&req, ATXF_DRIVER_PING);
	err = atxf_conn_call(f->conn, &req, &reply, DEVMGR_ASK_NS);
	if (err < 0)
		return err;
	return atxf_msg_get(&reply, 0, &st, sizeof(st)) ? -ATXF_EPROTO : (long)st.generation;
}

static int say_subscribed(struct follow *f, const char *how)
{
	long gen = generation(f);

	if (gen < 0)
		return fail("PING", (int)gen);
	atxf_log("dev-follow: %ssubscribed to %s generation %ld\n", how, f->conn->name, gen);
	return 0;
}

/* One more thing heard: at a round's end kill the driver, or end (1). */
static int heard(struct follow *f)
{
	long pid;

	if (++f->heard < f->count)
		return 0;
	if (++f->round == f->rounds)
		return 1;
	pid = devmgr_kill_running(f->devmgr, f->conn->name);
	if (pid < 0)
		return fail("KILL through devmgr", (int)pid);
	atxf_log("dev-follow: round %u done, killed pid %ld\n", f->round, pid);
	f->heard = 0;
	return 0;
}

static int key_events(struct follow *f, const struct atxf_msg *msg)
{
	struct atxf_input_events evs;
	int r = 0;

	if (atxf_msg_get(msg, 0, &evs, 8) || evs.count > ATXF_INPUT_EVENTS_MAX ||
	    atxf_msg_get(msg, 0, &evs, 8 + evs.count * sizeof(evs.ev[0])))
		return fail("a malformed EVENT", -ATXF_EPROTO);
	for (uint32_t i = 0; i < evs.count && r == 0; i++) {
		const struct atxf_input_event *ev = &evs.ev[i];

		if (ev->type != ATXF_EV_KEY)
			continue;
		atxf_log("dev-follow: key %#04x %d\n", ev->code, (int)ev->value);
		if (ev->value == 0)
			r = heard(f);
	}
	return r;
}

static int char_data(struct follow *f, const struct atxf_msg *msg)
{
	struct atxf_char_data d;
	int r = 0;

	if (msg->len < 4 || atxf_msg_get(msg, 0, &d, msg->len))
		return fail("a malformed DATA", -ATXF_EPROTO);
	for (uint32_t i = 0; i < msg->len - 4 && r == 0; i++) {
		atxf_log("dev-follow: byte %#04x\n", d.data[i]);
		r = heard(f);
	}
	return r;
}

static int notice(struct follow *f, const struct atxf_msg *msg)
{
	uint64_t bits = 0;
	int r;

	atxf_msg_get(msg, 0, &bits, sizeof(bits));
	r = atxf_conn_noticed(f->conn, bits);
	if (r < 0)
		return fail("following the driver", r);
	return r == 1 ? say_subscribed(f, "restarted: ") : 0;
}

static int follow(struct follow *f)
{
	struct atxf_msg msg;
	int r = 0;

	while (r == 0) {
		if (atxf_recv(f->port, &msg, ATXF_TIMEOUT_FOREVER) < 0)
			continue;
		if (msg.type == ATXF_MSG_NOTIFY)
			r = notice(f, &msg);
		else if (msg.type == ATXF_INPUT_EVENT && !f->is_char)
			r = key_events(f, &msg);
		else if (msg.type == ATXF_CHAR_DATA && f->is_char)
			r = char_data(f, &msg);
	}
	return r;
}

static int open_device(struct follow *f, const char *driver)
{
	int err;

	if (f->is_char) {
		f->conn = &f->uart.conn;
		err = atxf_char_client_open(&f->uart, driver, OPEN_NS);
		return err ? err : atxf_char_client_subscribe(&f->uart, f->port, NOTICE);
	}
	f->conn = &f->kbd.conn;
	err = atxf_input_client_open(&f->kbd, driver, OPEN_NS);
	return err ? err : atxf_input_client_subscribe(&f->kbd, f->port, NOTICE);
}

int main(int argc, char **argv)
{
	static struct follow f;
	int err;

	if (argc != 5 || (strcmp(argv[1], "input") && strcmp(argv[1], "char"))) {
		atxf_log("dev-follow: usage: dev-follow.atxf input|char DRIVER ROUNDS COUNT\n");
		return 2;
	}
	f.is_char = !strcmp(argv[1], "char");
	f.rounds = (unsigned)atoi(argv[3]);
	f.count = (unsigned)atoi(argv[4]);
	f.port = atxf_port_create();
	f.devmgr = atxf_name_lookup("devmgr", OPEN_NS);
	if (f.port < 0 || f.devmgr < 0)
		return -fail("a port, or devmgr's name", f.port < 0 ? f.port : f.devmgr);
	err = open_device(&f, argv[2]);
	if (err < 0)
		return -fail("subscribing", err);
	if (say_subscribed(&f, "") || follow(&f) < 0)
		return 1;
	atxf_log("dev-follow: all %u rounds heard\n", f.rounds);
	return 0;
}
