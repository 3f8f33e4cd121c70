/*
 * The fake console and exit: what the code prints and logs is kept, in
 * order, for the test to read (a log line as its text and a '\n', without
 * the kernel's timestamp and "NAME[PID]: "), and atxf_exit() goes to the
 * test's handler (a longjmp back into the test) or ends the test program
 * with the status.
 */
#include <stdio.h>
#include <stdlib.h>
#include "fake_internal.h"

#define FAKE_CONSOLE_MAX 65536

static char out[FAKE_CONSOLE_MAX + 1];
static size_t out_len;
static void (*exit_handler)(int status);

void __atxf_fake_reset_console(void)
{
	out_len = 0;
	out[0] = '\0';
	exit_handler = NULL;
}

/* Keeps what fits and claims all of it written, as a console that drops
 * excess output would: the caller must not retry forever. */
long atxf_debug_write(const char *buf, unsigned long len)
{
	size_t n = len < FAKE_CONSOLE_MAX - out_len ? len : FAKE_CONSOLE_MAX - out_len;

	for (size_t i = 0; i < n; i++)
		out[out_len + i] = buf[i];
	out_len += n;
	out[out_len] = '\0';
	return (long)len;
}

/* One line, as the kernel takes it: a trailing '\n' is the line's own. */
int atxf_log_write(const char *text, unsigned long len)
{
	if (len && text[len - 1] == '\n')
		len--;
	atxf_debug_write(text, len);
	atxf_debug_write("\n", 1);
	return 0;
}

const char *atxf_fake_debug_output(void)
{
	return out;
}

void atxf_fake_on_exit(void (*handler)(int status))
{
	exit_handler = handler;
}

_Noreturn void atxf_exit(int status)
{
	if (exit_handler != NULL) {
		exit_handler(status);
		__atxf_fake_note("the atxf_exit handler returned; it must longjmp");
		abort();
	}
	__atxf_fake_note("atxf_exit(%d) called: ending the test program", status);
	fflush(NULL);
	exit(status);
}
