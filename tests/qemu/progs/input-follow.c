/*
 * input-follow.atxf: an input client on the input client library
 * (<atxf/client/input.h>) that kills its keyboard driver through devmgr
 * and follows it to the next generation by the death notice alone, for
 * tests/qemu/scenarios_clients.py (keys typed through QMP).
 *
 *   input-follow.atxf DRIVER ROUNDS KEYS
 *
 * Subscribes to DRIVER's first instance (ps2-keyboard) and prints
 *   input-follow: subscribed to INSTANCE generation G
 * then, for each of ROUNDS rounds, logs every key event
 *   input-follow: key 0xCODE VALUE
 * and, once KEYS key releases arrived in the round, asks devmgr to KILL the
 * driver (all rounds but the last):
 *   input-follow: round R done, killed pid P
 * makes no call until the death notice on its own port tells the library,
 * which finds the new generation and subscribes there again:
 *   input-follow: restarted: subscribed to INSTANCE generation G
 * After the last round: "input-follow: all ROUNDS rounds heard", exit 0.
 * A FAIL line and exit 1 on any error.
 */
#include <stdlib.h>
#include <atxf/client/input.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proto/driver.h>
#include <atxf/proto/input.h>
#include <atxf/sys.h>
#include "devmgr_ask.h"

#define OPEN_NS   30000000000ull
#define NOTICE    (1ull << 40)

struct follow {
	struct atxf_input_client kbd;
	atxf_handle_t port, devmgr;
	unsigned rounds, keys, round, released;
};

/* Logs the FAIL line: -1, the loop's "stop, failed". */
static int fail(const char *what, int err)
{
	atxf_log("input-follow: FAIL: %s: %s\n", what, atxf_strerror(err));
	return -1;
}

/* Which generation the library talks to now: its PING answer. */
static long generation(struct follow *f)
{
	struct atxf_driver_status st;
	struct atxf_msg req, reply;
	int err;

	atxf_msg_init(&req, ATXF_DRIVER_PING);
	err = atxf_conn_call(&f->kbd.conn, &req, &reply, DEVMGR_ASK_NS);
	if (err < 0)
		return err;
	return atxf_msg_get(&reply, 0, &st, sizeof(st)) ? -ATXF_EPROTO : (long)st.generation;
}

static int say_subscribed(struct follow *f, const char *how)
{
	long gen = generation(f);

	if (gen < 0)
		return fail("PING", (int)gen);
	atxf_log("input-follow: %ssubscribed to %s generation %ld\n", how, f->kbd.conn.name, gen);
	return 0;
}

/* A round's last release: kill the driver, or end. 1 when all are done. */
static int round_done(struct follow *f)
{
	long pid;

	if (++f->round == f->rounds)
		return 1;
	pid = devmgr_kill_running(f->devmgr, f->kbd.conn.name);
	if (pid < 0)
		return fail("KILL through devmgr", (int)pid);
	atxf_log("input-follow: round %u done, killed pid %ld\n", f->round, pid);
	f->released = 0;
	return 0;
}

/* One EVENT message: 1 when all rounds are heard, -1 on failure. */
static int events(struct follow *f, const struct atxf_msg *msg)
{
	struct atxf_input_events evs;

	if (atxf_msg_get(msg, 0, &evs, 8) || evs.count > ATXF_INPUT_EVENTS_MAX ||
	    atxf_msg_get(msg, 0, &evs, 8 + evs.count * sizeof(evs.ev[0])))
		return fail("a malformed EVENT", -ATXF_EPROTO);
	for (uint32_t i = 0; i < evs.count; i++) {
		const struct atxf_input_event *ev = &evs.ev[i];
		int r;

		if (ev->type != ATXF_EV_KEY)
			continue;
		atxf_log("input-follow: key %#04x %d\n", ev->code, (int)ev->value);
		if (ev->value == 0 && ++f->released == f->keys && (r = round_done(f)) != 0)
			return r;
	}
	return 0;
}

static int notice(struct follow *f, const struct atxf_msg *msg)
{
	uint64_t bits = 0;
	int r;

	atxf_msg_get(msg, 0, &bits, sizeof(bits));
	r = atxf_input_client_noticed(&f->kbd, bits);
	if (r < 0)
		return fail("following the driver", r);
	return r == 1 && say_subscribed(f, "restarted: ") ? -1 : 0;
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
		else if (msg.type == ATXF_INPUT_EVENT)
			r = events(f, &msg);
	}
	return r;
}

int main(int argc, char **argv)
{
	static struct follow f;
	int err;

	if (argc != 4) {
		atxf_log("input-follow: usage: input-follow.atxf DRIVER ROUNDS KEYS\n");
		return 2;
	}
	f.rounds = (unsigned)atoi(argv[2]);
	f.keys = (unsigned)atoi(argv[3]);
	f.port = atxf_port_create();
	f.devmgr = atxf_name_lookup("devmgr", OPEN_NS);
	if (f.port < 0 || f.devmgr < 0)
		return -fail("a port, or devmgr's name", f.port < 0 ? f.port : f.devmgr);
	err = atxf_input_client_open(&f.kbd, argv[1], OPEN_NS);
	if (!err)
		err = atxf_input_client_subscribe(&f.kbd, f.port, NOTICE);
	if (err < 0)
		return -fail("subscribing", err);
	if (say_subscribed(&f, ""))
		return 1;
	if (follow(&f) < 0)
		return 1;
	atxf_log("input-follow: all %u rounds heard\n", f.rounds);
	return 0;
}
