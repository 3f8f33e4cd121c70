/*
 * @NAME@_client: a client of @NAME@. It finds the driver through devmgr
 * (atxf_driver_open: the first running instance of "@NAME@") and writes
 * its command line's words, or "hello from @NAME@_client", as one line to
 * the UART through the character protocol, retrying while the driver's
 * transmit queue is full:
 *   @NAME@_client: wrote N bytes through @NAME@
 * The line leaves QEMU's second serial port (COM2): see README.md.
 * Exit 0 when every byte was accepted, 1 otherwise.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/client.h>
#include <atxf/sys.h>

#define FIND_NS   10000000000ull
#define CALL_NS   1000000000ull
#define FULL_NS   1000000ull            /* wait this long when the queue is full */
#define FULL_MAX  1000                  /* ... this many times in a row at most */

static size_t line_of(int argc, char **argv, char *line, size_t size)
{
	size_t n = 0;

	if (argc < 2)
		return (size_t)snprintf(line, size, "hello from @NAME@_client\r\n");
	for (int i = 1; i < argc && n + strlen(argv[i]) + 3 < size; i++)
		n += (size_t)snprintf(line + n, size - n, "%s%s", i > 1 ? " " : "", argv[i]);
	return n + (size_t)snprintf(line + n, size - n, "\r\n");
}

int main(int argc, char **argv)
{
	char line[256];
	size_t len = line_of(argc, argv, line, sizeof(line)), done = 0;
	atxf_handle_t drv = atxf_driver_open("@NAME@", FIND_NS);
	int full = 0;

	if (drv < 0) {
		printf("@NAME@_client: no running @NAME@: %s\n", atxf_strerror(drv));
		return 1;
	}
	while (done < len && full < FULL_MAX) {
		int n = atxf_char_write(drv, line + done, len - done, CALL_NS);

		if (n < 0) {
			printf("@NAME@_client: write: %s\n", atxf_strerror(n));
			return 1;
		}
		full = n ? 0 : full + 1;
		if (!n)
			atxf_sleep_ns(FULL_NS);
		done += (size_t)n;
	}
	printf("@NAME@_client: wrote %zu bytes through @NAME@\n", done);
	return done != len;
}
