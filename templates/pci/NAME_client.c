/*
 * @NAME@_client: a client of @NAME@. It finds the driver through devmgr
 * (atxf_driver_open: the first running instance of "@NAME@"), asks it for
 * the factorial of each number on its command line (default: 5 10 12) and
 * prints one line each:
 *   @NAME@_client: 5! = 120 (computed by the edu device)
 * Exit 0 when every answer is right, 1 otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <atxf/client.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "@NAME@_proto.h"

#define FIND_NS 10000000000ull          /* devmgr starts the driver during boot */
#define CALL_NS 1000000000ull

static uint32_t expected(uint32_t n)
{
	uint32_t f = 1;

	while (n > 1)
		f *= n--;
	return f;
}

static int ask(atxf_handle_t drv, uint32_t n)
{
	struct atxf_msg req, reply;
	uint32_t result;
	int err;

	atxf_msg_init(&req, @UPPER@_FACTORIAL);
	atxf_msg_put(&req, &n, sizeof(n));
	err = atxf_call(drv, &req, &reply, CALL_NS);
	if (err < 0 || atxf_msg_get(&reply, 0, &result, sizeof(result)) != 0) {
		printf("@NAME@_client: %u!: %s\n", (unsigned)n, atxf_strerror(err < 0 ? err : -ATXF_EPROTO));
		return 1;
	}
	printf("@NAME@_client: %u! = %u (computed by the edu device)%s\n", (unsigned)n,
	       (unsigned)result, result == expected(n) ? "" : ", WRONG");
	return result != expected(n);
}

int main(int argc, char **argv)
{
	static const uint32_t defaults[] = { 5, 10, 12 };
	atxf_handle_t drv = atxf_driver_open("@NAME@", FIND_NS);
	int failed = 0;

	if (drv < 0) {
		printf("@NAME@_client: no running @NAME@: %s\n", atxf_strerror(drv));
		return 1;
	}
	for (int i = 1; i < argc; i++)
		failed |= ask(drv, (uint32_t)strtoul(argv[i], NULL, 10));
	for (unsigned i = 0; argc < 2 && i < sizeof(defaults) / sizeof(defaults[0]); i++)
		failed |= ask(drv, defaults[i]);
	return failed;
}
