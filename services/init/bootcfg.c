/*
 * boot.cfg parsing (bootcfg.h): cut the next line out of the text, drop
 * its comment, split it into words, and check the words against the
 * directive they name.
 */
#include <stdio.h>
#include <string.h>
#include "bootcfg.h"

enum { LINE_TOO_LONG = -1, LINE_CONTROL = -2 };

/* A line of BOOTCFG_LINE_MAX bytes has at most this many words. */
#define WORDS_MAX ((BOOTCFG_LINE_MAX + 1) / 2)

void bootcfg_begin(struct bootcfg_reader *r, const char *text, size_t size)
{
	r->text = text;
	r->size = size;
	r->pos = 0;
	r->line = 0;
}

static enum bootcfg_result malformed(struct bootcfg_directive *d, const char *why)
{
	snprintf(d->error, sizeof(d->error), "%s", why);
	return BOOTCFG_MALFORMED;
}

/* Copies the next line into d->buf, without newline, CR or comment.
 * Returns its length, LINE_TOO_LONG or LINE_CONTROL. */
static int take_line(struct bootcfg_reader *r, struct bootcfg_directive *d)
{
	size_t start = r->pos, end = start, n = 0;
	int bad = 0;

	while (end < r->size && r->text[end] != '\n')
		end++;
	r->pos = end < r->size ? end + 1 : end;
	r->line++;
	if (end > start && r->text[end - 1] == '\r')
		end--;
	for (size_t i = start; i < end; i++) {
		unsigned char c = (unsigned char)r->text[i];

		if (c == '#')
			break;
		if (c < 0x20 && c != '\t')
			bad = 1;
		if (n < BOOTCFG_LINE_MAX)
			d->buf[n] = c == '\t' ? ' ' : (char)c;
		n++;
	}
	if (bad)
		return LINE_CONTROL;
	if (n > BOOTCFG_LINE_MAX)
		return LINE_TOO_LONG;
	d->buf[n] = '\0';
	return (int)n;
}

/* Splits d->buf into words, NULL-terminated; returns how many, or max + 1
 * when there are more than max. */
static unsigned split(struct bootcfg_directive *d, char **words, unsigned max)
{
	unsigned n = 0;
	char *s = d->buf;

	for (;;) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (n == max)
			return max + 1;
		words[n++] = s;
		while (*s && *s != ' ')
			s++;
		if (*s)
			*s++ = '\0';
	}
	words[n] = NULL;
	return n;
}

/* Copies n words into out[], NULL-terminated. */
static void copy_words(char **out, char **w, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		out[i] = w[i];
	out[n] = NULL;
}

/* start NAME [ARG ...] [with CAP ...]: w[0] is "start". */
static enum bootcfg_result start_line(struct bootcfg_directive *d, char **w, unsigned n)
{
	unsigned with = 1;

	while (with < n && strcmp(w[with], "with"))
		with++;
	if (with < 2)
		return malformed(d, "start needs a program name");
	if (with - 1 > BOOTCFG_ARGV_MAX)
		return malformed(d, "start takes a program name and at most 15 arguments");
	if (with < n && with + 1 == n)
		return malformed(d, "with needs at least one capability");
	if (with < n && n - with - 1 > BOOTCFG_CAPS_MAX)
		return malformed(d, "start takes at most 30 capabilities");
	d->kind = BOOTCFG_START;
	d->argc = with - 1;
	copy_words(d->argv, w + 1, d->argc);
	d->ncaps = with < n ? n - with - 1 : 0;
	copy_words(d->caps, w + with + 1, d->ncaps);
	return BOOTCFG_DIRECTIVE;
}

/* One word into d->argv[0], for exit-with and env. */
static enum bootcfg_result one_word(struct bootcfg_directive *d, enum bootcfg_kind kind,
				    char *word)
{
	d->kind = kind;
	d->argc = 1;
	copy_words(d->argv, &word, 1);
	d->caps[0] = NULL;
	return BOOTCFG_DIRECTIVE;
}

/* env NAME=VALUE: NAME is not empty. */
static enum bootcfg_result env_line(struct bootcfg_directive *d, char **w, unsigned n)
{
	if (n != 2 || !strchr(w[1], '=') || w[1][0] == '=')
		return malformed(d, "env needs exactly one NAME=VALUE (no spaces in VALUE)");
	return one_word(d, BOOTCFG_ENV, w[1]);
}

static enum bootcfg_result directive(struct bootcfg_directive *d, char **w, unsigned n)
{
	if (!strcmp(w[0], "start"))
		return start_line(d, w, n);
	if (!strcmp(w[0], "exit-with")) {
		if (n != 2)
			return malformed(d, "exit-with needs exactly one program name");
		return one_word(d, BOOTCFG_EXIT_WITH, w[1]);
	}
	if (!strcmp(w[0], "env"))
		return env_line(d, w, n);
	snprintf(d->error, sizeof(d->error), "unknown directive \"%.40s\"", w[0]);
	return BOOTCFG_MALFORMED;
}

enum bootcfg_result bootcfg_next(struct bootcfg_reader *r, struct bootcfg_directive *d)
{
	char *words[WORDS_MAX + 1];
	unsigned n;

	while (r->pos < r->size) {
		int len;

		memset(d, 0, sizeof(*d));
		len = take_line(r, d);
		d->line = r->line;
		if (len == LINE_TOO_LONG)
			return malformed(d, "line longer than 255 bytes");
		if (len == LINE_CONTROL)
			return malformed(d, "control character in the line");
		n = split(d, words, WORDS_MAX);
		if (n)
			return directive(d, words, n);
	}
	return BOOTCFG_END;
}

enum bootcfg_result bootcfg_command(const char *text, size_t len, struct bootcfg_directive *d)
{
	char *words[WORDS_MAX + 1];
	unsigned n;

	memset(d, 0, sizeof(*d));
	if (len > BOOTCFG_LINE_MAX)
		return malformed(d, "command longer than 255 bytes");
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f)
			return malformed(d, "control character in the command");
	memcpy(d->buf, text, len);
	n = split(d, words, WORDS_MAX);
	if (n == 0)
		return malformed(d, "empty command");
	if (n > BOOTCFG_ARGV_MAX)
		return malformed(d, "a program name and at most 15 arguments");
	d->kind = BOOTCFG_START;
	d->argc = n;
	copy_words(d->argv, words, n);
	return BOOTCFG_DIRECTIVE;
}
