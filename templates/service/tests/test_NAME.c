/*
 * Host test of the @NAME@ service's logic (@NAME@_dev.c): requests built
 * here, replies checked here, the clock played by libatxf-fake
 * (<atxf/fake.h>). `make test` builds and runs it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include <atxf/port.h>
#include "@NAME@_dev.h"
#include "@NAME@_proto.h"

static struct @IDENT@_state s;
static struct atxf_msg req, reply;

static int setup(void **state)
{
	(void)state;
	atxf_fake_reset();
	@IDENT@_init(&s);
	return 0;
}

/* Sends one request with data, as a client's atxf_call would; returns the status. */
static int call(uint32_t type, const void *data, size_t len)
{
	atxf_msg_init(&req, type);
	assert_int_equal(atxf_msg_put(&req, data, len), 0);
	atxf_msg_init(&reply, 0);
	return @IDENT@_handle(&s, &req, &reply);
}

static void echo_returns_the_bytes(void **state)
{
	(void)state;
	assert_int_equal(call(@UPPER@_ECHO, "hello", 5), 0);
	assert_int_equal(reply.len, 5);
	assert_memory_equal(reply.data, "hello", 5);
}

static void add_keeps_a_total(void **state)
{
	int64_t v = 40, total = 0;

	(void)state;
	assert_int_equal(call(@UPPER@_ADD, &v, sizeof(v)), 0);
	v = 2;
	assert_int_equal(call(@UPPER@_ADD, &v, sizeof(v)), 0);
	assert_int_equal(atxf_msg_get(&reply, 0, &total, sizeof(total)), 0);
	assert_int_equal(total, 42);
}

static void add_refuses_overflow_and_changes_nothing(void **state)
{
	int64_t v = INT64_MAX;

	(void)state;
	assert_int_equal(call(@UPPER@_ADD, &v, sizeof(v)), 0);
	v = 1;
	assert_int_equal(call(@UPPER@_ADD, &v, sizeof(v)), -ATXF_ERANGE);
	assert_int_equal(s.total, INT64_MAX);
}

static void uptime_follows_the_clock(void **state)
{
	uint64_t ns = 0;

	(void)state;
	atxf_fake_clock_advance(1500);
	assert_int_equal(call(@UPPER@_UPTIME, NULL, 0), 0);
	assert_int_equal(atxf_msg_get(&reply, 0, &ns, sizeof(ns)), 0);
	assert_int_equal(ns, 1500);
}

static void malformed_and_unknown_requests_are_refused(void **state)
{
	uint8_t three[3] = { 1, 2, 3 };

	(void)state;
	assert_int_equal(call(@UPPER@_ADD, three, sizeof(three)), -ATXF_EPROTO);
	assert_int_equal(call(@UPPER@_UPTIME, three, 1), -ATXF_EPROTO);
	assert_int_equal(call(ATXF_REQUEST(@UPPER@_PROTO, 99), NULL, 0), -ATXF_ENOSYS);
	assert_int_equal(s.total, 0);
	assert_int_equal(s.requests, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(echo_returns_the_bytes, setup),
		cmocka_unit_test_setup(add_keeps_a_total, setup),
		cmocka_unit_test_setup(add_refuses_overflow_and_changes_nothing, setup),
		cmocka_unit_test_setup(uptime_follows_the_clock, setup),
		cmocka_unit_test_setup(malformed_and_unknown_requests_are_refused, setup),
	};

	return cmocka_run_group_tests_name("@NAME@", tests, NULL, NULL);
}
