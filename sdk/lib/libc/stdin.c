/*
 * stdin: an input stream. Nothing gives an ATXF process input yet (its
 * descriptor 0 reads as at end of file, docs/libc.md), so the read
 * function says "end of input" at once; scanf on stdin therefore returns
 * EOF. When the VFS and the console bring input, this read is where it
 * arrives.
 */
#include <stdio.h>
#include "stream.h"

static long no_input(char *buf, unsigned long len)
{
	(void)buf;
	(void)len;
	return 0;
}

static struct atxf_stream in_stream = {
	.mode = ATXF_STREAM_LINE,
	.read = no_input,
};

FILE *const stdin = &in_stream;
