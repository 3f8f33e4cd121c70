/*
 * The reconnect core of the class client libraries (<atxf/client/conn.h>):
 * one driver connection that follows the driver from generation to
 * generation by its instance name. Host tests: tests/unit/test_client_conn.c.
 */
#include <string.h>
#include <atxf/client.h>
#include <atxf/client/conn.h>
#include <atxf/errors.h>
#include <atxf/port.h>
#include <atxf/sys.h>

static uint64_t deadline_after(uint64_t ns)
{
	uint64_t now = atxf_clock_ns();

	return ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
}

static void forget_port(struct atxf_conn *c)
{
	if (c->port >= 0)
		atxf_cap_drop(c->port);
	c->port = ATXF_HANDLE_NONE;
}

/* The driver is not coming back: every call says so from now on. */
static int go_stale(struct atxf_conn *c)
{
	forget_port(c);
	c->stale = -ATXF_ESTALE;
	return c->stale;
}

/* The kernel's id of the port behind h, which names a generation. */
static int port_id(atxf_handle_t h, uint64_t *id)
{
	struct atxf_cap_info ci;
	int err = atxf_cap_query(h, &ci);

	if (err < 0)
		return err;
	*id = ci.base;
	return 0;
}

/* Whether the name still leads to the port we hold: then that port lives
 * (the name service never hands out a dead one). */
static int still_current(struct atxf_conn *c)
{
	atxf_handle_t h = atxf_name_lookup(c->name, 0);
	uint64_t id;
	int same;

	if (h < 0)
		return 0;
	same = port_id(h, &id) == 0 && id == c->port_id;
	atxf_cap_drop(h);
	return same;
}

/* Takes h as the current generation's port: watches it, replays. */
static int adopt(struct atxf_conn *c, atxf_handle_t h)
{
	int err;

	forget_port(c);
	c->port = h;
	err = port_id(h, &c->port_id);
	if (!err && c->notice_port >= 0)
		err = atxf_port_watch(h, c->notice_port, c->notice_bits);
	if (!err && c->replay)
		err = c->replay(c);
	return err;
}

/* Whether name is registered already: a device a driver added
 * (atxf_device_add: "ahci-00-1f-2-p0", no dot) or a driver started by
 * hand. Such a name is the instance itself, not a driver to ask for. */
static int registered(const char *name)
{
	atxf_handle_t h = atxf_name_lookup(name, 0);

	if (h < 0)
		return 0;
	atxf_cap_drop(h);
	return 1;
}

/* The instance name for name: itself (an instance, or an added device's
 * name registered now), or the running instance of a driver. */
static int resolve(struct atxf_conn *c, const char *name, uint64_t timeout_ns)
{
	if (strlen(name) >= sizeof(c->name))
		return -ATXF_EINVAL;
	if (!strchr(name, '.') && !registered(name))
		return atxf_driver_find(name, c->name, sizeof(c->name), timeout_ns);
	strcpy(c->name, name);
	return 0;
}

int atxf_conn_open(struct atxf_conn *c, const char *name, uint64_t timeout_ns)
{
	uint64_t deadline = deadline_after(timeout_ns);
	atxf_handle_t h;
	uint64_t now;
	int err;

	memset(c, 0, sizeof(*c));
	c->port = c->notice_port = ATXF_HANDLE_NONE;
	c->restart_ns = ATXF_CLIENT_RESTART_NS;
	c->stale = -ATXF_ESTALE;        /* until it is open */
	if (name == NULL || name[0] == '\0')
		return -ATXF_EINVAL;
	err = resolve(c, name, timeout_ns);
	if (err < 0)
		return err;
	now = atxf_clock_ns();
	h = atxf_name_lookup(c->name, deadline > now ? deadline - now : 0);
	if (h < 0)
		return h;
	c->stale = 0;
	c->port = h;
	return port_id(h, &c->port_id);
}

void atxf_conn_close(struct atxf_conn *c)
{
	go_stale(c);
}

int atxf_conn_reconnect(struct atxf_conn *c)
{
	uint64_t deadline = deadline_after(c->restart_ns);
	uint64_t now;

	if (c->stale)
		return c->stale;
	forget_port(c);
	while ((now = atxf_clock_ns()) < deadline) {
		atxf_handle_t h = atxf_name_lookup(c->name, deadline - now);
		int err;

		if (h < 0)
			break;          /* ENOENT: no generation within the window */
		err = adopt(c, h);
		if (err == 0) {
			c->reconnects++;
			return 0;
		}
		if (err != -ATXF_EPEER)
			break;          /* the new generation is not the device we had */
		forget_port(c);         /* it died too: wait for the next one */
	}
	return go_stale(c);
}

int atxf_conn_call(struct atxf_conn *c, const struct atxf_msg *req, struct atxf_msg *reply,
		   uint64_t timeout_ns)
{
	int err;

	if (c->stale)
		return c->stale;
	if (c->port < 0 && (err = atxf_conn_reconnect(c)) < 0)
		return err;
	while ((err = atxf_call(c->port, req, reply, timeout_ns)) == -ATXF_EPEER) {
		/* A live driver may answer EPEER itself (a peer of its own gone). */
		if (still_current(c))
			return err;
		err = atxf_conn_reconnect(c);
		if (err < 0)
			return err;
		c->resubmits++;
	}
	return err;
}

int atxf_conn_watch(struct atxf_conn *c, atxf_handle_t port, uint64_t bits)
{
	if (c->stale)
		return c->stale;
	if (port < 0 || bits == 0)
		return -ATXF_EINVAL;
	c->notice_port = port;
	c->notice_bits = bits;
	return atxf_port_watch(c->port, port, bits);
}

int atxf_conn_noticed(struct atxf_conn *c, uint64_t bits)
{
	int err;

	if (c->notice_bits == 0 || !(bits & c->notice_bits))
		return 0;
	if (c->stale)
		return c->stale;
	/* A notice of a generation that a call already left behind. */
	if (still_current(c))
		return 0;
	err = atxf_conn_reconnect(c);
	return err < 0 ? err : 1;
}
