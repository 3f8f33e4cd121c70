/*
 * Line editing with echo. Echo is written as the terminal should show it,
 * already with CR LF, so it passes the output's LF translation unchanged.
 */
#include <string.h>
#include "keymap.h"
#include "line.h"

void line_init(struct line *ln, line_echo_fn *echo, void *ctx)
{
	ln->echo = echo;
	ln->ctx = ctx;
	line_clear(ln);
}

void line_clear(struct line *ln)
{
	ln->len = 0;
	ln->buf[0] = '\0';
}

static void echo(struct line *ln, const char *s)
{
	ln->echo(ln->ctx, s, strlen(s));
}

/* Back over the last character and blank it out. */
static void rubout(struct line *ln)
{
	ln->len--;
	ln->buf[ln->len] = '\0';
	echo(ln, "\b \b");
}

enum line_result line_char(struct line *ln, int c)
{
	switch (c) {
	case CONSOLE_ENTER:
		echo(ln, "\r\n");
		ln->buf[ln->len] = '\0';
		return LINE_ENTER;
	case CONSOLE_BACKSPACE:
		if (ln->len)
			rubout(ln);
		return LINE_MORE;
	case CONSOLE_CTRL_U:
		while (ln->len)
			rubout(ln);
		return LINE_MORE;
	case CONSOLE_CTRL_C:
		echo(ln, "^C\r\n");
		line_clear(ln);
		return LINE_CANCEL;
	default:
		break;
	}
	if (c < 0x20 || c > 0x7e || ln->len == CONSOLE_LINE_MAX)
		return LINE_MORE;
	ln->buf[ln->len++] = (char)c;
	ln->buf[ln->len] = '\0';
	ln->echo(ln->ctx, &ln->buf[ln->len - 1], 1);
	return LINE_MORE;
}
