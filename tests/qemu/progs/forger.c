/*
 * forger.atxf: can a process answer a call that is not its own? Three
 * roles, for the reply-forger scenario (docs/syscalls.md, SYS_IPC_REPLY):
 *
 *   forger.atxf server   registers "fg-server", receives the victim's call
 *                        and does not answer it before the victim's timeout
 *   forger.atxf victim   calls the forger (so that it learns tokens), then
 *                        the server, with a 5 s timeout
 *   forger.atxf forger   registers "fg-forger"; no capability to the server
 *
 * The forger learns the tokens of the 4 calls the victim makes to it (and
 * answers them, as a server may), then, while the victim's call to the
 * server is pending, replies with every plausible token: 256 on either
 * side of each token it learned. The server also hands it the exact token
 * of the victim's pending call, as if the forger had guessed it: without
 * that, unguessable tokens alone would stop it, and the test could not
 * show that the kernel checks who replies. Every forged reply must fail
 * with ENOENT; the victim's call must end by its own timeout. When the
 * victim is done it tells both; the server's late reply is then stale.
 * Output (ROLE: ...):
 *   forger: answered 4 calls of its own
 *   forger: N forged replies, 0 accepted, all ENOENT
 *   forger: the leaked token was tried while the call was pending: ok
 *   victim: call ended with ETIMEDOUT after N ms (its timeout: 5000 ms): ok
 *   server: late reply after the victim's timeout: ENOENT ok
 * Exit 0, or 1 after `ROLE: FAIL: ...`.
 */
#include <stdint.h>
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>

#define HELLO ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)    /* victim -> forger */
#define WORK  ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)    /* victim -> server */
#define LEAK  ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 3)    /* server -> forger: u64 token */
#define DONE  ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 4)    /* victim -> both: struct done */

#define SECOND     1000000000ull
#define CALL_NS    (5 * SECOND)     /* the victim's timeout */
#define WAIT_NS    (30 * SECOND)    /* for names and messages: a loaded machine */
#define LEARN      4                /* calls the forger answers, learning their tokens */
#define RANGE      256              /* tokens tried on either side of each known one */
#define PAUSE_NS   2000000ull       /* between two sweeps */

/* What the victim tells the others when its call is over. */
struct done {
	int32_t status;
	uint32_t reserved;
	uint64_t start_ns;      /* clock before the call */
};

static const char *role = "?";

static int fail(const char *what, long err)
{
	atxf_log("%s: FAIL: %s: %s\n", role, what, atxf_strerror((int)err));
	return 1;
}

static atxf_handle_t serve_as(const char *name)
{
	atxf_handle_t port = atxf_port_create();
	int err = port < 0 ? port : atxf_name_register(name, port);

	return err < 0 ? err : port;
}

/* The next message of type on port, skipping notifications. */
static int await(atxf_handle_t port, uint32_t type, struct atxf_msg *m, uint64_t timeout)
{
	int err;

	do
		err = atxf_recv(port, m, timeout);
	while (err == 0 && m->type == ATXF_MSG_NOTIFY);
	return err < 0 ? err : m->type == type ? 0 : -ATXF_EPROTO;
}

/* ---- the server */

static int server(void)
{
	struct atxf_msg work, leak, done, reply;
	atxf_handle_t port = serve_as("fg-server"), forger;
	int err;

	if (port < 0)
		return fail("registering \"fg-server\"", port);
	forger = atxf_name_lookup("fg-forger", WAIT_NS);
	if (forger < 0)
		return fail("looking up \"fg-forger\"", forger);
	if ((err = await(port, WORK, &work, WAIT_NS)) < 0)
		return fail("receiving the victim's call", err);
	atxf_msg_init(&leak, LEAK);
	atxf_msg_put(&leak, &work.reply, sizeof(work.reply));
	if ((err = atxf_send(forger, &leak, 0)) < 0)
		return fail("handing the token on", err);
	if ((err = await(port, DONE, &done, WAIT_NS)) < 0)
		return fail("waiting for the victim", err);
	atxf_msg_init(&reply, 0);
	err = atxf_reply(&work, &reply);
	if (err != -ATXF_ENOENT)
		return fail("a late reply must be stale (ENOENT), got", err);
	atxf_log("server: late reply after the victim's timeout: ENOENT ok\n");
	return 0;
}

/* ---- the victim */

static int victim(void)
{
	struct atxf_msg req, reply;
	struct done d = { 0 };
	atxf_handle_t forger = atxf_name_lookup("fg-forger", WAIT_NS);
	atxf_handle_t server = atxf_name_lookup("fg-server", WAIT_NS);
	uint64_t took;
	int err;

	if (forger < 0 || server < 0)
		return fail("looking up fg-forger and fg-server", forger < 0 ? forger : server);
	for (int i = 0; i < LEARN; i++) {
		atxf_msg_init(&req, HELLO);
		if ((err = atxf_call(forger, &req, &reply, WAIT_NS)) != 0)
			return fail("calling the forger", err);
	}
	atxf_msg_init(&req, WORK);
	d.start_ns = atxf_clock_ns();
	d.status = atxf_call(server, &req, &reply, CALL_NS);
	took = atxf_clock_ns() - d.start_ns;
	atxf_msg_init(&req, DONE);
	atxf_msg_put(&req, &d, sizeof(d));
	atxf_send(server, &req, 0);
	atxf_send(forger, &req, 0);
	if (d.status != -ATXF_ETIMEDOUT)
		return fail("the call must end by its timeout (ETIMEDOUT), got", d.status);
	if (took < CALL_NS)
		return fail("the call ended before its timeout", -ATXF_EPROTO);
	atxf_log("victim: call ended with ETIMEDOUT after %llu ms (its timeout: %llu ms): ok\n",
		 (unsigned long long)(took / 1000000), (unsigned long long)(CALL_NS / 1000000));
	return 0;
}

/* ---- the forger */

struct forgery {
	uint64_t known[LEARN + 1];      /* learned tokens, then the leaked one */
	unsigned nknown;
	unsigned long tried, accepted, other;
	int last_other;
	uint64_t leak_tried_ns;         /* clock after the leaked token was tried */
};

/* One forged reply with token t: it must fail, and with ENOENT. */
static void forge(struct forgery *f, uint64_t t)
{
	struct atxf_msg req, reply;
	int err;

	if (t == 0)
		return;
	memset(&req, 0, sizeof(req));
	req.reply = t;
	atxf_msg_init(&reply, 0);
	atxf_msg_put(&reply, "forged", 6);
	err = atxf_reply(&req, &reply);
	f->tried++;
	f->accepted += err == 0;
	if (err != 0 && err != -ATXF_ENOENT) {
		f->other++;
		f->last_other = err;
	}
}

static void sweep(struct forgery *f)
{
	for (unsigned k = 0; k < f->nknown; k++)
		for (int d = -RANGE; d <= RANGE; d++)
			forge(f, f->known[k] + (uint64_t)(int64_t)d);
}

/* Answers the victim's calls, as their server may, keeping their tokens. */
static int learn(atxf_handle_t port, struct forgery *f)
{
	struct atxf_msg req, reply;
	int err;

	for (int i = 0; i < LEARN; i++) {
		if ((err = await(port, HELLO, &req, WAIT_NS)) < 0)
			return fail("receiving the victim's call", err);
		f->known[f->nknown++] = req.reply;
		atxf_msg_init(&reply, 0);
		if ((err = atxf_reply(&req, &reply)) < 0)
			return fail("answering a call of its own", err);
	}
	atxf_log("forger: answered %d calls of its own\n", LEARN);
	return 0;
}

/* Forges until the victim says it is done; d gets what it said. */
static int forge_until_done(atxf_handle_t port, struct forgery *f, struct done *d)
{
	struct atxf_msg m;
	int err;

	if ((err = await(port, LEAK, &m, WAIT_NS)) < 0 ||
	    (err = atxf_msg_get(&m, 0, &f->known[f->nknown], sizeof(uint64_t))) < 0)
		return fail("receiving the leaked token", err);
	forge(f, f->known[f->nknown++]);
	f->leak_tried_ns = atxf_clock_ns();
	for (uint64_t end = atxf_clock_ns() + WAIT_NS; atxf_clock_ns() < end;) {
		sweep(f);
		/* A pause between sweeps leaves the CPU to the others. */
		err = await(port, DONE, &m, PAUSE_NS);
		if (err == 0)
			return atxf_msg_get(&m, 0, d, sizeof(*d)) < 0 ? fail("DONE", -ATXF_EPROTO) : 0;
		if (err != -ATXF_ETIMEDOUT)
			return fail("waiting for the victim", err);
	}
	return fail("the victim never said it was done", -ATXF_ETIMEDOUT);
}

static int forger(void)
{
	struct forgery f = { .nknown = 0 };
	struct done d;
	atxf_handle_t port = serve_as("fg-forger");

	if (port < 0)
		return fail("registering \"fg-forger\"", port);
	if (learn(port, &f) || forge_until_done(port, &f, &d))
		return 1;
	if (f.accepted)
		atxf_log("forger: FAIL: %lu of %lu forged replies accepted\n", f.accepted, f.tried);
	if (f.other)
		atxf_log("forger: FAIL: %lu forged replies failed otherwise (%s)\n", f.other,
			 atxf_strerror(f.last_other));
	if (f.accepted || f.other)
		return 1;
	atxf_log("forger: %lu forged replies, 0 accepted, all ENOENT\n", f.tried);
	/* The call was open at least until start + its timeout. */
	if (f.leak_tried_ns >= d.start_ns + CALL_NS)
		return fail("the leaked token was tried only after the call's timeout",
			    -ATXF_ETIMEDOUT);
	atxf_log("forger: the leaked token was tried while the call was pending: ok\n");
	return 0;
}

int main(int argc, char **argv)
{
	role = argc > 1 ? argv[1] : "?";
	if (!strcmp(role, "server"))
		return server();
	if (!strcmp(role, "victim"))
		return victim();
	if (!strcmp(role, "forger"))
		return forger();
	atxf_log("forger: usage: forger.atxf server|victim|forger\n");
	return 2;
}
