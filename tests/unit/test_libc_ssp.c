/*
 * The stack protector's runtime as shipped (renamed tlibc_*): the canary
 * start-up sets (not 0, its low byte 0, set once), and what a failed check
 * does: glibc's message on the console and abort()'s status, 134.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "test_libc.h"

extern uintptr_t tlibc___stack_chk_guard;
void tlibc___atxf_ssp_init(void);
_Noreturn void tlibc___stack_chk_fail(void);

static void test_guard(void **state)
{
	uintptr_t first;

	(void)state;
	assert_int_equal(tlibc___stack_chk_guard, 0);
	tlibc___atxf_ssp_init();
	first = tlibc___stack_chk_guard;
	assert_true(first != 0);
	assert_int_equal(first & 0xff, 0);
	/* More than a few bits vary: not a constant with a byte cleared. */
	assert_true(__builtin_popcountll(first) >= 8);
	tlibc___atxf_ssp_init();
	assert_int_equal(tlibc___stack_chk_guard, first);
}

static void test_failure(void **state)
{
	(void)state;
	console_reset();
	EXPECT_EXIT(tlibc___stack_chk_fail());
	assert_int_equal(exit_status, 134);
	assert_string_equal(console_text, "*** stack smashing detected ***: terminated\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guard),
		cmocka_unit_test(test_failure),
	};

	return cmocka_run_group_tests_name("libc stack protector", tests, NULL, NULL);
}
