/*
 * Opening, closing, positioning and buffering streams (C11 7.21.4, 7.21.5,
 * 7.21.9), before there is a file system: a name can be checked but never
 * opened, so fopen, a named freopen, tmpfile, remove and rename fail with
 * ENOSYS (docs/libc.md); stdin, stdout and stderr are the only streams,
 * and they are a terminal and a stream of input that cannot seek (ESPIPE).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "stream.h"

/* fopen's modes: r, w or a, then any of b and +, in any order. */
static int mode_ok(const char *mode)
{
	if (mode == NULL || (mode[0] != 'r' && mode[0] != 'w' && mode[0] != 'a'))
		return 0;
	return strspn(mode + 1, "b+") == strlen(mode + 1) && strlen(mode) <= 3;
}

static void *fail(int err)
{
	errno = err;
	return NULL;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	if (path == NULL || !mode_ok(mode))
		return fail(EINVAL);
	if (path[0] == '\0')
		return fail(ENOENT);
	return fail(ENOSYS);
}

/* With no name, freopen changes only the mode, which means nothing to a
 * standard stream: it stays as it is (glibc does the same on a terminal). */
FILE *freopen(const char *restrict path, const char *restrict mode, FILE *restrict f)
{
	if (!mode_ok(mode))
		return fail(EINVAL);
	if (path == NULL)
		return f;
	return fopen(path, mode);
}

/* The standard streams outlive fclose: their bytes are flushed, and the
 * console they go to stays open for the rest of the program. */
int fclose(FILE *f)
{
	return fflush(f);
}

int fseek(FILE *f, long offset, int whence)
{
	(void)f;
	(void)offset;
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
		errno = EINVAL;
	else
		errno = ESPIPE;
	return -1;
}

long ftell(FILE *f)
{
	(void)f;
	errno = ESPIPE;
	return -1;
}

void rewind(FILE *f)
{
	int saved = errno;

	fseek(f, 0, SEEK_SET);
	errno = saved;
	f->error = 0;
}

int fgetpos(FILE *restrict f, fpos_t *restrict pos)
{
	long at = ftell(f);

	if (at < 0)
		return -1;
	*pos = at;
	return 0;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
	return fseek(f, (long)*pos, SEEK_SET);
}

/* The buffer is always the stream's own; C lets setvbuf ignore buf. Full
 * buffering becomes line buffering: output only ever comes sooner. */
int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	(void)buf;
	(void)size;
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return -1;
	}
	if (f->write != NULL) {
		atxf_stream_flush(f);
		f->mode = mode == _IONBF ? ATXF_STREAM_CALL : ATXF_STREAM_LINE;
	}
	return 0;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

FILE *tmpfile(void)
{
	return fail(ENOSYS);
}

/* A fresh name each call (TMP_MAX of them), as C asks; nothing exists yet
 * to clash with it. */
char *tmpnam(char *s)
{
	static char own[L_tmpnam];
	static unsigned long count;

	if (count >= TMP_MAX)
		return NULL;
	if (s == NULL)
		s = own;
	snprintf(s, L_tmpnam, "/tmp/t%06lu", count++);
	return s;
}

int remove(const char *path)
{
	(void)path;
	errno = ENOSYS;
	return -1;
}

int rename(const char *from, const char *to)
{
	(void)from;
	(void)to;
	errno = ENOSYS;
	return -1;
}
