/*
 * The buffered streams behind stdout and stderr (sdk/lib/libc/stream.c),
 * compiled for the host, writing to a recorder instead of the console:
 * when output is sent (newline, full buffer, end of call, flush), that it
 * arrives whole and in order through short writes, and how a failing
 * console is reported.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "stream.h"

static struct {
	char data[8192];
	size_t len;
	unsigned calls;
	unsigned long max;      /* accept at most this much per call */
	long result;            /* if nonzero, return this instead of writing */
} rec;

static long record(const char *buf, unsigned long len)
{
	rec.calls++;
	if (rec.result != 0)
		return rec.result;
	if (len > rec.max)
		len = rec.max;
	assert_true(rec.len + len <= sizeof(rec.data));
	memcpy(rec.data + rec.len, buf, len);
	rec.len += len;
	return (long)len;
}

static struct atxf_stream stream;

static int setup(enum atxf_stream_mode mode)
{
	memset(&rec, 0, sizeof(rec));
	rec.max = (unsigned long)-1;
	memset(&stream, 0, sizeof(stream));
	stream.write = record;
	stream.mode = mode;
	return 0;
}

static int setup_line(void **state) { (void)state; return setup(ATXF_STREAM_LINE); }
static int setup_call(void **state) { (void)state; return setup(ATXF_STREAM_CALL); }

static int sprint(struct atxf_stream *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int sprint(struct atxf_stream *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = atxf_stream_vprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

static void assert_recorded(const char *want, unsigned calls)
{
	assert_int_equal(rec.len, strlen(want));
	assert_memory_equal(rec.data, want, rec.len);
	assert_int_equal(rec.calls, calls);
}

static void test_line_mode_waits_for_newline(void **state)
{
	(void)state;
	assert_int_equal(sprint(&stream, "a=%d, ", 1), 5);
	assert_int_equal(sprint(&stream, "b=%s", "two"), 5);
	assert_recorded("", 0);
	assert_int_equal(sprint(&stream, "!\n"), 2);
	assert_recorded("a=1, b=two!\n", 1);
}

/* Text after a newline in the same call goes out with it: never held back. */
static void test_line_mode_flushes_whole_call(void **state)
{
	(void)state;
	assert_int_equal(atxf_stream_put(&stream, "one\ntwo", 7), 0);
	assert_recorded("one\ntwo", 1);
	assert_int_equal(atxf_stream_flush(&stream), 0);
	assert_recorded("one\ntwo", 1);     /* nothing left: no empty write */
}

static void test_full_buffer_is_written(void **state)
{
	char big[ATXF_STREAM_BUFSIZE * 2 + 88];

	(void)state;
	memset(big, 'x', sizeof(big));
	assert_int_equal(atxf_stream_put(&stream, big, sizeof(big)), 0);
	assert_int_equal(rec.calls, 2);
	assert_int_equal(rec.len, 2 * ATXF_STREAM_BUFSIZE);
	assert_int_equal(stream.len, 88);
	assert_int_equal(atxf_stream_flush(&stream), 0);
	assert_int_equal(rec.len, sizeof(big));
	assert_memory_equal(rec.data, big, sizeof(big));
}

static void test_call_mode_writes_once_per_call(void **state)
{
	(void)state;
	assert_int_equal(sprint(&stream, "no newline"), 10);
	assert_recorded("no newline", 1);
	assert_int_equal(sprint(&stream, "%s\n%s\n", "two", "lines"), 10);
	assert_recorded("no newlinetwo\nlines\n", 2);
}

static void test_short_writes_are_retried(void **state)
{
	(void)state;
	rec.max = 3;
	assert_int_equal(sprint(&stream, "%s %d\n", "short writes", 12345), 19);
	assert_recorded("short writes 12345\n", 7);
}

static void test_failed_write_is_reported(void **state)
{
	(void)state;
	rec.result = -13;
	assert_int_equal(sprint(&stream, "lost\n"), -1);
	assert_true(stream.error);
	/* The console works again: calls succeed, the error flag stays. */
	rec.result = 0;
	assert_int_equal(sprint(&stream, "ok\n"), 3);
	assert_recorded("ok\n", 2);
	assert_true(stream.error);
}

/* A write that takes nothing must not be retried forever. */
static void test_zero_write_is_a_failure(void **state)
{
	(void)state;
	rec.result = 0;
	rec.max = 0;
	assert_int_equal(sprint(&stream, "stuck\n"), -1);
	assert_int_equal(rec.calls, 1);
	assert_int_equal(stream.len, 0);
}

static void test_done_passes_result_through(void **state)
{
	(void)state;
	assert_int_equal(atxf_stream_put(&stream, "x", 1), 0);
	assert_int_equal(atxf_stream_done(&stream, 42, 0), 42);
	assert_int_equal(atxf_stream_done(&stream, 42, -1), -1);
	assert_recorded("x", 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_line_mode_waits_for_newline, setup_line),
		cmocka_unit_test_setup(test_line_mode_flushes_whole_call, setup_line),
		cmocka_unit_test_setup(test_full_buffer_is_written, setup_line),
		cmocka_unit_test_setup(test_call_mode_writes_once_per_call, setup_call),
		cmocka_unit_test_setup(test_short_writes_are_retried, setup_line),
		cmocka_unit_test_setup(test_failed_write_is_reported, setup_line),
		cmocka_unit_test_setup(test_zero_write_is_a_failure, setup_line),
		cmocka_unit_test_setup(test_done_passes_result_through, setup_call),
	};

	return cmocka_run_group_tests_name("libc streams", tests, NULL, NULL);
}
