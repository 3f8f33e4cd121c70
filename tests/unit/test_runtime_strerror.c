/*
 * atxf_strerror(): every code of ATXF_ERROR_TABLE has its own sentence,
 * given either sign; anything else is "unknown error", never NULL.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/sys.h>

struct code { int value; const char *text; };

#define ROW(name, value, text) { value, text },
static const struct code codes[] = { ATXF_ERROR_TABLE(ROW) };
#undef ROW
#define NCODES (sizeof(codes) / sizeof(codes[0]))

static void every_code_negative_and_positive(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCODES; i++) {
		assert_string_equal(atxf_strerror(-codes[i].value), codes[i].text);
		assert_string_equal(atxf_strerror(codes[i].value), codes[i].text);
	}
}

static void sentences_are_distinct(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCODES; i++)
		for (size_t j = i + 1; j < NCODES; j++)
			assert_string_not_equal(codes[i].text, codes[j].text);
}

static void table_is_dense(void **state)
{
	(void)state;
	/* Codes run 1..ATXF_ERROR_MAX-1 with no gap: a gap would read as
	 * "unknown error" for a code the ABI says exists. */
	assert_int_equal(NCODES, ATXF_ERROR_MAX - 1);
	for (int e = 1; e < ATXF_ERROR_MAX; e++)
		assert_string_not_equal(atxf_strerror(-e), "unknown error");
}

static void success_and_unknown(void **state)
{
	const int unknown[] = { ATXF_ERROR_MAX, -ATXF_ERROR_MAX, 1000, -1000,
				INT_MAX, INT_MIN };

	(void)state;
	assert_string_equal(atxf_strerror(0), "success");
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		assert_string_equal(atxf_strerror(unknown[i]), "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_code_negative_and_positive),
		cmocka_unit_test(sentences_are_distinct),
		cmocka_unit_test(table_is_dense),
		cmocka_unit_test(success_and_unknown),
	};

	return cmocka_run_group_tests_name("runtime: atxf_strerror", tests, NULL, NULL);
}
