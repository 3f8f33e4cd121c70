/*
 * outstream.atxf: a program's output as a byte stream (docs/boot.md, "The
 * serial console"). Plain C with no ATXF call: tests/sdk/check-sdk.sh builds
 * this same file with the host's gcc and with x86_64-atxf-gcc, and what the
 * host build prints (stdout and stderr to one file) must be, byte for byte,
 * the program's part of atxf-run's output. The QEMU scenario output-stream
 * runs it while chatter.atxf logs without pause.
 *
 * Prints, in this order (stderr only after fflush(stdout), so that the
 * host's buffering of a file gives the same order):
 *   ab                              "a", fflush, "b\n": one line
 *   0123456789... (1,000 bytes)     one printf, four stdout buffers
 *   abcdefghij... (2,000 bytes)     one character per write; 8 such lines,
 *                                   tens of ms: several time slices
 *   an empty line, three lines of text (a tab, a '%', UTF-8), no CR
 *   stderr: one line                stderr, one call
 *   stderr: a line in two writes    stderr, two calls
 *   stdout: the last line
 */
#include <stdio.h>

#define LONG_LINE   1000
#define SLOW_LINE   2000
#define SLOW_LINES  8

static void long_line(void)
{
	static char line[LONG_LINE + 1];

	for (int i = 0; i < LONG_LINE; i++)
		line[i] = (char)('0' + i % 10);
	printf("%s\n", line);
}

/* Every character a write of its own: the line is whole only if the
 * kernel keeps it so. */
static void slow_line(void)
{
	for (int i = 0; i < SLOW_LINE; i++) {
		putchar('a' + i % 26);
		fflush(stdout);
	}
	putchar('\n');
}

int main(void)
{
	printf("a");
	fflush(stdout);
	printf("b\n");
	long_line();
	for (int i = 0; i < SLOW_LINES; i++)
		slow_line();
	printf("\nplain text,\ttabbed, 100%% sure,\nin UTF-8: caf\xc3\xa9,\nand no carriage return\n");
	fflush(stdout);
	fputs("stderr: one line\n", stderr);
	fputs("stderr: a line in ", stderr);
	fputs("two writes\n", stderr);
	printf("stdout: the last line\n");
	return 0;
}
