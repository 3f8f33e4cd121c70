/* Unformatted output: puts, fputs, putchar, fputc, putc, fwrite. */
#include <stdio.h>
#include <string.h>
#include "stream.h"

int fputs(const char *restrict s, FILE *restrict f)
{
	int failed = atxf_stream_put(f, s, strlen(s));

	return atxf_stream_done(f, 0, failed) < 0 ? EOF : 0;
}

int puts(const char *s)
{
	int failed = atxf_stream_put(stdout, s, strlen(s));

	failed |= atxf_stream_put(stdout, "\n", 1);
	return atxf_stream_done(stdout, 0, failed) < 0 ? EOF : 0;
}

int fputc(int c, FILE *f)
{
	char ch = (char)c;
	int failed = atxf_stream_put(f, &ch, 1);

	return atxf_stream_done(f, 0, failed) < 0 ? EOF : (unsigned char)ch;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

size_t fwrite(const void *restrict buf, size_t size, size_t n, FILE *restrict f)
{
	size_t bytes;

	if (size == 0 || n == 0)
		return 0;
	/* Overflow here means the caller's buffer cannot exist: write nothing. */
	if (__builtin_mul_overflow(size, n, &bytes))
		return 0;
	int failed = atxf_stream_put(f, buf, bytes);
	return atxf_stream_done(f, 0, failed) < 0 ? 0 : n;
}
