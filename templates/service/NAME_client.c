/*
 * @NAME@_client: a client of the @NAME@ service. It looks the name up
 * (waiting while the service starts), then makes one call of each request
 * of @NAME@_proto.h and prints what came back:
 *   @NAME@_client: ECHO "hello, @NAME@" -> "hello, @NAME@"
 *   @NAME@_client: ADD 2 -> 2, ADD 40 -> 42
 *   @NAME@_client: UPTIME -> N ns
 * Exit 0 when every answer is the one the protocol promises, 1 otherwise.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "@NAME@_proto.h"

#define FIND_NS 10000000000ull
#define CALL_NS 1000000000ull

static int call(atxf_handle_t svc, uint32_t type, const void *data, size_t len,
		struct atxf_msg *reply)
{
	struct atxf_msg req;
	int err;

	atxf_msg_init(&req, type);
	atxf_msg_put(&req, data, len);
	err = atxf_call(svc, &req, reply, CALL_NS);
	if (err < 0)
		printf("@NAME@_client: request %#x: %s\n", (unsigned)type, atxf_strerror(err));
	return err;
}

static int echo(atxf_handle_t svc)
{
	static const char text[] = "hello, @NAME@";
	struct atxf_msg reply;

	if (call(svc, @UPPER@_ECHO, text, sizeof(text) - 1, &reply) < 0)
		return 1;
	printf("@NAME@_client: ECHO \"%s\" -> \"%.*s\"\n", text, (int)reply.len,
	       (const char *)reply.data);
	return reply.len != sizeof(text) - 1 || memcmp(reply.data, text, reply.len);
}

static int add(atxf_handle_t svc, int64_t amount, int64_t *total)
{
	struct atxf_msg reply;

	if (call(svc, @UPPER@_ADD, &amount, sizeof(amount), &reply) < 0 ||
	    atxf_msg_get(&reply, 0, total, sizeof(*total)) != 0)
		return 1;
	return 0;
}

static int adds(atxf_handle_t svc)
{
	int64_t first, second;

	if (add(svc, 2, &first) || add(svc, 40, &second))
		return 1;
	printf("@NAME@_client: ADD 2 -> %lld, ADD 40 -> %lld\n", (long long)first,
	       (long long)second);
	return second != first + 40;
}

static int uptime(atxf_handle_t svc)
{
	struct atxf_msg reply;
	uint64_t ns;

	if (call(svc, @UPPER@_UPTIME, NULL, 0, &reply) < 0 ||
	    atxf_msg_get(&reply, 0, &ns, sizeof(ns)) != 0)
		return 1;
	printf("@NAME@_client: UPTIME -> %llu ns\n", (unsigned long long)ns);
	return 0;
}

int main(void)
{
	atxf_handle_t svc = atxf_name_lookup("@NAME@", FIND_NS);

	if (svc < 0) {
		printf("@NAME@_client: no service named @NAME@: %s\n", atxf_strerror(svc));
		return 1;
	}
	return echo(svc) | adds(svc) | uptime(svc);
}
