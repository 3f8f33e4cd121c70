/*
 * <ctype.h> as shipped (target objects, renamed tlibc_*), for EOF and all
 * 256 byte values, against glibc in the "C" locale (which a program is in
 * until it calls setlocale): the classes and the case mappings must agree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdio.h>
#include "test_libc.h"

static const struct class_pair {
	const char *name;
	int (*ours)(int);
	int (*host)(int);
} classes[] = {
	{ "isalnum",  tlibc_isalnum,  isalnum },
	{ "isalpha",  tlibc_isalpha,  isalpha },
	{ "isblank",  tlibc_isblank,  isblank },
	{ "iscntrl",  tlibc_iscntrl,  iscntrl },
	{ "isdigit",  tlibc_isdigit,  isdigit },
	{ "isgraph",  tlibc_isgraph,  isgraph },
	{ "islower",  tlibc_islower,  islower },
	{ "isprint",  tlibc_isprint,  isprint },
	{ "ispunct",  tlibc_ispunct,  ispunct },
	{ "isspace",  tlibc_isspace,  isspace },
	{ "isupper",  tlibc_isupper,  isupper },
	{ "isxdigit", tlibc_isxdigit, isxdigit },
};

static void test_classes_match_c_locale(void **state)
{
	int failed = 0;

	(void)state;
	for (size_t k = 0; k < sizeof(classes) / sizeof(classes[0]); k++) {
		for (int c = EOF; c <= 255; c++) {
			int ours = classes[k].ours(c) != 0, host = classes[k].host(c) != 0;

			if (ours != host) {
				print_error("%s(%d): ours %d, C locale %d\n", classes[k].name, c, ours, host);
				failed++;
			}
		}
	}
	assert_int_equal(failed, 0);
}

static void test_case_mapping(void **state)
{
	(void)state;
	for (int c = EOF; c <= 255; c++) {
		assert_int_equal(tlibc_tolower(c), tolower(c));
		assert_int_equal(tlibc_toupper(c), toupper(c));
	}
}

/* The edges of each range, spelled out, so a failure reads plainly. */
static void test_edges(void **state)
{
	(void)state;
	assert_true(tlibc_isdigit('0') && tlibc_isdigit('9'));
	assert_false(tlibc_isdigit('/') || tlibc_isdigit(':'));
	assert_true(tlibc_isxdigit('f') && tlibc_isxdigit('F'));
	assert_false(tlibc_isxdigit('g') || tlibc_isxdigit('G'));
	assert_true(tlibc_isspace('\v') && tlibc_isspace('\r'));
	assert_false(tlibc_isspace('\x0e') || tlibc_isspace('\b'));
	assert_true(tlibc_iscntrl(127) && tlibc_iscntrl(0));
	assert_false(tlibc_isprint(127) || tlibc_isgraph(' '));
	assert_true(tlibc_isprint(' ') && tlibc_isprint('~'));
	assert_true(tlibc_ispunct('@') && tlibc_ispunct('[') && tlibc_ispunct('`') &&
		    tlibc_ispunct('{'));
	assert_false(tlibc_isalpha(0xe9) || tlibc_isprint(0xe9) || tlibc_isalpha(EOF));
	assert_int_equal(tlibc_toupper(EOF), EOF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classes_match_c_locale),
		cmocka_unit_test(test_case_mapping),
		cmocka_unit_test(test_edges),
	};

	return cmocka_run_group_tests_name("libc ctype", tests, NULL, NULL);
}
