/*
 * char-write.atxf: a character-protocol client for the driver scenarios.
 *
 *   char-write.atxf NAME TEXT     e.g. char-write.atxf com2 hello
 *
 * Looks NAME up with the name service (waiting up to 10 s), sends TEXT and
 * a newline with WRITE until the device has taken all of it (a WRITE may
 * take fewer bytes than sent), waits 200 ms for the line to drain, and
 * prints, then exits 0:
 *   char-write: NAME took N bytes
 * On a failure it prints a FAIL line and exits 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <atxf/client.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/sys.h>

#define LOOKUP_NS 10000000000ull
#define TRIES     100

static int fail(const char *what, const char *name, int err)
{
	atxf_log("char-write: FAIL: %s %s: %s\n", what, name, atxf_strerror(err));
	return 1;
}

int main(int argc, char **argv)
{
	char text[512];
	size_t len, done = 0;
	atxf_handle_t dev;

	if (argc != 3 || strlen(argv[2]) + 2 > sizeof(text))
		return fail("usage:", "char-write.atxf NAME TEXT", -ATXF_EINVAL);
	len = (size_t)snprintf(text, sizeof(text), "%s\n", argv[2]);
	dev = atxf_name_lookup(argv[1], LOOKUP_NS);
	if (dev < 0)
		return fail("looking up", argv[1], dev);
	for (int tries = 0; done < len && tries < TRIES; tries++) {
		int n = atxf_char_write(dev, text + done, len - done, LOOKUP_NS);

		if (n < 0)
			return fail("writing to", argv[1], n);
		done += (size_t)n;
		if (n == 0)
			atxf_sleep_ns(10000000);
	}
	if (done < len)
		return fail("the device kept refusing bytes:", argv[1], -ATXF_ETIMEDOUT);
	atxf_sleep_ns(200000000);
	atxf_log("char-write: %s took %zu bytes\n", argv[1], done);
	return 0;
}
