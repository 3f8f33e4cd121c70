/*
 * The IPC message helpers: init leaves a clean message, put and put_cap
 * append until the message is full and then refuse without changing it,
 * get reads only what the sender declared.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/port.h>

static void init_clears_everything(void **state)
{
	struct atxf_msg m;

	(void)state;
	memset(&m, 0xa5, sizeof(m));
	atxf_msg_init(&m, 0x11000001);
	assert_int_equal(m.type, 0x11000001);
	assert_int_equal(m.len, 0);
	assert_int_equal(m.ncaps, 0);
	assert_int_equal(m.sender, 0);
	assert_int_equal(m.reply, 0);
	for (int i = 0; i < ATXF_MSG_CAPS_MAX; i++)
		assert_int_equal(m.caps[i], ATXF_HANDLE_NONE);
	for (int i = 0; i < ATXF_MSG_DATA_MAX; i++)
		assert_int_equal(m.data[i], 0);
}

static void put_appends(void **state)
{
	struct atxf_msg m;
	uint32_t a = 0x01020304;
	uint16_t b = 0x0506;

	(void)state;
	atxf_msg_init(&m, 1);
	assert_int_equal(atxf_msg_put(&m, &a, sizeof(a)), 0);
	assert_int_equal(atxf_msg_put(&m, &b, sizeof(b)), 0);
	assert_int_equal(atxf_msg_put(&m, NULL, 0), 0);
	assert_int_equal(m.len, 6);
	assert_memory_equal(m.data, "\x04\x03\x02\x01\x06\x05", 6);
}

static void put_fills_exactly_then_refuses(void **state)
{
	struct atxf_msg m, before;
	uint8_t big[ATXF_MSG_DATA_MAX + 1];

	(void)state;
	memset(big, 0x5a, sizeof(big));
	atxf_msg_init(&m, 1);
	assert_int_equal(atxf_msg_put(&m, big, sizeof(big)), -ATXF_EMSGSIZE);
	assert_int_equal(m.len, 0);
	assert_int_equal(atxf_msg_put(&m, big, ATXF_MSG_DATA_MAX - 1), 0);
	before = m;
	assert_int_equal(atxf_msg_put(&m, big, 2), -ATXF_EMSGSIZE);
	assert_memory_equal(&m, &before, sizeof(m));
	assert_int_equal(atxf_msg_put(&m, big, 1), 0);
	assert_int_equal(m.len, ATXF_MSG_DATA_MAX);
	assert_int_equal(atxf_msg_put(&m, big, 1), -ATXF_EMSGSIZE);
}

static void put_survives_a_corrupt_len(void **state)
{
	struct atxf_msg m;

	(void)state;
	atxf_msg_init(&m, 1);
	m.len = 0xffffffff;             /* as a received message might say */
	assert_int_equal(atxf_msg_put(&m, "x", 1), -ATXF_EMSGSIZE);
	assert_int_equal(atxf_msg_put(&m, "x", (size_t)-1), -ATXF_EMSGSIZE);
}

static void put_cap_up_to_four(void **state)
{
	struct atxf_msg m;

	(void)state;
	atxf_msg_init(&m, 1);
	assert_int_equal(atxf_msg_put_cap(&m, -1), -ATXF_EBADH);
	for (int i = 0; i < ATXF_MSG_CAPS_MAX; i++)
		assert_int_equal(atxf_msg_put_cap(&m, 10 + i), 0);
	assert_int_equal(atxf_msg_put_cap(&m, 99), -ATXF_EMSGSIZE);
	assert_int_equal(m.ncaps, ATXF_MSG_CAPS_MAX);
	for (int i = 0; i < ATXF_MSG_CAPS_MAX; i++)
		assert_int_equal(m.caps[i], 10 + i);
}

static void get_reads_only_declared_bytes(void **state)
{
	struct atxf_msg m;
	uint8_t out[8] = { 0 };

	(void)state;
	atxf_msg_init(&m, 1);
	atxf_msg_put(&m, "abcdef", 6);
	assert_int_equal(atxf_msg_get(&m, 2, out, 4), 0);
	assert_memory_equal(out, "cdef", 4);
	assert_int_equal(atxf_msg_get(&m, 0, out, 0), 0);
	assert_int_equal(atxf_msg_get(&m, 6, out, 0), 0);
	assert_int_equal(atxf_msg_get(&m, 3, out, 4), -ATXF_EPROTO);
	assert_int_equal(atxf_msg_get(&m, 7, out, 0), -ATXF_EPROTO);
	assert_int_equal(atxf_msg_get(&m, 1, out, (size_t)-1), -ATXF_EPROTO);
	m.len = ATXF_MSG_DATA_MAX + 1;  /* a lying sender */
	assert_int_equal(atxf_msg_get(&m, 0, out, 1), -ATXF_EPROTO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(init_clears_everything),
		cmocka_unit_test(put_appends),
		cmocka_unit_test(put_fills_exactly_then_refuses),
		cmocka_unit_test(put_survives_a_corrupt_len),
		cmocka_unit_test(put_cap_up_to_four),
		cmocka_unit_test(get_reads_only_declared_bytes),
	};

	return cmocka_run_group_tests_name("runtime: IPC message helpers", tests, NULL, NULL);
}
