/*
 * @NAME@_client: a client of @NAME@. It finds the driver through devmgr
 * (atxf_driver_open: the first running instance of "@NAME@"), reads N
 * random bytes (its argument, default 64) through the random number
 * protocol and prints them in hex, 32 to a line:
 *   @NAME@_client: 64 random bytes from @NAME@:
 *   @NAME@_client: 3f9a...
 * A device that answered with the same byte everywhere would be broken, so
 * that is refused. Exit 0 on success, 1 otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <atxf/client.h>
#include <atxf/proto/rng.h>
#include <atxf/sys.h>

#define FIND_NS  10000000000ull
#define CALL_NS  1000000000ull
#define EMPTY_NS 1000000ull             /* the device had nothing ready: ask again soon */
#define MAX_BYTES 4096

static void print_hex(const unsigned char *buf, size_t len)
{
	for (size_t i = 0; i < len; i += 32) {
		printf("@NAME@_client: ");
		for (size_t j = i; j < len && j < i + 32; j++)
			printf("%02x", buf[j]);
		printf("\n");
	}
}

static int all_same(const unsigned char *buf, size_t len)
{
	for (size_t i = 1; i < len; i++)
		if (buf[i] != buf[0])
			return 0;
	return 1;
}

int main(int argc, char **argv)
{
	static unsigned char buf[MAX_BYTES];
	size_t want = argc > 1 ? strtoul(argv[1], NULL, 10) : 64, got = 0;
	atxf_handle_t drv = atxf_driver_open("@NAME@", FIND_NS);

	if (want < 2 || want > MAX_BYTES) {
		printf("@NAME@_client: ask for 2 to %d bytes\n", MAX_BYTES);
		return 1;
	}
	if (drv < 0) {
		printf("@NAME@_client: no running @NAME@: %s\n", atxf_strerror(drv));
		return 1;
	}
	while (got < want) {
		int n = atxf_rng_read(drv, buf + got, want - got, CALL_NS);

		if (n < 0) {
			printf("@NAME@_client: read: %s\n", atxf_strerror(n));
			return 1;
		}
		if (!n)
			atxf_sleep_ns(EMPTY_NS);
		got += (size_t)n;
	}
	printf("@NAME@_client: %zu random bytes from @NAME@:\n", got);
	print_hex(buf, got);
	if (all_same(buf, got)) {
		printf("@NAME@_client: every byte is %#x: not random\n", buf[0]);
		return 1;
	}
	return 0;
}
