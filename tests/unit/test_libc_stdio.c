/*
 * The libc's output functions as shipped (target objects, renamed tlibc_*),
 * writing to test_libc_hooks.c's console: what reaches the console and in
 * how many writes, return values, console failures, and the messages of
 * abort() and assert().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include "test_libc.h"

static int reset(void **state)
{
	(void)state;
	tlibc_fflush(NULL);
	tlibc_clearerr(tlibc_stdout);
	tlibc_clearerr(tlibc_stderr);
	console_reset();
	return 0;
}

static void assert_console(const char *want, unsigned writes)
{
	assert_string_equal(console_text, want);
	assert_int_equal(console_writes, writes);
}

static void test_printf_writes_whole_lines(void **state)
{
	(void)state;
	assert_int_equal(tlibc_printf("hello, %s", "world"), 12);
	assert_int_equal(tlibc_printf(" %d%c", 42, '!'), 4);
	assert_console("", 0);
	assert_int_equal(tlibc_printf("\n"), 1);
	assert_console("hello, world 42!\n", 1);
}

static void test_fflush_sends_a_partial_line(void **state)
{
	(void)state;
	tlibc_printf("prompt> ");
	assert_int_equal(tlibc_fflush(tlibc_stdout), 0);
	assert_console("prompt> ", 1);
	assert_int_equal(tlibc_fflush(NULL), 0);
	assert_console("prompt> ", 1);
}

/* A line longer than the buffer arrives whole, in order, in chunks. */
static void test_long_line(void **state)
{
	char line[1001];

	(void)state;
	memset(line, 'x', 1000);
	line[1000] = '\0';
	assert_int_equal(tlibc_printf("[%s]\n", line), 1003);
	assert_int_equal(console_len, 1003);
	assert_int_equal(console_text[0], '[');
	assert_memory_equal(console_text + 1, line, 1000);
	assert_string_equal(console_text + 1001, "]\n");
	assert_true(console_writes >= 4 && console_writes <= 5);
}

/* stderr is written at the end of every call, newline or not. */
static void test_stderr_writes_each_call(void **state)
{
	(void)state;
	assert_int_equal(tlibc_fprintf(tlibc_stderr, "error: %s", "bad"), 10);
	assert_console("error: bad", 1);
	assert_int_equal(tlibc_fputs(" thing\n", tlibc_stderr), 0);
	assert_console("error: bad thing\n", 2);
}

static void test_puts_and_friends(void **state)
{
	(void)state;
	assert_true(tlibc_puts("line") >= 0);
	assert_int_equal(tlibc_putchar('a'), 'a');
	assert_int_equal(tlibc_fputc(0xe9, tlibc_stdout), 0xe9);
	assert_int_equal(tlibc_putc('b', tlibc_stdout), 'b');
	assert_int_equal(tlibc_fputs("c", tlibc_stdout), 0);
	assert_int_equal(tlibc_fwrite("defgh", 1, 3, tlibc_stdout), 3);
	assert_int_equal(tlibc_fwrite("ijkl", 2, 2, tlibc_stdout), 2);
	assert_int_equal(tlibc_fwrite("x", 0, 5, tlibc_stdout), 0);
	assert_int_equal(tlibc_fwrite("x", SIZE_MAX, 2, tlibc_stdout), 0);
	assert_console("line\n", 1);
	assert_int_equal(tlibc_putchar('\n'), '\n');
	assert_console("line\na\xe9" "bcdefijkl\n", 2);
}

/* The console taking a few bytes per write changes nothing in the output. */
static void test_short_console_writes(void **state)
{
	(void)state;
	console_max_write = 5;
	assert_int_equal(tlibc_printf("%s %d\n", "seventeen chars", 1), 18);
	assert_console("seventeen chars 1\n", 4);
}

static void test_console_failure(void **state)
{
	(void)state;
	console_fail = 1;
	assert_int_equal(tlibc_printf("lost\n"), -1);
	assert_int_equal(tlibc_puts("lost"), -1);
	assert_int_equal(tlibc_fputc('x', tlibc_stderr), -1);
	assert_true(tlibc_ferror(tlibc_stdout));
	assert_true(tlibc_ferror(tlibc_stderr));
	console_fail = 0;
	tlibc_clearerr(tlibc_stdout);
	assert_false(tlibc_ferror(tlibc_stdout));
	assert_int_equal(tlibc_printf("back\n"), 5);
	assert_string_equal(console_text, "back\n");
}

static void test_snprintf_family(void **state)
{
	char b[32];

	(void)state;
	assert_int_equal(tlibc_snprintf(b, sizeof(b), "%05.1d|%-4s|%#x", 7, "ab", 255u), 15);
	assert_string_equal(b, "    7|ab  |0xff");
	assert_int_equal(tlibc_snprintf(b, 4, "%s", "truncated"), 9);
	assert_string_equal(b, "tru");
	assert_int_equal(tlibc_snprintf(NULL, 0, "%lld", LLONG_MIN), 20);
	assert_int_equal(tlibc_sprintf(b, "%p", (void *)0xabc), 5);
	assert_string_equal(b, "0xabc");
	assert_string_equal(console_text, "");     /* none of it went to the console */
}

/* Beyond INT_MAX characters: -1 and errno EOVERFLOW (C11 7.21.6.5, POSIX). */
static void test_snprintf_overflow_sets_errno(void **state)
{
	(void)state;
	tlibc_errno = 0;
	assert_int_equal(tlibc_snprintf(NULL, 0, "%*d%d", INT_MAX, 1, 2), -1);
	assert_int_equal(tlibc_errno, EOVERFLOW);
}

static void test_abort(void **state)
{
	(void)state;
	tlibc_printf("last words");
	EXPECT_EXIT(tlibc_abort());
	assert_int_equal(exit_status, 134);
	/* What was buffered comes out first, then why the process ended. */
	assert_string_equal(console_text, "last wordsabort() called: process terminated\n");
}

static void test_assert_failure_message(void **state)
{
	(void)state;
	EXPECT_EXIT(tlibc___atxf_assert_fail("count > 0", "driver.c", 42, "probe"));
	assert_int_equal(exit_status, 134);
	assert_string_equal(console_text, "assertion failed: count > 0 (driver.c:42, probe)\n"
					  "abort() called: process terminated\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_printf_writes_whole_lines, reset),
		cmocka_unit_test_setup(test_fflush_sends_a_partial_line, reset),
		cmocka_unit_test_setup(test_long_line, reset),
		cmocka_unit_test_setup(test_stderr_writes_each_call, reset),
		cmocka_unit_test_setup(test_puts_and_friends, reset),
		cmocka_unit_test_setup(test_short_console_writes, reset),
		cmocka_unit_test_setup(test_console_failure, reset),
		cmocka_unit_test_setup(test_snprintf_family, reset),
		cmocka_unit_test_setup(test_snprintf_overflow_sets_errno, reset),
		cmocka_unit_test_setup(test_abort, reset),
		cmocka_unit_test_setup(test_assert_failure_message, reset),
	};

	return cmocka_run_group_tests_name("libc stdio", tests, NULL, NULL);
}
