/*
 * port-xfer.atxf: the transfer of a port capability in a message.
 *
 *   port-xfer.atxf give        (start it as port-give.atxf)
 *   port-xfer.atxf take        (start it as port-take.atxf)
 *
 * take registers "port-take" and waits for one HERE message. give creates
 * a port, derives a send-only right (WRITE|GRANT) to it, looks up
 * "port-take" and sends HERE with that right in caps[0] and a cookie in
 * data. take checks what it got (SYS_CAP_QUERY: a PORT with WRITE, without
 * READ, so receiving on it is refused) and sends ECHO, cookie + 1, through
 * it; give receives that on its own port and checks cookie and sender.
 * Output (each role exits 0 after its last line, 1 after a FAIL line):
 *   port-xfer take: received a port: handle H, rights -wg
 *   port-xfer take: receiving on it refused: EPERM ok
 *   port-xfer take: sent ECHO back through it: ok
 *   port-xfer give: ECHO from pid P through the transferred right: ok
 */
#include <stdint.h>
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>

#define HERE ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define ECHO ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define COOKIE 0x5eed0001ull
#define WAIT_NS 5000000000ull

static int fail(const char *role, const char *what, int err)
{
	atxf_log("port-xfer %s: FAIL: %s: %s\n", role, what, atxf_strerror(err));
	return 1;
}

/* Checks the received right and answers through it. */
static int use_right(atxf_handle_t right, uint64_t cookie)
{
	struct atxf_cap_info info;
	struct atxf_msg msg;
	int err = atxf_cap_query(right, &info);

	if (err < 0 || info.kind != ATXF_CAP_PORT)
		return fail("take", "the received handle is not a port", err);
	atxf_log("port-xfer take: received a port: handle %d, rights %c%c%c\n", right,
		 info.rights & ATXF_RIGHT_READ ? 'r' : '-', info.rights & ATXF_RIGHT_WRITE ? 'w' : '-',
		 info.rights & ATXF_RIGHT_GRANT ? 'g' : '-');
	err = atxf_recv(right, &msg, ATXF_TIMEOUT_NONE);
	if (err != -ATXF_EPERM)
		return fail("take", "receiving on a send-only right was not refused", err);
	atxf_log("port-xfer take: receiving on it refused: EPERM ok\n");
	cookie++;
	atxf_msg_init(&msg, ECHO);
	atxf_msg_put(&msg, &cookie, sizeof(cookie));
	err = atxf_send(right, &msg, 0);
	if (err < 0)
		return fail("take", "sending through the received right", err);
	atxf_log("port-xfer take: sent ECHO back through it: ok\n");
	return 0;
}

static int take(void)
{
	struct atxf_msg msg;
	uint64_t cookie = 0;
	atxf_handle_t port = atxf_port_create();
	int err;

	if (port < 0)
		return fail("take", "creating a port", port);
	err = atxf_name_register("port-take", port);
	if (err < 0)
		return fail("take", "registering \"port-take\"", err);
	err = atxf_recv(port, &msg, WAIT_NS);
	if (err < 0)
		return fail("take", "waiting for HERE", err);
	if (msg.type != HERE || msg.ncaps != 1 || atxf_msg_get(&msg, 0, &cookie, sizeof(cookie)))
		return fail("take", "HERE with one capability and a cookie expected", -ATXF_EPROTO);
	return use_right(msg.caps[0], cookie);
}

/* Sends a send-only right to mine to "port-take". */
static int send_right(atxf_handle_t mine)
{
	struct atxf_cap_info info;
	struct atxf_msg msg;
	uint64_t cookie = COOKIE;
	atxf_handle_t to = atxf_name_lookup("port-take", WAIT_NS), right;
	int err;

	if (to < 0)
		return fail("give", "looking up \"port-take\"", to);
	atxf_cap_query(mine, &info);
	right = atxf_cap_derive(mine, info.base, info.size, ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT);
	if (right < 0)
		return fail("give", "deriving a send-only right", right);
	atxf_msg_init(&msg, HERE);
	atxf_msg_put(&msg, &cookie, sizeof(cookie));
	atxf_msg_put_cap(&msg, right);
	err = atxf_send(to, &msg, ATXF_IPC_MOVE_CAPS);
	return err < 0 ? fail("give", "sending HERE", err) : 0;
}

static int give(void)
{
	struct atxf_msg msg;
	uint64_t cookie = 0;
	atxf_handle_t port = atxf_port_create();
	int err;

	if (port < 0)
		return fail("give", "creating a port", port);
	if (send_right(port))
		return 1;
	err = atxf_recv(port, &msg, WAIT_NS);
	if (err < 0)
		return fail("give", "waiting for ECHO", err);
	if (msg.type != ECHO || atxf_msg_get(&msg, 0, &cookie, sizeof(cookie)) ||
	    cookie != COOKIE + 1)
		return fail("give", "ECHO with cookie + 1 expected", -ATXF_EPROTO);
	atxf_log("port-xfer give: ECHO from pid %u through the transferred right: ok\n", msg.sender);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "give"))
		return give();
	if (argc > 1 && !strcmp(argv[1], "take"))
		return take();
	atxf_log("port-xfer: usage: port-xfer.atxf give|take\n");
	return 2;
}
