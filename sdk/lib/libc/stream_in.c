/*
 * Reading from a stream: a buffer filled by the stream's read function,
 * and one byte of push-back for the scanf engine. A read of 0 bytes is the
 * end of the input (feof); a failed one sets the error (ferror).
 */
#include "stream.h"

static int refill(struct atxf_stream *f)
{
	long n;

	if (f->eof || f->read == 0)
		return -1;
	n = f->read(f->rbuf, sizeof(f->rbuf));
	if (n <= 0) {
		f->eof |= n == 0;
		f->error |= n < 0;
		return -1;
	}
	f->rpos = 0;
	f->rlen = (size_t)n;
	return 0;
}

int atxf_stream_getc(struct atxf_stream *f)
{
	if (f->unread) {
		int c = f->unread - 1;

		f->unread = 0;
		return c;
	}
	if (f->rpos == f->rlen && refill(f) < 0)
		return -1;
	return (unsigned char)f->rbuf[f->rpos++];
}

void atxf_stream_ungetc(struct atxf_stream *f, int c)
{
	f->unread = (c & 0xff) + 1;
}
