/*
 * The console's line editor: characters (keymap.h) in, a finished line
 * out, echoing as it goes. Pure, tested on the host by
 * tests/unit/test_console_line.c.
 */
#ifndef CONSOLE_LINE_H
#define CONSOLE_LINE_H

#include <stddef.h>

#define CONSOLE_LINE_MAX 127        /* characters; more are ignored */

/* Where echo goes: the terminal. */
typedef void line_echo_fn(void *ctx, const char *s, size_t n);

struct line {
	char buf[CONSOLE_LINE_MAX + 1];     /* NUL-terminated once LINE_ENTER is returned */
	size_t len;
	line_echo_fn *echo;
	void *ctx;
};

enum line_result {
	LINE_MORE,          /* keep feeding characters */
	LINE_ENTER,         /* buf holds a finished line: run it, then line_clear */
	LINE_CANCEL,        /* ctrl-C: the line is gone; show a new prompt */
};

void line_init(struct line *ln, line_echo_fn *echo, void *ctx);
void line_clear(struct line *ln);
enum line_result line_char(struct line *ln, int c);

#endif
