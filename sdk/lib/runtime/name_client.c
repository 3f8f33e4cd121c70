/*
 * The name service client (<atxf/name.h>): register, look up and
 * unregister names with the service behind ATXF_HANDLE_NAMESERVICE.
 * The protocol is in <atxf/proto/name.h>.
 */
#include <stddef.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/proto/name.h>
#include <atxf/sys.h>

/* strlen, but it stops one past the longest valid name. */
static size_t name_len(const char *name)
{
	size_t n = 0;

	while (n <= ATXF_NAME_LEN_MAX && name[n] != '\0')
		n++;
	return n;
}

/* A request carrying the name, checked as the server will check it. */
static int name_request(struct atxf_msg *req, uint32_t type, const char *name)
{
	size_t len;

	if (name == NULL)
		return -ATXF_EINVAL;
	len = name_len(name);
	if (atxf_name_check(name, len) != 0)
		return -ATXF_EINVAL;
	atxf_msg_init(req, type);
	return atxf_msg_put(req, name, len);
}

/* Sends a registration, req, with a send right to port. */
static int publish(struct atxf_msg *req, atxf_handle_t port)
{
	struct atxf_msg reply;
	atxf_handle_t send;
	int err;

	/* Whoever looks the name up may write to the port, never receive. */
	send = atxf_port_send_right(port);
	if (send < 0)
		return send;
	atxf_msg_put_cap(req, send);
	err = atxf_call(ATXF_HANDLE_NAMESERVICE, req, &reply, ATXF_NAME_CALL_TIMEOUT_NS);
	/* The message carried a copy: the service holds its own now. */
	atxf_cap_drop(send);
	return err;
}

int atxf_name_register(const char *name, atxf_handle_t port)
{
	struct atxf_msg req;
	int err = name_request(&req, ATXF_NAME_REGISTER, name);

	return err < 0 ? err : publish(&req, port);
}

int atxf_name_register_for(const char *name, atxf_handle_t port, uint32_t owner)
{
	struct atxf_msg req, named;
	int err = name_request(&named, ATXF_NAME_REGISTER_FOR, name);

	if (err < 0)
		return err;
	/* The owner's pid first, then the name (<atxf/proto/name.h>). */
	atxf_msg_init(&req, ATXF_NAME_REGISTER_FOR);
	atxf_msg_put(&req, &owner, sizeof(owner));
	atxf_msg_put(&req, named.data, named.len);
	return publish(&req, port);
}

int atxf_name_unregister(const char *name)
{
	struct atxf_msg req, reply;
	int err = name_request(&req, ATXF_NAME_UNREGISTER, name);

	if (err < 0)
		return err;
	return atxf_call(ATXF_HANDLE_NAMESERVICE, &req, &reply, ATXF_NAME_CALL_TIMEOUT_NS);
}

/* One LOOKUP or LOOKUP_WAIT: the handle, or the service's (or the call's) error. */
static atxf_handle_t lookup_once(const struct atxf_msg *req, uint64_t call_ns)
{
	struct atxf_msg reply;
	int status = atxf_call(ATXF_HANDLE_NAMESERVICE, req, &reply, call_ns);

	if (status != 0)
		return status;
	/* Handles beyond the one promised would only leak: give them back. */
	for (unsigned i = 1; i < reply.ncaps && i < ATXF_MSG_CAPS_MAX; i++)
		atxf_cap_drop(reply.caps[i]);
	if (reply.ncaps < 1 || reply.caps[0] < 0)
		return -ATXF_EPROTO;
	return reply.caps[0];
}

static uint64_t deadline_after(uint64_t timeout_ns)
{
	uint64_t now = atxf_clock_ns();

	if (timeout_ns > UINT64_MAX - now)
		return UINT64_MAX;      /* ATXF_TIMEOUT_FOREVER, or as good as */
	return now + timeout_ns;
}

/* A LOOKUP_WAIT of up to wait_ns for the name in named (a LOOKUP). */
static atxf_handle_t lookup_wait(const struct atxf_msg *named, uint64_t wait_ns)
{
	struct atxf_msg req;

	if (wait_ns > ATXF_NAME_WAIT_MAX_NS)
		wait_ns = ATXF_NAME_WAIT_MAX_NS;
	atxf_msg_init(&req, ATXF_NAME_LOOKUP_WAIT);
	atxf_msg_put(&req, &wait_ns, sizeof(wait_ns));
	atxf_msg_put(&req, named->data, named->len);
	return lookup_once(&req, wait_ns + ATXF_NAME_CALL_TIMEOUT_NS);
}

/*
 * While the name is missing the service holds the request (LOOKUP_WAIT)
 * and answers the moment it is registered, so a driver can wait for a
 * service that is still starting. A wait longer than the service holds one
 * is asked again; a service with no room to hold it (-ATXF_EAGAIN) is asked
 * again ATXF_NAME_BUSY_NS later. -ATXF_ENOENT: still missing at the
 * deadline; other errors (the service itself not answering) end it at once.
 */
atxf_handle_t atxf_name_lookup(const char *name, uint64_t timeout_ns)
{
	struct atxf_msg req;
	uint64_t deadline, now;
	atxf_handle_t h = name_request(&req, ATXF_NAME_LOOKUP, name);

	if (h < 0)
		return h;
	if (timeout_ns == 0)
		return lookup_once(&req, ATXF_NAME_CALL_TIMEOUT_NS);
	deadline = deadline_after(timeout_ns);
	while ((now = atxf_clock_ns()) < deadline) {
		h = lookup_wait(&req, deadline - now);
		if (h == -ATXF_EAGAIN)
			atxf_sleep_ns(ATXF_NAME_BUSY_NS);
		else if (h != -ATXF_ENOENT)
			return h;
	}
	return -ATXF_ENOENT;
}
