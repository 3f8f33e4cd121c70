/*
 * init's boot.cfg parser (services/init/bootcfg.c) on the host: a table of
 * named configurations, each with what the parser must make of it, written
 * as one line per directive ("LINE:start NAME ARG... [with CAP...]",
 * "LINE:exit-with NAME") or malformed line ("LINE:! WHY"). The clauses
 * themselves are test_bootcfg_caps.c's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "bootcfg.h"

struct cfg_case {
	const char *name;
	const char *text;
	size_t size;            /* 0: strlen(text) */
	const char *want;
};

/* Renders everything the parser returns for text, as the table writes it. */
static void render(const char *text, size_t size, char *out, size_t out_size)
{
	struct bootcfg_directive d;
	struct bootcfg_reader r;
	enum bootcfg_result res;
	size_t n = 0;

	out[0] = '\0';
	bootcfg_begin(&r, text, size);
	while ((res = bootcfg_next(&r, &d)) != BOOTCFG_END) {
		n += (size_t)snprintf(out + n, out_size - n, "%s%u:", n ? "\n" : "", d.line);
		if (res == BOOTCFG_MALFORMED) {
			n += (size_t)snprintf(out + n, out_size - n, "! %s", d.error);
			continue;
		}
		n += (size_t)snprintf(out + n, out_size - n, "%s",
				      d.kind == BOOTCFG_START ? "start" :
				      d.kind == BOOTCFG_ENV ? "env" : "exit-with");
		for (unsigned i = 0; i < d.argc; i++)
			n += (size_t)snprintf(out + n, out_size - n, " %s", d.argv[i]);
		assert_null(d.argv[d.argc]);
		if (d.ncaps)
			n += (size_t)snprintf(out + n, out_size - n, " with");
		for (unsigned i = 0; i < d.ncaps; i++)
			n += (size_t)snprintf(out + n, out_size - n, " %s", d.caps[i]);
		assert_null(d.caps[d.ncaps]);
	}
}

#define ARGS15 " 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"
#define CAPS10 " fb fb fb fb fb fb fb fb fb fb"

static const struct cfg_case cases[] = {
	{ "empty", "", 0, "" },
	{ "comments and blank lines", "# the reference system\n\n   \n\t# more\n", 0, "" },
	{ "start with arguments", "start hello.atxf 7 alpha beta\n", 0,
	  "1:start hello.atxf 7 alpha beta" },
	{ "last line without newline", "exit-with hello.atxf", 0, "1:exit-with hello.atxf" },
	{ "tabs, runs of spaces, trailing comment", "  start\thello.atxf   1 # one\n", 0,
	  "1:start hello.atxf 1" },
	{ "a # inside a word starts the comment", "start a.atxf x#y z\n", 0,
	  "1:start a.atxf x" },
	{ "CR LF line ends", "start a.atxf x\r\nexit-with a.atxf\r\n", 0,
	  "1:start a.atxf x\n2:exit-with a.atxf" },
	{ "line numbers count blank and comment lines", "\n# c\n\nstart a.atxf\n", 0,
	  "4:start a.atxf" },
	{ "unknown directive, then the next line", "frobnicate now\nstart a.atxf\n", 0,
	  "1:! unknown directive \"frobnicate\"\n2:start a.atxf" },
	{ "directives are case-sensitive", "START a.atxf\n", 0,
	  "1:! unknown directive \"START\"" },
	{ "start without a name", "start\nstart   # nothing\n", 0,
	  "1:! start needs a program name\n2:! start needs a program name" },
	{ "env lines", "env HOME=/\nenv A=b=c\nenv EMPTY=\n", 0,
	  "1:env HOME=/\n2:env A=b=c\n3:env EMPTY=" },
	{ "env needs one NAME=VALUE", "env\nenv A=1 B=2\nenv NOEQUALS\nenv =x\n", 0,
	  "1:! env needs exactly one NAME=VALUE (no spaces in VALUE)\n"
	  "2:! env needs exactly one NAME=VALUE (no spaces in VALUE)\n"
	  "3:! env needs exactly one NAME=VALUE (no spaces in VALUE)\n"
	  "4:! env needs exactly one NAME=VALUE (no spaces in VALUE)" },
	{ "exit-with takes exactly one name", "exit-with\nexit-with a b\n", 0,
	  "1:! exit-with needs exactly one program name\n"
	  "2:! exit-with needs exactly one program name" },
	{ "fifteen arguments fit", "start a.atxf" ARGS15 "\n", 0, "1:start a.atxf" ARGS15 },
	{ "sixteen do not", "start a.atxf" ARGS15 " 16\nstart b.atxf\n", 0,
	  "1:! start takes a program name and at most 15 arguments\n2:start b.atxf" },
	{ "a long comment is fine", "start a.atxf #                                    "
	  "                                                                             "
	  "                                                                             "
	  "                                                   end\n", 0, "1:start a.atxf" },
	{ "control character", "start a\001b\nstart c\n", 0,
	  "1:! control character in the line\n2:start c" },
	{ "a lone CR is a control character", "start a\rb\n", 0,
	  "1:! control character in the line" },
	{ "capabilities after with", "start a.atxf 1 with ioport:0x70-0x71:rw irq:8\n", 0,
	  "1:start a.atxf 1 with ioport:0x70-0x71:rw irq:8" },
	{ "with right after the name", "start a.atxf with root\n", 0, "1:start a.atxf with root" },
	{ "with and nothing after it", "start a.atxf x with\nstart b.atxf\n", 0,
	  "1:! with needs at least one capability\n2:start b.atxf" },
	{ "with in place of a name", "start with root\n", 0, "1:! start needs a program name" },
	{ "fifteen arguments and capabilities", "start a.atxf" ARGS15 " with fb irq:1\n", 0,
	  "1:start a.atxf" ARGS15 " with fb irq:1" },
	{ "thirty capabilities fit, thirty-one do not",
	  "start a.atxf with" CAPS10 CAPS10 CAPS10 "\nstart b.atxf with" CAPS10 CAPS10 CAPS10
	  " fb\n", 0, "1:start a.atxf with" CAPS10 CAPS10 CAPS10
	  "\n2:! start takes at most 30 capabilities" },
	{ "exit-with takes no capabilities", "exit-with a.atxf with root\n", 0,
	  "1:! exit-with needs exactly one program name" },
	{ "NUL byte inside the text", "start a\0b\nstart c", 17,
	  "1:! control character in the line\n2:start c" },
};

static void test_case(const struct cfg_case *c)
{
	char got[2048];

	render(c->text, c->size ? c->size : strlen(c->text), got, sizeof(got));
	if (strcmp(got, c->want)) {
		print_error("case \"%s\":\n--- got\n%s\n--- want\n%s\n", c->name, got, c->want);
		fail();
	}
}

static void test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		test_case(&cases[i]);
}

/* "start x", spaces, "y": a line of exactly len bytes. */
static void long_line(char *buf, size_t len)
{
	memset(buf, ' ', len);
	memcpy(buf, "start x", 7);
	buf[len - 1] = 'y';
	strcpy(buf + len, "\n");
}

/* BOOTCFG_LINE_MAX bytes are a line; one more is refused. */
static void test_line_length(void **state)
{
	char line[BOOTCFG_LINE_MAX + 3], got[512];

	(void)state;
	long_line(line, BOOTCFG_LINE_MAX);
	render(line, strlen(line), got, sizeof(got));
	assert_string_equal(got, "1:start x y");
	long_line(line, BOOTCFG_LINE_MAX + 1);
	render(line, strlen(line), got, sizeof(got));
	assert_string_equal(got, "1:! line longer than 255 bytes");
}

/* The size bounds the text: nothing past it is read, even without a NUL. */
static void test_size_bounds_text(void **state)
{
	char got[256];

	(void)state;
	render("start a.atxf\nstart b.atxf\n", 13, got, sizeof(got));
	assert_string_equal(got, "1:start a.atxf");
}

/* The directive's words live in it: a later call does not change them. */
static void test_directive_owns_words(void **state)
{
	struct bootcfg_directive d1, d2;
	struct bootcfg_reader r;
	const char *text = "start one.atxf x\nstart two.atxf y\n";

	(void)state;
	bootcfg_begin(&r, text, strlen(text));
	assert_int_equal(bootcfg_next(&r, &d1), BOOTCFG_DIRECTIVE);
	assert_int_equal(bootcfg_next(&r, &d2), BOOTCFG_DIRECTIVE);
	assert_int_equal(bootcfg_next(&r, &d2), BOOTCFG_END);
	assert_int_equal(d1.argc, 2);
	assert_string_equal(d1.argv[0], "one.atxf");
	assert_string_equal(d1.argv[1], "x");
}

/* A run request's command (runs.c): a start line's words, checked alike. */
static void test_command(void **state)
{
	static const char *const bad[][2] = {
		{ "", "empty command" }, { "   ", "empty command" },
		{ "a.atxf\tx", "control character in the command" },
		{ "p 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", "a program name and at most 15 arguments" },
	};
	struct bootcfg_directive d;

	(void)state;
	assert_int_equal(bootcfg_command("  hello.atxf 3  from-system ", 28, &d), BOOTCFG_DIRECTIVE);
	assert_int_equal(d.kind, BOOTCFG_START);
	assert_int_equal(d.argc, 3);
	assert_string_equal(d.argv[0], "hello.atxf");
	assert_string_equal(d.argv[2], "from-system");
	assert_null(d.argv[3]);
	assert_int_equal(d.ncaps, 0);
	/* Not NUL-terminated: only len bytes count. */
	assert_int_equal(bootcfg_command("ab.atxf zz", 7, &d), BOOTCFG_DIRECTIVE);
	assert_int_equal(d.argc, 1);
	assert_string_equal(d.argv[0], "ab.atxf");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(bootcfg_command(bad[i][0], strlen(bad[i][0]), &d), BOOTCFG_MALFORMED);
		assert_string_equal(d.error, bad[i][1]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_line_length),
		cmocka_unit_test(test_size_bounds_text),
		cmocka_unit_test(test_directive_owns_words),
		cmocka_unit_test(test_command),
	};

	return cmocka_run_group_tests_name("bootcfg", tests, NULL, NULL);
}
