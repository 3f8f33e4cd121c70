/*
 * fscanf, scanf, vfscanf, vscanf: the scanf engine (scan.c) reading a
 * stream with one byte of push-back; the byte after the last one matched
 * stays in the stream for the next call.
 */
#include <stdarg.h>
#include <stdio.h>
#include "scan.h"
#include "stream.h"

struct stream_in {
	struct atxf_scan_in in;         /* first, so an in pointer is a stream_in */
	struct atxf_stream *f;
};

static int stream_get(struct atxf_scan_in *in)
{
	return atxf_stream_getc(((struct stream_in *)in)->f);
}

static void stream_unget(struct atxf_scan_in *in, int c)
{
	atxf_stream_ungetc(((struct stream_in *)in)->f, c);
}

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct stream_in s = { .in = { .get = stream_get, .unget = stream_unget }, .f = f };

	return atxf_vscan(&s.in, fmt, ap);
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vscanf(const char *restrict fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int scanf(const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return n;
}
