/* Terminal output with LF -> CR LF translation, in WRITE-sized chunks. */
#include "termout.h"

void termout_init(struct termout *t, termout_flush_fn *flush, void *ctx)
{
	t->len = 0;
	t->last = 0;
	t->flush = flush;
	t->ctx = ctx;
}

void termout_flush(struct termout *t)
{
	if (t->len)
		t->flush(t->ctx, t->buf, t->len);
	t->len = 0;
}

static void put(struct termout *t, char c)
{
	if (t->len == sizeof(t->buf))
		termout_flush(t);
	t->buf[t->len++] = c;
	t->last = c;
}

void termout_write(struct termout *t, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' && t->last != '\r')
			put(t, '\r');
		put(t, s[i]);
	}
}
