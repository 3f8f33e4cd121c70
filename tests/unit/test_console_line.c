/*
 * The console's line editor (line.c), serial input decoding (serial.c)
 * and terminal output translation (termout.c): characters in, the exact
 * echo bytes and finished lines out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "keymap.h"
#include "line.h"
#include "serial.h"
#include "termout.h"

/* What the editor echoed, and the lines it finished, in order. */
struct record {
	char echo[4096];
	size_t len;
	char lines[8][CONSOLE_LINE_MAX + 1];
	int nlines, cancels;
};

static void record_echo(void *ctx, const char *s, size_t n)
{
	struct record *r = ctx;

	assert_true(r->len + n < sizeof(r->echo));
	memcpy(r->echo + r->len, s, n);
	r->len += n;
	r->echo[r->len] = '\0';
}

static void feed(struct line *ln, struct record *r, const char *chars)
{
	for (; *chars; chars++) {
		enum line_result res = line_char(ln, (unsigned char)*chars);

		if (res == LINE_ENTER) {
			strcpy(r->lines[r->nlines++], ln->buf);
			line_clear(ln);
		} else if (res == LINE_CANCEL) {
			r->cancels++;
		}
	}
}

static struct record *setup(struct line *ln)
{
	static struct record r;

	memset(&r, 0, sizeof(r));
	line_init(ln, record_echo, &r);
	return &r;
}

static void typing_echoes_and_enter_finishes(void **state)
{
	struct line ln;
	struct record *r = setup(&ln);

	(void)state;
	feed(&ln, r, "echo hi\r");
	assert_string_equal(r->echo, "echo hi\r\n");
	assert_int_equal(r->nlines, 1);
	assert_string_equal(r->lines[0], "echo hi");
	/* An empty line is a line too. */
	feed(&ln, r, "\r");
	assert_int_equal(r->nlines, 2);
	assert_string_equal(r->lines[1], "");
}

static void backspace(void **state)
{
	struct line ln;
	struct record *r = setup(&ln);

	(void)state;
	feed(&ln, r, "ab\b\bc\b\b\bxy\r");
	assert_string_equal(r->echo, "ab\b \b\b \bc\b \bxy\r\n");
	assert_string_equal(r->lines[0], "xy");
}

static void backspace_at_empty_line_echoes_nothing(void **state)
{
	struct line ln;
	struct record *r = setup(&ln);

	(void)state;
	feed(&ln, r, "\b\b");
	assert_int_equal(r->len, 0);
}

static void ctrl_u_erases_the_line(void **state)
{
	struct line ln;
	struct record *r = setup(&ln);

	(void)state;
	feed(&ln, r, "abc\x15" "d\r");
	assert_string_equal(r->echo, "abc\b \b\b \b\b \bd\r\n");
	assert_string_equal(r->lines[0], "d");
}

static void ctrl_c_discards(void **state)
{
	struct line ln;
	struct record *r = setup(&ln);

	(void)state;
	feed(&ln, r, "rm\x03");
	assert_string_equal(r->echo, "rm^C\r\n");
	assert_int_equal(r->cancels, 1);
	assert_int_equal(r->nlines, 0);
	feed(&ln, r, "ps\r");
	assert_string_equal(r->lines[0], "ps");
}

static void long_lines_are_cut(void **state)
{
	char text[200], want[CONSOLE_LINE_MAX + 1];
	struct line ln;
	struct record *r = setup(&ln);

	(void)state;
	memset(text, 'x', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	feed(&ln, r, text);
	/* Only the first 127 are echoed; backspace then makes room again. */
	assert_int_equal(r->len, CONSOLE_LINE_MAX);
	feed(&ln, r, "\byz\r");
	memset(want, 'x', CONSOLE_LINE_MAX - 1);
	want[CONSOLE_LINE_MAX - 1] = 'y';
	want[CONSOLE_LINE_MAX] = '\0';
	assert_string_equal(r->lines[0], want);
}

static void control_characters_are_ignored(void **state)
{
	struct line ln;
	struct record *r = setup(&ln);

	(void)state;
	feed(&ln, r, "a\x01\t\x1b\x7f" "b\r");
	assert_string_equal(r->echo, "ab\r\n");
	assert_string_equal(r->lines[0], "ab");
}

/* Decodes bytes into the characters the editor gets. */
static void decode(const char *bytes, size_t n, char *out)
{
	struct serial_decoder sd;
	size_t k = 0;

	serial_init(&sd);
	for (size_t i = 0; i < n; i++) {
		int c = serial_byte(&sd, (uint8_t)bytes[i]);

		if (c)
			out[k++] = (char)c;
	}
	out[k] = '\0';
}

#define DECODE(bytes, want) do {                                \
	char got_[64];                                          \
	decode(bytes, sizeof(bytes) - 1, got_);                 \
	assert_string_equal(got_, want);                        \
} while (0)

static void serial_line_ends(void **state)
{
	(void)state;
	DECODE("a\r", "a\r");
	DECODE("a\n", "a\r");
	DECODE("a\r\nb\r\n", "a\rb\r");
	DECODE("a\n\rb\n\r", "a\rb\r");
	/* Two CRs (or LFs) are two Enters; CR LF CR LF is two. */
	DECODE("\r\r", "\r\r");
	DECODE("\n\n", "\r\r");
	DECODE("\r\n\r\n", "\r\r");
}

static void serial_backspace_and_controls(void **state)
{
	(void)state;
	DECODE("ab\x7f" "c\b", "ab\bc\b");
	DECODE("x\x03y\x15", "x\x03y\x15");
	/* Other control bytes and bytes above 0x7e are dropped. */
	DECODE("a\x01\x02\x07\t\x1a\x80\xff" "b", "ab");
}

static void serial_escape_sequences(void **state)
{
	(void)state;
	/* Arrows, Home/End with parameters, SS3 arrows, F5. */
	DECODE("a\x1b[Ab", "ab");
	DECODE("\x1b[D\x1b[C\x1b[1;5H" "c", "c");
	DECODE("\x1bOA" "d", "d");
	DECODE("\x1b[15~" "e\r", "e\r");
	/* An escape cut off by the next message still ends where it should. */
	struct serial_decoder sd;

	serial_init(&sd);
	assert_int_equal(serial_byte(&sd, 0x1b), 0);
	assert_int_equal(serial_byte(&sd, '['), 0);
	assert_int_equal(serial_byte(&sd, '2'), 0);
	assert_int_equal(serial_byte(&sd, '~'), 0);
	assert_int_equal(serial_byte(&sd, 'z'), 'z');
}

/* termout: what reaches the device, chunk by chunk. */
static char flushed[1024];
static size_t nflushed, chunks, biggest;

static void record_flush(void *ctx, const char *buf, size_t n)
{
	(void)ctx;
	assert_true(nflushed + n < sizeof(flushed));
	memcpy(flushed + nflushed, buf, n);
	nflushed += n;
	flushed[nflushed] = '\0';
	chunks++;
	if (n > biggest)
		biggest = n;
}

static void output_translates_bare_lf(void **state)
{
	struct termout t;

	(void)state;
	nflushed = chunks = biggest = 0;
	termout_init(&t, record_flush, NULL);
	termout_write(&t, "a\nb\r\nc\n\n", 8);
	termout_write(&t, "\r", 1);
	termout_write(&t, "\n", 1);
	assert_int_equal(nflushed, 0);
	termout_flush(&t);
	assert_string_equal(flushed, "a\r\nb\r\nc\r\n\r\n\r\n");
	assert_int_equal(chunks, 1);
}

static void output_comes_in_write_sized_chunks(void **state)
{
	char text[300];
	struct termout t;

	(void)state;
	nflushed = chunks = biggest = 0;
	memset(text, 'q', sizeof(text));
	termout_init(&t, record_flush, NULL);
	termout_write(&t, text, sizeof(text));
	termout_flush(&t);
	assert_int_equal(nflushed, sizeof(text));
	assert_int_equal(biggest, ATXF_CHAR_WRITE_MAX);
	assert_int_equal(chunks, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(typing_echoes_and_enter_finishes),
		cmocka_unit_test(backspace),
		cmocka_unit_test(backspace_at_empty_line_echoes_nothing),
		cmocka_unit_test(ctrl_u_erases_the_line),
		cmocka_unit_test(ctrl_c_discards),
		cmocka_unit_test(long_lines_are_cut),
		cmocka_unit_test(control_characters_are_ignored),
		cmocka_unit_test(serial_line_ends),
		cmocka_unit_test(serial_backspace_and_controls),
		cmocka_unit_test(serial_escape_sequences),
		cmocka_unit_test(output_translates_bare_lf),
		cmocka_unit_test(output_comes_in_write_sized_chunks),
	};

	return cmocka_run_group_tests_name("console line editing", tests, NULL, NULL);
}
