/*
 * names-check.atxf: init's name service against its contract
 * (<atxf/proto/name.h>), as a checklist.
 *
 *   names-check.atxf           start line: `with ioport:0x80-0x80:rg` (any
 *                              capability with GRANT that is not a port)
 *
 * Each check prints `names-check: OK WHAT` or `names-check: FAIL WHAT: got
 * X, want Y`; the last line is `names-check: N of M checks ok`, and the
 * exit status is 0 only when all passed. The checks: register and look up
 * a name (the handle received is a send-only right), a second register of
 * it (EEXIST), a missing name (ENOENT), names the server refuses (EINVAL,
 * also when the client check is bypassed), a receive right narrowed to a
 * send right, a capability that is not a port (EBADH), an unknown request
 * (ENOSYS), an instance name (DRIVER.DEVICE: EPERM, registered by devmgr
 * alone, and not for a process that is no authority either), and
 * unregister (then ENOENT).
 */
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/proto/name.h>
#include <atxf/sys.h>
#include "caps.h"

#define CALL_NS ATXF_NAME_CALL_TIMEOUT_NS

static unsigned passed, total;

static void check(const char *what, long got, long want)
{
	total++;
	if (got == want) {
		passed++;
		atxf_log("names-check: OK %s\n", what);
	} else {
		atxf_log("names-check: FAIL %s: got %ld, want %ld\n", what, got, want);
	}
}

/* A request as the client library would not send it: raw name and cap. */
static int raw(uint32_t type, const char *name, size_t len, atxf_handle_t cap,
	       struct atxf_msg *reply)
{
	struct atxf_msg req;

	atxf_msg_init(&req, type);
	atxf_msg_put(&req, name, len);
	if (cap >= 0)
		atxf_msg_put_cap(&req, cap);
	return atxf_call(ATXF_HANDLE_NAMESERVICE, &req, reply, CALL_NS);
}

/* The rights of the handle a lookup of name gives, or its error. */
static long looked_up_rights(const char *name)
{
	struct atxf_cap_info info;
	atxf_handle_t h = atxf_name_lookup(name, 0);
	long rights;

	if (h < 0)
		return h;
	rights = atxf_cap_query(h, &info) < 0 || info.kind != ATXF_CAP_PORT ? -1 : (long)info.rights;
	atxf_cap_drop(h);
	return rights;
}

static void checks(atxf_handle_t port, atxf_handle_t other)
{
	const long send = ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT;
	struct atxf_msg reply;

	check("register \"nc-a\"", atxf_name_register("nc-a", port), 0);
	check("lookup gives a send-only right", looked_up_rights("nc-a"), send);
	check("second register is EEXIST", atxf_name_register("nc-a", port), -ATXF_EEXIST);
	check("missing name is ENOENT", atxf_name_lookup("nc-missing", 0), -ATXF_ENOENT);
	check("client refuses a name with a space", atxf_name_register("a b", port), -ATXF_EINVAL);
	check("server refuses a name with a space",
	      raw(ATXF_NAME_LOOKUP, "a b", 3, ATXF_HANDLE_NONE, &reply), -ATXF_EINVAL);
	check("server refuses an empty name",
	      raw(ATXF_NAME_LOOKUP, "", 0, ATXF_HANDLE_NONE, &reply), -ATXF_EINVAL);
	check("register of a receive right", raw(ATXF_NAME_REGISTER, "nc-raw", 6, port, &reply), 0);
	check("... is published send-only", looked_up_rights("nc-raw"), send);
	if (other >= 0)
		check("register of a non-port is EBADH",
		      raw(ATXF_NAME_REGISTER, "nc-io", 5, other, &reply), -ATXF_EBADH);
	check("an instance name is devmgr's: EPERM", atxf_name_register("nc.dev", port),
	      -ATXF_EPERM);
	check("REGISTER_FOR from no authority: EPERM",
	      atxf_name_register_for("nc.dev", port, atxf_start_info()->pid), -ATXF_EPERM);
	check("unknown request is ENOSYS",
	      raw(ATXF_REQUEST(ATXF_PROTO_NAME, 0x3f), "nc-a", 4, ATXF_HANDLE_NONE, &reply),
	      -ATXF_ENOSYS);
	check("unregister \"nc-a\"", atxf_name_unregister("nc-a"), 0);
	check("then lookup is ENOENT", atxf_name_lookup("nc-a", 0), -ATXF_ENOENT);
}

int main(void)
{
	struct atxf_cap_info info;
	atxf_handle_t port = atxf_port_create();
	atxf_handle_t other = given_cap(ATXF_CAP_IOPORT, &info);

	if (port < 0) {
		atxf_log("names-check: FAIL creating a port: %s\n", atxf_strerror(port));
		return 1;
	}
	if (other < 0)
		atxf_log("names-check: no I/O port capability given: the EBADH check is skipped\n");
	checks(port, other);
	atxf_log("names-check: %u of %u checks ok\n", passed, total);
	return passed == total ? 0 : 1;
}
