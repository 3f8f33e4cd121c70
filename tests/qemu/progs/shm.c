/*
 * shm.atxf: a shared-memory grant between two programs, and its revoke.
 *
 *   shm.atxf give              (start it as shm-give.atxf)
 *   shm.atxf take              (start it as shm-take.atxf)
 *
 * take registers "shm-take". give fills a page of its own memory with a
 * pattern, grants it to that port (SYS_SHM_GRANT, READ|WRITE) and calls
 * take with the grant in caps[0]. take maps it (SYS_SHM_MAP), checks the
 * pattern, writes the reply pattern over it and replies; give checks the
 * reply pattern in its own page, revokes the grant (SYS_SHM_REVOKE) and
 * tells take. take's mapping stays but holds none of give's bytes: the
 * probe says ESTALE, the page reads zeros, and what take writes there it
 * reads back (its own stand-in). Then take lets the mapping go
 * (SYS_SHM_UNMAP), the probe says EFAULT, and reading the page again must
 * fault, so the kernel ends take with status 142 (128 + page fault). Output:
 *   shm take: mapped the grant at 0xADDR: pattern ok
 *   shm take: wrote the reply pattern
 *   shm give: reply pattern seen in my page: ok
 *   shm give: revoked; my page is still mine: ok
 *   shm take: revoked: probe ESTALE, the page reads zeros, keeps my writes
 *   shm take: unmapped; touching the page next must fault
 * give exits 0; take prints `shm take: FAIL: still alive` and exits 99 if
 * the access after the revoke works; any FAIL line exits 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>

#define HERE    ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define REVOKED ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define PAGE    4096u
#define WAIT_NS 5000000000ull
#define EXIT_ALIVE 99

static int fail(const char *role, const char *what, long err)
{
	atxf_log("shm %s: FAIL: %s: %s\n", role, what, atxf_strerror((int)err));
	return 1;
}

/* The byte at i of each side's pattern: different for give and take. */
static uint8_t pattern(unsigned i, uint8_t salt)
{
	return (uint8_t)(i * 7u + (i >> 8)) ^ salt;
}

#define GIVE_SALT 0xa5
#define TAKE_SALT 0x3c

static void fill(volatile uint8_t *p, uint8_t salt)
{
	for (unsigned i = 0; i < PAGE; i++)
		p[i] = pattern(i, salt);
}

static int holds(const volatile uint8_t *p, uint8_t salt)
{
	for (unsigned i = 0; i < PAGE; i++)
		if (p[i] != pattern(i, salt))
			return 0;
	return 1;
}

/* Maps the grant in req, checks it and answers with the reply pattern. */
static volatile uint8_t *use_grant(const struct atxf_msg *req)
{
	struct atxf_msg reply;
	volatile uint8_t *p;

	if (req->type != HERE || req->ncaps != 1)
		return fail("take", "HERE with one capability expected", -ATXF_EPROTO), NULL;
	p = atxf_shm_map(req->caps[0], ATXF_PROT_READ | ATXF_PROT_WRITE);
	if (!p)
		return fail("take", "SYS_SHM_MAP", -ATXF_ENOMEM), NULL;
	if (!holds(p, GIVE_SALT))
		return fail("take", "the pattern in the mapped page", -ATXF_EIO), NULL;
	atxf_log("shm take: mapped the grant at %p: pattern ok\n", (void *)p);
	fill(p, TAKE_SALT);
	atxf_log("shm take: wrote the reply pattern\n");
	atxf_msg_init(&reply, 0);
	atxf_reply(req, &reply);
	return p;
}

/* The revoked mapping: still there, none of give's bytes; then let go. */
static int after_revoke(volatile uint8_t *p)
{
	int err = atxf_shm_probe(p);

	if (err != -ATXF_ESTALE)
		return fail("take", "the probe after the revoke (ESTALE expected)", err);
	for (unsigned i = 0; i < PAGE; i++)
		if (p[i])
			return fail("take", "the revoked page (zeros expected)", -ATXF_EIO);
	fill(p, TAKE_SALT);
	if (!holds(p, TAKE_SALT))
		return fail("take", "my writes to the revoked page", -ATXF_EIO);
	atxf_log("shm take: revoked: probe ESTALE, the page reads zeros, keeps my writes\n");
	err = atxf_shm_unmap((void *)p);
	if (err < 0)
		return fail("take", "SYS_SHM_UNMAP", err);
	err = atxf_shm_probe(p);
	if (err != -ATXF_EFAULT)
		return fail("take", "the probe after the unmap (EFAULT expected)", err);
	return 0;
}

static int take(void)
{
	struct atxf_msg msg;
	volatile uint8_t *p;
	atxf_handle_t port = atxf_port_create();
	int err;

	if (port < 0)
		return fail("take", "creating a port", port);
	err = atxf_name_register("shm-take", port);
	if (err < 0)
		return fail("take", "registering \"shm-take\"", err);
	err = atxf_recv(port, &msg, WAIT_NS);
	if (err < 0)
		return fail("take", "waiting for the grant", err);
	p = use_grant(&msg);
	if (!p)
		return 1;
	err = atxf_recv(port, &msg, WAIT_NS);
	if (err < 0 || msg.type != REVOKED)
		return fail("take", "waiting for REVOKED", err < 0 ? err : -ATXF_EPROTO);
	err = after_revoke(p);
	if (err)
		return err;
	atxf_log("shm take: unmapped; touching the page next must fault\n");
	fflush(stdout);
	atxf_log("shm take: FAIL: still alive (read 0x%02x)\n", p[0]);
	return EXIT_ALIVE;
}

/* Grants page to "shm-take" and calls it: the grant, or an error. */
static long share(uint8_t *page, atxf_handle_t to)
{
	struct atxf_msg req, reply;
	long grant = atxf_shm_grant(page, PAGE, to, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	int status;

	if (grant < 0)
		return fail("give", "SYS_SHM_GRANT", grant), grant;
	atxf_msg_init(&req, HERE);
	atxf_msg_put_cap(&req, (atxf_handle_t)grant);
	status = atxf_call(to, &req, &reply, WAIT_NS);
	if (status != 0)
		return fail("give", "calling shm-take with the grant", status), status;
	return grant;
}

static int give(void)
{
	struct atxf_msg msg;
	uint8_t *page = atxf_mem_map(NULL, PAGE, ATXF_PROT_READ | ATXF_PROT_WRITE);
	atxf_handle_t to = atxf_name_lookup("shm-take", WAIT_NS);
	long grant;
	int err;

	if (!page)
		return fail("give", "SYS_MEM_MAP", -ATXF_ENOMEM);
	if (to < 0)
		return fail("give", "looking up \"shm-take\"", to);
	fill(page, GIVE_SALT);
	grant = share(page, to);
	if (grant < 0)
		return 1;
	if (!holds(page, TAKE_SALT))
		return fail("give", "the reply pattern in my page", -ATXF_EIO);
	atxf_log("shm give: reply pattern seen in my page: ok\n");
	err = atxf_shm_revoke(grant);
	if (err < 0)
		return fail("give", "SYS_SHM_REVOKE", err);
	fill(page, GIVE_SALT);
	if (!holds(page, GIVE_SALT))
		return fail("give", "my page after the revoke", -ATXF_EIO);
	atxf_log("shm give: revoked; my page is still mine: ok\n");
	atxf_msg_init(&msg, REVOKED);
	err = atxf_send(to, &msg, 0);
	return err < 0 ? fail("give", "sending REVOKED", err) : 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "give"))
		return give();
	if (argc > 1 && !strcmp(argv[1], "take"))
		return take();
	atxf_log("shm: usage: shm.atxf give|take\n");
	return 2;
}
