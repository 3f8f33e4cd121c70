/*
 * The output stream behind FILE: a buffer in front of a write function.
 * Host-testable: the write function is a field, not a call to the runtime,
 * so a test can point it at a recorder.
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
};

/* Buffer n bytes; returns 0, or -1 if a write it caused failed. */
int atxf_stream_put(struct atxf_stream *f, const char *s, size_t n);

/* Write out what is buffered; returns 0, or -1 if a write failed. */
int atxf_stream_flush(struct atxf_stream *f);

/* End one public call: flush an ATXF_STREAM_CALL stream, then return ret,
 * or -1 if failed is set or that flush failed. */
int atxf_stream_done(struct atxf_stream *f, int ret, int failed);

/* vfprintf on a stream: characters produced, or -1 on error. */
int atxf_stream_vprintf(struct atxf_stream *f, const char *fmt, va_list ap);

#endif /* ATXF_LIBC_STREAM_H */
