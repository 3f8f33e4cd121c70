/*
 * console: the system's shell on the PS/2 keyboard and the COM1 serial
 * line (docs/console.md). Started by init with `start console.atxf`: it
 * holds the name service and nothing else, no hardware capabilities.
 *
 * It looks up devmgr, subscribes its one port to every input driver and to
 * the serial driver (sources.c), and then runs one loop: key and pointer
 * events, serial bytes, and devmgr's notices of driver changes (events.c),
 * which it follows to subscribe again after a restart.
 * printf goes to the kernel's debug log; the terminal is the serial line.
 *
 * Built with x86_64-atxf-gcc like any ATXF program (rule 4).
 */
#include <stdio.h>
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proto/char.h>
#include <atxf/proto/input.h>
#include <atxf/sys.h>
#include "console.h"

#define DEVMGR_LOOKUP_NS (10000 * MS)
#define STARTUP_NS       (5000 * MS)
#define BANNER           "\r\nATXF console; type help for the commands\r\n"

static struct console con;
static struct shell_env env;

static void echo(void *ctx, const char *s, size_t n)
{
	termout_write(&((struct console *)ctx)->out, s, n);
}

/* One character from the keyboard or the serial line, for that source's line. */
static void typed(struct console *c, struct line *line, int ch)
{
	if (!ch)
		return;
	if (c->shell.mouse_mode) {
		/* The key that ends mouse mode is not typed. */
		shell_mouse_stop(&c->shell);
		return;
	}
	switch (line_char(line, ch)) {
	case LINE_ENTER:
		/* The echo goes out before the command runs, which may restart
		 * the very driver it would go through. */
		termout_flush(&c->out);
		shell_run(&c->shell, line->buf);
		line_clear(line);
		break;
	case LINE_CANCEL:
		shell_prompt(&c->shell);
		break;
	case LINE_MORE:
		break;
	}
}

static void key_event(struct console *c, const struct atxf_input_event *ev)
{
	int ch = keymap_key(&c->keys, ev->code, ev->value);

	/* In mouse mode any key press ends it, even one that types nothing;
	 * the keymap still saw it, so shift and the locks stay right. */
	if (!c->shell.mouse_mode)
		typed(c, &c->key_line, ch);
	else if (ev->value == ATXF_KEY_PRESS)
		shell_mouse_stop(&c->shell);
}

static void input_events(struct console *c, const struct atxf_msg *msg)
{
	struct atxf_input_events evs;
	struct source *src = source_by_pid(c, msg->sender);

	if (atxf_msg_get(msg, 0, &evs, 8) || evs.count > ATXF_INPUT_EVENTS_MAX ||
	    atxf_msg_get(msg, 0, &evs, 8 + evs.count * sizeof(evs.ev[0])))
		return;
	for (uint32_t i = 0; i < evs.count; i++) {
		const struct atxf_input_event *ev = &evs.ev[i];

		if (ev->type == ATXF_EV_KEY) {
			if (src)
				src->pointer = false;
			key_event(c, ev);
		} else {
			if (src && ev->type != ATXF_EV_SYN)
				src->pointer = true;
			screen_pointer_event(&c->screen, ev->type, ev->code, ev->value);
			shell_pointer(&c->shell, ev);
		}
	}
}

static void serial_data(struct console *c, const struct atxf_msg *msg)
{
	const uint8_t *bytes = msg->data + 4;
	uint32_t n;

	if (msg->len < 4 || msg->len > ATXF_MSG_DATA_MAX)
		return;
	n = msg->len - 4;
	if (n && c->shell.mouse_mode) {
		shell_mouse_stop(&c->shell);
		return;
	}
	for (uint32_t i = 0; i < n; i++)
		typed(c, &c->serial_line, serial_byte(&c->serial_in, bytes[i]));
}

static void handle(struct console *c, const struct atxf_msg *msg)
{
	if (msg->type == ATXF_INPUT_EVENT)
		input_events(c, msg);
	else if (msg->type == ATXF_CHAR_DATA)
		serial_data(c, msg);
	/* Anything else (a driver's liveness notification) needs nothing. */
}

/* devmgr's notice: a driver may have started, ended or come back. */
static bool driver_change(const struct atxf_msg *msg)
{
	uint64_t bits = 0;

	if (msg->type != ATXF_MSG_NOTIFY)
		return false;
	atxf_msg_get(msg, 0, &bits, sizeof(bits));
	return bits & CONSOLE_EVENT_BIT;
}

/* One message: a driver change is followed, anything else handled. */
static void take(struct console *c, const struct atxf_msg *msg)
{
	if (!driver_change(msg))
		handle(c, msg);
	else if (events_drain(c))
		sources_scan(c);
}

/* Waits up to 5 s for the drivers to run, subscribing as devmgr reports them. */
static void await_sources(struct console *c)
{
	uint64_t deadline = atxf_clock_ns() + STARTUP_NS, now;
	struct atxf_msg msg;

	sources_scan(c);
	while (!sources_settled(c) && (now = atxf_clock_ns()) < deadline) {
		uint64_t wait = deadline - now;

		if (sources_need_retry(c) && wait > CONSOLE_RETRY_NS)
			wait = CONSOLE_RETRY_NS;
		if (atxf_recv(c->port, &msg, wait) >= 0)
			take(c, &msg);
		else if (sources_need_retry(c))
			sources_scan(c);
	}
	sources_log_ready(c);
}

static _Noreturn void serve(struct console *c)
{
	struct atxf_msg msg;

	for (;;) {
		bool retry = sources_need_retry(c);

		if (atxf_recv(c->port, &msg, retry ? CONSOLE_RETRY_NS : ATXF_TIMEOUT_FOREVER) >= 0)
			take(c, &msg);
		else if (retry)
			sources_scan(c);
		termout_flush(&c->out);
	}
}

int main(void)
{
	struct console *c = &con;
	int err;

	c->port = atxf_port_create();
	if (c->port < 0) {
		atxf_log("console: creating a port failed (%s)\n", atxf_strerror(c->port));
		return 1;
	}
	c->devmgr = atxf_name_lookup("devmgr", DEVMGR_LOOKUP_NS);
	if (c->devmgr < 0) {
		atxf_log("console: no devmgr (%s): no devices to read from\n",
			 atxf_strerror(c->devmgr));
		return 1;
	}
	sources_init(c);
	err = events_watch(c);
	if (err < 0) {
		atxf_log("console: devmgr refused its event stream (%s): driver restarts "
			 "will not be followed\n", atxf_strerror(err));
	}
	keymap_init(&c->keys);
	serial_init(&c->serial_in);
	console_env_bind(c, &env);
	line_init(&c->key_line, echo, c);
	line_init(&c->serial_line, echo, c);
	shell_init(&c->shell, &env);

	await_sources(c);
	console_write(c, BANNER);
	shell_prompt(&c->shell);
	termout_flush(&c->out);
	serve(c);
}
