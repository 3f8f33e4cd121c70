/*
 * Unformatted input (C11 7.21.7, 7.21.8): fgetc, getc, getchar, fgets,
 * fread, ungetc, and feof. They read through the stream's buffer
 * (stream_in.c), so they mix freely with scanf on the same stream. A
 * stream without input (stdout, stderr) fails with EBADF and sets its
 * error indicator, as glibc does for a stream not open for reading.
 */
#include <errno.h>
#include <stdio.h>
#include "stream.h"

static int readable(FILE *f)
{
	if (f->read != NULL)
		return 1;
	f->error = 1;
	errno = EBADF;
	return 0;
}

int fgetc(FILE *f)
{
	if (!readable(f))
		return EOF;
	return atxf_stream_getc(f);
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

/* Up to n - 1 bytes, through the first newline; NULL when nothing was read
 * before the end (or an error), and then s is as it was. */
char *fgets(char *restrict s, int n, FILE *restrict f)
{
	int i = 0, c = 0;

	if (n <= 0 || !readable(f))
		return NULL;
	while (i < n - 1 && c != '\n' && (c = atxf_stream_getc(f)) >= 0)
		s[i++] = (char)c;
	if (i == 0 && n > 1)
		return NULL;
	s[i] = '\0';
	return s;
}

/* Whole items only count: a partial last item is read but not counted. */
size_t fread(void *restrict buf, size_t size, size_t n, FILE *restrict f)
{
	unsigned char *p = buf;
	size_t bytes, i = 0;
	int c;

	if (size == 0 || n == 0 || !readable(f))
		return 0;
	if (__builtin_mul_overflow(size, n, &bytes))
		bytes = (size_t)-1 / size * size;
	while (i < bytes && (c = atxf_stream_getc(f)) >= 0)
		p[i++] = (unsigned char)c;
	return i / size;
}

/* One byte of push-back (C11's guarantee); it clears the end of file. */
int ungetc(int c, FILE *f)
{
	if (c == EOF || !readable(f) || f->unread)
		return EOF;
	atxf_stream_ungetc(f, c);
	f->eof = 0;
	return (unsigned char)c;
}

int feof(FILE *f)
{
	return f->eof;
}
