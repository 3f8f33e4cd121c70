/*
 * stdin: an input stream on descriptor 0, which reads the input the
 * program's starter gave it (<atxf/stdin.h>: a boot-archive member, for
 * init's `stdin:MEMBER`), or is at its end at once when there is none.
 * Line-buffered like a terminal's: the buffer is refilled by one read.
 */
#include <stdio.h>
#include <unistd.h>
#include "stream.h"

static long fd0_read(char *buf, unsigned long len)
{
	return (long)read(STDIN_FILENO, buf, len);
}

static struct atxf_stream in_stream = {
	.mode = ATXF_STREAM_LINE,
	.read = fd0_read,
};

FILE *const stdin = &in_stream;
