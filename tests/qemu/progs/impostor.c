/*
 * impostor.atxf: tries to take a supervised driver's instance name, for the
 * names-impostor scenario (<atxf/proto/name.h>: DRIVER.DEVICE names are
 * devmgr's to register, for the driver it started).
 *
 *   impostor.atxf INSTANCE     e.g. ps2-keyboard.i8042; no capability but
 *                              the name service, like any program init starts
 *
 * It finds the driver through devmgr's DRIVER list and PING, then tries
 * REGISTER and REGISTER_FOR of INSTANCE with a port of its own, and
 * UNREGISTER of it, 20 times while the driver runs. Then, twice, it has
 * devmgr KILL the driver (the request the shell's `kill` uses) and tries
 * all three again, in a loop, while devmgr restarts it, until a lookup of
 * INSTANCE reaches the next generation. Every registration must be refused
 * with EPERM, every unregistration with EPERM (or ENOENT while the name is
 * missing), and after each restart the port the name gives must be
 * answered (PING's kernel-filled sender) by the pid devmgr reports for the
 * new generation. Output:
 *   impostor: INSTANCE generation 0 runs as pid P
 *   impostor: while it runs: 60 tries refused
 *   impostor: killed pid P through devmgr (restart R)
 *   impostor: during restart R: N tries refused, the name missing on M lookups
 *   impostor: after restart R: INSTANCE generation R answered by pid Q, the driver devmgr started: ok
 *   impostor: every registration refused: ok
 * Exit 0, or 1 after `impostor: FAIL: ...`.
 */
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/proto/devmgr.h>
#include <atxf/proto/driver.h>
#include <atxf/sys.h>

#define SECOND      1000000000ull
#define WAIT_NS     (30 * SECOND)   /* names, restarts: a loaded machine */
#define CALL_NS     SECOND
#define TRIES       20
#define RESTARTS    2

struct impostor {
	const char *instance;
	atxf_handle_t devmgr;
	atxf_handle_t port;         /* its own, offered under the driver's name */
	uint32_t pid;
	unsigned refused, missing;
	int broken;                 /* a try that was not refused */
};

static int fail(const char *what, long err)
{
	atxf_log("impostor: FAIL: %s: %s\n", what, atxf_strerror((int)err));
	return 1;
}

static int ask_devmgr(struct impostor *im, uint32_t type, const void *data, uint32_t len,
		      struct atxf_msg *reply)
{
	struct atxf_msg req;

	atxf_msg_init(&req, type);
	atxf_msg_put(&req, data, len);
	return atxf_call(im->devmgr, &req, reply, CALL_NS);
}

/* devmgr's record of the instance, once it runs generation gen. */
static int running(struct impostor *im, uint32_t gen, struct devmgr_driver *d)
{
	struct atxf_msg reply;

	for (uint32_t i = 0; ask_devmgr(im, DEVMGR_DRIVER, &i, sizeof(i), &reply) == 0; i++) {
		memcpy(d, reply.data, sizeof(*d));
		if (!strncmp(d->instance, im->instance, sizeof(d->instance)))
			return d->state == 2 && d->generation == gen ? 0 : -ATXF_EAGAIN;
	}
	return -ATXF_ENOENT;
}

/* One result: refused as it must be, or counted as broken and said. */
static void expect(struct impostor *im, const char *what, int got, int want, int also)
{
	if (got == want || (also && got == also)) {
		im->refused++;
		return;
	}
	/* The first few say what went wrong; the count says the rest. */
	if (++im->broken <= 3)
		atxf_log("impostor: FAIL: %s %s: %s\n", what, im->instance,
			 got ? atxf_strerror(got) : "accepted");
}

/* The three tries; missing: the name may be absent (ENOENT) just now. */
static void try_all(struct impostor *im, int missing)
{
	expect(im, "REGISTER", atxf_name_register(im->instance, im->port), -ATXF_EPERM, 0);
	expect(im, "REGISTER_FOR", atxf_name_register_for(im->instance, im->port, im->pid),
	       -ATXF_EPERM, 0);
	expect(im, "UNREGISTER", atxf_name_unregister(im->instance), -ATXF_EPERM,
	       missing ? -ATXF_ENOENT : 0);
}

/* Who answers PING on the name's port now: 0 and *sender, *gen if one did. */
static int ping_by_name(struct impostor *im, uint32_t *sender, uint32_t *gen)
{
	struct atxf_driver_status st;
	struct atxf_msg req, reply;
	atxf_handle_t h = atxf_name_lookup(im->instance, 0);
	int err;

	if (h == -ATXF_ENOENT)
		im->missing++;
	if (h < 0)
		return h;
	atxf_msg_init(&req, ATXF_DRIVER_PING);
	err = atxf_call(h, &req, &reply, CALL_NS);
	atxf_cap_drop(h);
	if (err == 0 && atxf_msg_get(&reply, 0, &st, sizeof(st)) == 0) {
		*sender = reply.sender;
		*gen = st.generation;
	}
	return err ? err : 0;
}

/* Tries until the name leads to generation gen, run by devmgr's pid for it. */
static int restarted(struct impostor *im, uint32_t gen)
{
	struct devmgr_driver d;
	uint32_t sender = 0, got = ~0u;
	unsigned before = im->refused;
	int ok = 0;

	im->missing = 0;
	for (uint64_t end = atxf_clock_ns() + WAIT_NS; !ok && atxf_clock_ns() < end;) {
		try_all(im, 1);
		ok = ping_by_name(im, &sender, &got) == 0 && got == gen &&
		     running(im, gen, &d) == 0;
	}
	if (!ok)
		return fail("the name never led to the next generation", -ATXF_ETIMEDOUT);
	atxf_log("impostor: during restart %u: %u tries refused, the name missing on %u lookups\n",
		 (unsigned)gen, im->refused - before, im->missing);
	if (sender != d.pid)
		return fail("the name led to a process devmgr did not start", -ATXF_EPERM);
	atxf_log("impostor: after restart %u: %s generation %u answered by pid %u, the driver "
		 "devmgr started: ok\n", (unsigned)gen, im->instance, (unsigned)gen,
		 (unsigned)sender);
	return 0;
}

static int kill_driver(struct impostor *im, uint32_t gen)
{
	struct devmgr_driver d;
	struct atxf_msg reply;
	int err = running(im, gen - 1, &d);

	if (err == 0)
		err = ask_devmgr(im, DEVMGR_KILL, &d.pid, sizeof(d.pid), &reply);
	if (err < 0)
		return fail("KILL through devmgr", err);
	atxf_log("impostor: killed pid %u through devmgr (restart %u)\n", (unsigned)d.pid,
		 (unsigned)gen);
	return 0;
}

/* Waits for the first generation, then tries while it runs. */
static int while_running(struct impostor *im)
{
	struct devmgr_driver d;
	uint32_t sender = 0, gen = ~0u;
	int err = -ATXF_ENOENT;

	for (uint64_t end = atxf_clock_ns() + WAIT_NS; err && atxf_clock_ns() < end;) {
		err = running(im, 0, &d);
		if (!err)
			err = ping_by_name(im, &sender, &gen);
		if (err)
			atxf_sleep_ns(SECOND / 100);
	}
	if (err || gen != 0 || sender != d.pid)
		return fail("the driver's first generation never answered by name", err);
	atxf_log("impostor: %s generation 0 runs as pid %u\n", im->instance, (unsigned)d.pid);
	for (int i = 0; i < TRIES; i++)
		try_all(im, 0);
	atxf_log("impostor: while it runs: %u tries refused\n", im->refused);
	return 0;
}

int main(int argc, char **argv)
{
	struct impostor im = { .instance = argc > 1 ? argv[1] : "" };
	const struct atxf_start_info *si = atxf_start_info();

	if (argc != 2) {
		atxf_log("impostor: usage: impostor.atxf INSTANCE\n");
		return 2;
	}
	im.pid = si ? si->pid : 0;
	im.port = atxf_port_create();
	im.devmgr = atxf_name_lookup("devmgr", WAIT_NS);
	if (im.port < 0 || im.devmgr < 0)
		return fail("a port, and devmgr", im.port < 0 ? im.port : im.devmgr);
	if (while_running(&im))
		return 1;
	for (uint32_t gen = 1; gen <= RESTARTS && !im.broken; gen++)
		if (kill_driver(&im, gen) || restarted(&im, gen))
			return 1;
	if (im.broken)
		return fail("some tries were not refused", -ATXF_EPERM);
	atxf_log("impostor: every registration refused: ok\n");
	return 0;
}
