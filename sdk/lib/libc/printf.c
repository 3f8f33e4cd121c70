/* printf, fprintf and their va_list forms: the engine onto a stream. */
#include <stdarg.h>
#include <stdio.h>
#include "stream.h"

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	return atxf_stream_vprintf(f, fmt, ap);
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return atxf_stream_vprintf(stdout, fmt, ap);
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = atxf_stream_vprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = atxf_stream_vprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}
