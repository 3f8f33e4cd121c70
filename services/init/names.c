/*
 * init's name service (names.h): the receive loop's body around libatxf's
 * pure atxf_name_serve(). Registration and eviction are logged, one line
 * each, so a boot log shows who published what.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/proto/name.h>
#include <atxf/sys.h>
#include <atxf/proto/run.h>
#include "names.h"
#include "runs.h"

static struct atxf_name_table table;
static atxf_handle_t service = ATXF_HANDLE_NONE;   /* receive right, init's own */
static atxf_handle_t client = ATXF_HANDLE_NONE;    /* send right children get */

/* A registration whose owner's port died may be taken over (driver
 * restart): SYS_IPC_NOTIFY with no bits says -ATXF_EPEER for a dead port. */
static int port_alive(atxf_handle_t port)
{
	return atxf_notify(port, 0) != -ATXF_EPEER;
}

int names_start(void)
{
	struct atxf_cap_info info;
	atxf_handle_t port = atxf_port_create();
	int err;

	if (port < 0)
		return port;
	err = atxf_cap_query(port, &info);
	if (err == 0)
		err = atxf_cap_derive(port, info.base, info.size,
				      ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT);
	if (err < 0) {
		atxf_port_close(port);
		return err;
	}
	atxf_name_table_init(&table);
	service = port;
	client = err;
	return 0;
}

atxf_handle_t names_client_handle(void)
{
	return client;
}

void names_trust(uint32_t pid, const char *prog)
{
	int err = service < 0 ? -ATXF_EBADH : atxf_name_table_trust(&table, pid);

	if (err < 0)
		atxf_log("names: %s pid %u is no naming authority: %s\n", prog, (unsigned)pid,
			 atxf_strerror(err));
	else
		atxf_log("names: %s pid %u registers instance names\n", prog, (unsigned)pid);
}

static void log_registration(const struct atxf_msg *req)
{
	uint32_t owner;

	if (req->type == ATXF_NAME_REGISTER) {
		atxf_log("names: %.*s -> pid %u\n", (int)req->len, (const char *)req->data,
			 (unsigned)req->sender);
		return;
	}
	memcpy(&owner, req->data, sizeof(owner));
	atxf_log("names: %.*s -> pid %u, registered by pid %u\n",
		 (int)(req->len - ATXF_NAME_FOR_HEADER),
		 (const char *)req->data + ATXF_NAME_FOR_HEADER, (unsigned)owner,
		 (unsigned)req->sender);
}

static int is_registration(const struct atxf_msg *req)
{
	return req->type == ATXF_NAME_REGISTER || req->type == ATXF_NAME_REGISTER_FOR;
}

/*
 * What REGISTER or REGISTER_FOR publishes is handed to everyone who looks
 * the name up, so it must be a port's send right and nothing more: another
 * kind of capability is refused (-ATXF_EBADH), a right without WRITE and
 * GRANT too (-ATXF_EPERM: lookups could not use or receive it), and a right
 * that also receives is narrowed to WRITE|GRANT, so no client can read the
 * owner's messages. 0, with req->caps[0] replaced if narrowed.
 */
static int vet_register(struct atxf_msg *req)
{
	const uint32_t send = ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT;
	struct atxf_cap_info info;
	atxf_handle_t narrow;

	if (!is_registration(req) || req->ncaps != 1 || req->caps[0] < 0)
		return 0;
	if (atxf_cap_query(req->caps[0], &info) < 0 || info.kind != ATXF_CAP_PORT)
		return -ATXF_EBADH;
	if ((info.rights & send) != send)
		return -ATXF_EPERM;
	if (info.rights == send)
		return 0;
	narrow = atxf_cap_derive(req->caps[0], info.base, info.size, send);
	if (narrow < 0)
		return narrow;
	atxf_cap_drop(req->caps[0]);
	req->caps[0] = narrow;
	return 0;
}

/* A refused request: its status, and every capability it brought dropped. */
static void refuse(const struct atxf_msg *req, int status)
{
	struct atxf_msg reply;

	atxf_msg_init(&reply, (uint32_t)status);
	if (req->reply)
		atxf_reply(req, &reply);
	for (unsigned i = 0; i < req->ncaps && i < ATXF_MSG_CAPS_MAX; i++)
		if (req->caps[i] >= 0)
			atxf_cap_drop(req->caps[i]);
}

/* The name a registration published (after REGISTER_FOR's owner pid). */
static void wake_waiters(const struct atxf_msg *req)
{
	size_t skip = req->type == ATXF_NAME_REGISTER_FOR ? ATXF_NAME_FOR_HEADER : 0;

	name_wait_registered((const char *)req->data + skip, req->len - skip);
}

/*
 * Serves one request with the table and answers it, but for a LOOKUP of a
 * missing name when !answer_missing: that one is left unanswered for the
 * caller to park (name_wait.c). Returns the status.
 */
static int serve_request(struct atxf_msg *req, int answer_missing)
{
	atxf_handle_t drop[ATXF_NAME_DROPS];
	struct atxf_msg reply;
	int status = vet_register(req);
	int hold;

	if (status < 0) {
		refuse(req, status);
		return status;
	}
	status = atxf_name_serve(&table, req, &reply, drop, port_alive);
	hold = !answer_missing && status == -ATXF_ENOENT && req->type == ATXF_NAME_LOOKUP;

	if (status == 0 && is_registration(req))
		log_registration(req);
	/* A missing name with a port to drop: the lookup found it dead. */
	if (status == -ATXF_ENOENT && req->type == ATXF_NAME_LOOKUP && drop[0] >= 0)
		atxf_log("names: %.*s removed (its port is dead)\n", (int)req->len,
			 (const char *)req->data);
	/* A plain send (no token) is served but not answered (docs/protocols.md). */
	if (req->reply && !hold)
		atxf_reply(req, &reply);
	for (unsigned i = 0; i < ATXF_NAME_DROPS; i++)
		if (drop[i] >= 0)
			atxf_cap_drop(drop[i]);
	if (status == 0 && is_registration(req))
		wake_waiters(req);
	return status;
}

int names_answer_lookup(struct atxf_msg *lookup)
{
	return serve_request(lookup, 0);
}

/* LOOKUP_WAIT: a LOOKUP now, and parked while the name is missing. */
static void serve_wait(const struct atxf_msg *req)
{
	struct atxf_msg lookup, reply;
	uint64_t wait_ns;
	int status = name_wait_unwrap(req, &lookup, &wait_ns);

	if (status < 0) {
		refuse(req, status);
		return;
	}
	if (serve_request(&lookup, wait_ns == 0) != -ATXF_ENOENT || wait_ns == 0 || !req->reply)
		return;
	status = name_wait_park(&lookup, wait_ns);
	if (status < 0) {
		atxf_msg_init(&reply, (uint32_t)status);
		atxf_reply(&lookup, &reply);
	}
}

static void serve(struct atxf_msg *req)
{
	if (req->type == ATXF_NAME_LOOKUP_WAIT)
		serve_wait(req);
	else
		serve_request(req, 1);
}

int names_serve_one(uint64_t timeout_ns)
{
	struct atxf_msg req;
	int err;

	uint64_t expiry = name_wait_expire();

	if (service < 0)
		return -ATXF_EBADH;
	err = atxf_recv(service, &req, expiry < timeout_ns ? expiry : timeout_ns);
	name_wait_expire();
	if (err == -ATXF_ETIMEDOUT || err == -ATXF_EAGAIN)
		return 0;
	if (err < 0) {
		atxf_log("init: name service stopped: receiving failed: %s\n", atxf_strerror(err));
		service = ATXF_HANDLE_NONE;
		return err;
	}
	/* A notification on the service port means nothing to it; the port
	 * also takes the run protocol's requests (runs.c). */
	if (req.type == ATXF_RUN_START)
		runs_serve(&req);
	else if (req.type != ATXF_MSG_NOTIFY)
		serve(&req);
	return 1;
}

void names_forget(uint32_t pid)
{
	char name[ATXF_NAME_MAX];
	atxf_handle_t port;

	if (service < 0)
		return;
	atxf_name_table_distrust(&table, pid);
	for (unsigned i = 0; i < ATXF_NAME_TABLE_SIZE; i++) {
		const struct atxf_name_entry *e = &table.entry[i];

		if (e->name[0] == '\0' || e->owner != pid)
			continue;
		/* The table clears the entry: keep the name for the log line. */
		memcpy(name, e->name, sizeof(name));
		port = atxf_name_table_remove(&table, name, strlen(name), pid);
		atxf_log("names: %s removed (pid %u ended)\n", name, (unsigned)pid);
		if (port >= 0)
			atxf_cap_drop(port);
	}
}
