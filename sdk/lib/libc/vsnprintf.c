/*
 * atxf_vsnprintf(): the printf engine writing into a caller's buffer, with
 * C11 7.21.6.12 semantics: at most size-1 characters are stored and always
 * NUL-terminated when size > 0; the return value is the length the whole
 * output would have had. The public snprintf family wraps this.
 */
#include "format.h"

struct buf_sink {
	struct atxf_sink sink;  /* first, so a sink pointer is a buf_sink pointer */
	char *buf;
	size_t room;            /* characters that may still be stored */
};

static void buf_write(struct atxf_sink *sink, const char *s, size_t n)
{
	struct buf_sink *b = (struct buf_sink *)sink;
	size_t k = n < b->room ? n : b->room;

	for (size_t i = 0; i < k; i++)
		b->buf[i] = s[i];
	b->buf += k;
	b->room -= k;
}

int atxf_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf_sink b = {
		.sink = { .write = buf_write },
		.buf = buf,
		.room = size > 0 ? size - 1 : 0,   /* keep one byte for the NUL */
	};
	int n = atxf_vformat(&b.sink, fmt, ap);

	if (size > 0)
		*b.buf = '\0';
	return n;
}
