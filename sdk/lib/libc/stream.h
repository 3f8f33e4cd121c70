/*
 * The stream behind FILE: a buffer in front of a write function, and for
 * an input stream (stdin) one behind a read function. Host-testable: both
 * are fields, not calls to the runtime, so a test can point them at its own.
 */
#ifndef ATXF_LIBC_STREAM_H
#define ATXF_LIBC_STREAM_H

#include <stdarg.h>
#include <stddef.h>

#define ATXF_STREAM_BUFSIZE 256

enum atxf_stream_mode {
	ATXF_STREAM_LINE,       /* flush at '\n' and when full (stdout) */
	ATXF_STREAM_CALL,       /* flush at the end of every call (stderr) */
};

struct atxf_stream {
	long (*write)(const char *buf, unsigned long len); /* where bytes go */
	enum atxf_stream_mode mode;
	int error;              /* a write failed: ferror(), until clearerr() */
	size_t len;             /* bytes waiting in buf */
	char buf[ATXF_STREAM_BUFSIZE];
	/* Input: NULL for an output stream. Bytes read, 0 at the end, or < 0. */
	long (*read)(char *buf, unsigned long len);
	int eof;                /* read said end of input: feof() */
	int unread;             /* a byte given back, plus 1; 0 for none */
	size_t rpos, rlen;      /* the unread bytes are rbuf[rpos..rlen) */
	char rbuf[ATXF_STREAM_BUFSIZE];
};

/* Buffer n bytes; returns 0, or -1 if a write it caused failed. */
int atxf_stream_put(struct atxf_stream *f, const char *s, size_t n);

/* Write out what is buffered; returns 0, or -1 if a write failed. */
int atxf_stream_flush(struct atxf_stream *f);

/* End one public call: flush an ATXF_STREAM_CALL stream, then return ret,
 * or -1 if failed is set or that flush failed. */
int atxf_stream_done(struct atxf_stream *f, int ret, int failed);

/* The next input byte (0-255), or -1 at the end or on an error; the
 * stream must have a read function. */
int atxf_stream_getc(struct atxf_stream *f);

/* Give back c, the last byte read: the next getc returns it. */
void atxf_stream_ungetc(struct atxf_stream *f, int c);

/* vfprintf on a stream: characters produced, or -1 on error. */
int atxf_stream_vprintf(struct atxf_stream *f, const char *fmt, va_list ap);

#endif /* ATXF_LIBC_STREAM_H */
