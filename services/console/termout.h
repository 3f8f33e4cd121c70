/*
 * Terminal output: the one place where "\n" becomes "\r\n". Text is
 * gathered into char-protocol WRITE sized chunks and handed to a flush
 * function (the serial driver, or program output without one). Pure,
 * tested on the host by tests/unit/test_console_line.c.
 */
#ifndef CONSOLE_TERMOUT_H
#define CONSOLE_TERMOUT_H

#include <stddef.h>
#include <atxf/proto/char.h>

typedef void termout_flush_fn(void *ctx, const char *buf, size_t n);

struct termout {
	char buf[ATXF_CHAR_WRITE_MAX];
	size_t len;
	char last;                  /* the last byte written, to leave CR LF alone */
	termout_flush_fn *flush;
	void *ctx;
};

void termout_init(struct termout *t, termout_flush_fn *flush, void *ctx);
/* Buffers s, turning a bare "\n" into "\r\n"; flushes full chunks. */
void termout_write(struct termout *t, const char *s, size_t n);
/* Hands over whatever is buffered. */
void termout_flush(struct termout *t);

#endif
