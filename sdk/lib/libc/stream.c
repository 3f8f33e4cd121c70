/*
 * Buffered output streams. The console is a system call per write, so
 * output is gathered into lines (stdout) or whole calls (stderr) first: one
 * printf of one line costs one system call. The kernel keeps a line whole
 * however many writes it takes (docs/syscalls.md, SYS_DEBUG_WRITE), so a
 * flush in the middle of a line costs a call, never the line's shape.
 */
#include "format.h"
#include "stream.h"

/* Hand the buffer to the write function, coping with short writes. */
int atxf_stream_flush(struct atxf_stream *f)
{
	size_t done = 0;
	int ret = 0;

	/* An input stream (stdin) has nowhere to write. */
	if (f->write == 0 && f->len > 0) {
		f->error = 1;
		f->len = 0;
		return -1;
	}
	while (done < f->len) {
		long n = f->write(f->buf + done, f->len - done);

		/* A write of nothing would loop forever: treat it as a failure. */
		if (n <= 0) {
			f->error = 1;
			ret = -1;
			break;
		}
		done += (size_t)n;
	}
	/* What could not be written is dropped: the console will not take it. */
	f->len = 0;
	return ret;
}

int atxf_stream_put(struct atxf_stream *f, const char *s, size_t n)
{
	int newline = 0, ret = 0;

	while (n > 0) {
		size_t k = ATXF_STREAM_BUFSIZE - f->len;

		if (k > n)
			k = n;
		for (size_t i = 0; i < k; i++) {
			f->buf[f->len + i] = s[i];
			newline |= s[i] == '\n';
		}
		f->len += k;
		s += k;
		n -= k;
		if (f->len == ATXF_STREAM_BUFSIZE)
			ret |= atxf_stream_flush(f);
	}
	if (newline && f->mode == ATXF_STREAM_LINE)
		ret |= atxf_stream_flush(f);
	return ret;
}

int atxf_stream_done(struct atxf_stream *f, int ret, int failed)
{
	if (f->mode == ATXF_STREAM_CALL)
		failed |= atxf_stream_flush(f);
	return failed ? -1 : ret;
}

struct stream_sink {
	struct atxf_sink sink;  /* first, so a sink pointer is a stream_sink */
	struct atxf_stream *f;
	int failed;             /* -1 once a write during this call failed */
};

static void stream_write(struct atxf_sink *sink, const char *s, size_t n)
{
	struct stream_sink *ss = (struct stream_sink *)sink;

	ss->failed |= atxf_stream_put(ss->f, s, n);
}

int atxf_stream_vprintf(struct atxf_stream *f, const char *fmt, va_list ap)
{
	struct stream_sink ss = { .sink = { .write = stream_write }, .f = f };
	int n = atxf_vformat(&ss.sink, fmt, ap);

	return atxf_stream_done(f, n, ss.failed || n < 0);
}
