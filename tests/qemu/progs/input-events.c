/*
 * input-events.atxf: an input-protocol client for the driver scenarios.
 *
 *   input-events.atxf NAME...     e.g. input-events.atxf ps2-keyboard0 ps2-mouse0
 *
 * Looks each NAME up with the name service (waiting up to 10 s), subscribes
 * its own port with SUBSCRIBE (a send-only right to it as the capability)
 * and prints one line per event it then receives, until killed:
 *   input-events: subscribed to NAME
 *   input-events: KEY 0x1e 1           (code in hex, value: 1 press, 0 release, 2 repeat)
 *   input-events: BUTTON 0 1           (ATXF_BTN_*, 1 press, 0 release)
 *   input-events: REL 1 -5             (ATXF_REL_*, signed motion, Y grows down)
 * SYN events are not printed. On a failure it prints a FAIL line, exits 1.
 */
#include <stdint.h>
#include <atxf/client.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proto/input.h>
#include <atxf/sys.h>

#define LOOKUP_NS 10000000000ull

static int fail(const char *what, const char *name, int err)
{
	atxf_log("input-events: FAIL: %s %s: %s\n", what, name, atxf_strerror(err));
	return 1;
}

static int subscribe(const char *name, atxf_handle_t mine)
{
	atxf_handle_t dev = atxf_name_lookup(name, LOOKUP_NS);
	int err;

	if (dev < 0)
		return fail("looking up", name, dev);
	err = atxf_subscribe(dev, ATXF_INPUT_SUBSCRIBE, mine, LOOKUP_NS);
	if (err < 0)
		return fail("subscribing to", name, err);
	atxf_log("input-events: subscribed to %s\n", name);
	return 0;
}

static void print_event(const struct atxf_input_event *ev)
{
	static const char *const types[] = { "SYN", "KEY", "BUTTON", "REL" };

	if (ev->type == ATXF_EV_SYN)
		return;
	if (ev->type == ATXF_EV_KEY)
		atxf_log("input-events: KEY %#04x %d\n", ev->code, (int)ev->value);
	else if (ev->type < 4)
		atxf_log("input-events: %s %u %d\n", types[ev->type], ev->code, (int)ev->value);
}

int main(int argc, char **argv)
{
	struct atxf_input_events evs;
	struct atxf_msg msg;
	atxf_handle_t port = atxf_port_create();

	if (port < 0)
		return fail("creating", "a port", port);
	for (int i = 1; i < argc; i++)
		if (subscribe(argv[i], port))
			return 1;
	for (;;) {
		if (atxf_recv(port, &msg, ATXF_TIMEOUT_FOREVER) < 0 || msg.type != ATXF_INPUT_EVENT)
			continue;
		if (atxf_msg_get(&msg, 0, &evs, 8) || evs.count > ATXF_INPUT_EVENTS_MAX ||
		    atxf_msg_get(&msg, 0, &evs, 8 + evs.count * sizeof(evs.ev[0])))
			continue;
		for (uint32_t i = 0; i < evs.count; i++)
			print_event(&evs.ev[i]);
	}
}
