/*
 * watcher.atxf: death notices (SYS_PORT_WATCH), for the port-watch scenario.
 *
 *   watcher.atxf        (with ipc-pong.atxf started before it)
 *
 * Looks "pong" up and watches its port (notice bit 5 on a port of its own).
 * No notice comes while pong runs (watched for 100 ms); then it asks pong to
 * STOP, and the notice must come when pong's port dies with it. A watch on
 * the dead port fires at once. Watching a port with itself as the target,
 * or with no bits, is refused (EINVAL). Then the limit: 64 watches on a
 * second port of its own are taken, the 65th is refused (ENOSPC); closing
 * that port fires them all (one notice, their bits ORed) and frees them, so
 * 64 can be taken again. Output, each line once:
 *   watcher: no notice while pong runs
 *   watcher: notice after pong stopped: bits 0x20
 *   watcher: a watch on a dead port fires at once
 *   watcher: refused: a port watching itself, no bits
 *   watcher: 64 watches taken, the 65th refused: no space left
 *   watcher: closing the port fired them all, and 64 were taken again
 * Exit 0, or 1 after `watcher: FAIL: ...`.
 */
#include <stdint.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>

#define STOP        ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define LOOKUP_NS   10000000000ull
#define QUIET_NS    100000000ull
#define NOTICE_NS   5000000000ull
#define BIT(n)      (1ull << (n))
#define LIMIT       64

static atxf_handle_t port, self;

static int fail(const char *what, int err)
{
	atxf_log("watcher: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

/* The bits of the next notice within timeout, 0 if none came. */
static uint64_t notice(uint64_t timeout_ns)
{
	struct atxf_msg m;
	uint64_t bits = 0;

	if (atxf_recv(port, &m, timeout_ns) < 0 || m.type != ATXF_MSG_NOTIFY)
		return 0;
	atxf_msg_get(&m, 0, &bits, sizeof(bits));
	return bits;
}

static int watch_pong(void)
{
	atxf_handle_t pong = atxf_name_lookup("pong", LOOKUP_NS);
	struct atxf_msg req, reply;
	uint64_t bits;
	int err;

	if (pong < 0)
		return fail("looking up pong", pong);
	err = atxf_port_watch(pong, self, BIT(5));
	if (err < 0)
		return fail("watching pong", err);
	if ((bits = notice(QUIET_NS)) != 0)
		return fail("a notice while pong runs", -ATXF_EINVAL);
	atxf_log("watcher: no notice while pong runs\n");
	atxf_msg_init(&req, STOP);
	err = atxf_call(pong, &req, &reply, NOTICE_NS);
	if (err < 0)
		return fail("stopping pong", err);
	bits = notice(NOTICE_NS);
	if (bits != BIT(5))
		return fail("no notice after pong stopped", -ATXF_ETIMEDOUT);
	atxf_log("watcher: notice after pong stopped: bits %#llx\n", (unsigned long long)bits);
	err = atxf_port_watch(pong, self, BIT(6));
	if (err < 0 || notice(0) != BIT(6))
		return fail("a watch on the dead port", err < 0 ? err : -ATXF_ETIMEDOUT);
	atxf_log("watcher: a watch on a dead port fires at once\n");
	return 0;
}

static int refusals(void)
{
	int itself = atxf_port_watch(self, self, BIT(1)), nobits = atxf_port_watch(port, self, 0);

	if (itself != -ATXF_EINVAL || nobits != -ATXF_EINVAL)
		return fail("a bad watch was taken", itself ? nobits : itself);
	atxf_log("watcher: refused: a port watching itself, no bits\n");
	return 0;
}

/* LIMIT watches on other: 0, or the error of the first refused. */
static int take_all(atxf_handle_t other)
{
	for (int i = 0; i < LIMIT; i++) {
		int err = atxf_port_watch(other, self, BIT(i));

		if (err < 0)
			return err;
	}
	return 0;
}

static int limit(void)
{
	atxf_handle_t other = atxf_port_create();
	int err, extra;

	if (other < 0)
		return fail("a second port", other);
	err = take_all(other);
	extra = atxf_port_watch(other, self, BIT(0));
	if (err < 0 || extra != -ATXF_ENOSPC)
		return fail("64 watches, then a refusal", err < 0 ? err : extra);
	atxf_log("watcher: %d watches taken, the 65th refused: %s\n", LIMIT,
		 atxf_strerror(extra));
	atxf_port_close(other);
	if (notice(NOTICE_NS) != ~0ull)
		return fail("closing the port fired them all", -ATXF_ETIMEDOUT);
	other = atxf_port_create();
	err = other < 0 ? other : take_all(other);
	if (err < 0)
		return fail("64 watches again", err);
	atxf_log("watcher: closing the port fired them all, and 64 were taken again\n");
	return 0;
}

int main(void)
{
	port = atxf_port_create();
	self = port < 0 ? port : atxf_port_send_right(port);
	if (self < 0)
		return fail("creating a port", self);
	return watch_pong() || refusals() || limit();
}
