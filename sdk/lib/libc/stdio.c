/*
 * stdout and stderr: two streams onto the process's output on the console
 * (one byte stream: the kernel keeps their order), and the calls that act
 * on a whole stream (fflush, ferror, clearerr).
 */
#include <stdio.h>
#include "hooks.h"
#include "stream.h"

static struct atxf_stream out_stream = {
	.write = atxf_debug_write,
	.mode = ATXF_STREAM_LINE,
};

static struct atxf_stream err_stream = {
	.write = atxf_debug_write,
	.mode = ATXF_STREAM_CALL,
};

FILE *const stdout = &out_stream;
FILE *const stderr = &err_stream;

int fflush(FILE *f)
{
	if (f != NULL)
		return atxf_stream_flush(f) < 0 ? EOF : 0;
	int a = atxf_stream_flush(stdout);
	int b = atxf_stream_flush(stderr);
	return a < 0 || b < 0 ? EOF : 0;
}

int ferror(FILE *f)
{
	return f->error;
}

void clearerr(FILE *f)
{
	f->error = 0;
	f->eof = 0;
}
