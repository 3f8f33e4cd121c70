/*
 * @NAME@_client: a client of @NAME@. It opens the driver with the char
 * client library (<atxf/client/char.h>: the first running instance of
 * "@NAME@", found through devmgr, followed across restarts) and writes
 * its command line's words, or "hello from @NAME@_client", as one line to
 * the UART through the character protocol, waiting while the driver's
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
#define WRITE_NS  1000000000ull         /* for the whole line, the queue full or not */

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
	size_t len = line_of(argc, argv, line, sizeof(line));
	struct atxf_char_client uart;
	int err = atxf_char_client_open(&uart, "@NAME@", FIND_NS);
	long done;

	if (err < 0) {
		printf("@NAME@_client: no running @NAME@: %s\n", atxf_strerror(err));
		return 1;
	}
	done = atxf_char_client_write(&uart, line, len, WRITE_NS);
	if (done < 0) {
		printf("@NAME@_client: write: %s\n", atxf_strerror((int)done));
		return 1;
	}
	printf("@NAME@_client: wrote %ld bytes through @NAME@\n", done);
	return (size_t)done != len;
}
