/*
 * The start information crt0 hands to main: a good one is copied, anything
 * else gives argc 0 and argv {NULL}, so a program runs whatever the kernel
 * passed in rdi.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/sys.h>
#include "../../sdk/lib/runtime/start.h"

static char *args[] = { "drv", "com1", "0", NULL };

static struct atxf_start_info good(void)
{
	return (struct atxf_start_info){ .magic = ATXF_START_MAGIC, .argc = 3,
		.argv = (uint64_t)(uintptr_t)args, .pid = 7, .ncaps = 4,
		.bootfs = 0x7f0000000000, .bootfs_size = 30720 };
}

static void assert_empty(const struct atxf_start_info *i)
{
	char **argv = (char **)(uintptr_t)i->argv;

	assert_int_equal(i->magic, ATXF_START_MAGIC);
	assert_int_equal(i->argc, 0);
	assert_non_null(argv);
	assert_null(argv[0]);
}

static void before_start_is_empty(void **state)
{
	(void)state;
	assert_empty(atxf_start_info());
}

static void good_info_is_copied(void **state)
{
	struct atxf_start_info si = good();
	const struct atxf_start_info *i = __atxf_start_record(&si);

	(void)state;
	assert_ptr_equal(i, atxf_start_info());
	assert_ptr_not_equal(i, &si);   /* a copy: the stack may be reused */
	assert_int_equal(i->argc, 3);
	assert_string_equal(((char **)(uintptr_t)i->argv)[1], "com1");
	assert_int_equal(i->pid, 7);
	assert_int_equal(i->ncaps, 4);
	/* init finds the boot archive here (docs/boot.md). */
	assert_int_equal(i->bootfs, 0x7f0000000000);
	assert_int_equal(i->bootfs_size, 30720);
	si.argc = 99;
	assert_int_equal(atxf_start_info()->argc, 3);
}

static void null_info(void **state)
{
	(void)state;
	assert_empty(__atxf_start_record(NULL));
	assert_empty(atxf_start_info());
}

static void wrong_magic(void **state)
{
	struct atxf_start_info si = good();

	(void)state;
	si.magic = 0;
	assert_empty(__atxf_start_record(&si));
	assert_int_equal(atxf_start_info()->pid, 0);
}

static void misaligned_pointer(void **state)
{
	uint64_t buf[8];
	struct atxf_start_info si = good();

	(void)state;
	memcpy((char *)buf + 4, &si, sizeof(si));
	assert_empty(__atxf_start_record((const void *)((char *)buf + 4)));
}

static void unusable_arguments_keep_the_rest(void **state)
{
	struct atxf_start_info si = good();
	const struct atxf_start_info *i;

	(void)state;
	si.argv = 0;
	i = __atxf_start_record(&si);
	assert_empty(i);
	assert_int_equal(i->pid, 7);
	assert_int_equal(i->ncaps, 4);
	si = good();
	si.argc = 100000;
	i = __atxf_start_record(&si);
	assert_empty(i);
	assert_int_equal(i->pid, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(before_start_is_empty),
		cmocka_unit_test(good_info_is_copied),
		cmocka_unit_test(null_info),
		cmocka_unit_test(wrong_magic),
		cmocka_unit_test(misaligned_pointer),
		cmocka_unit_test(unusable_arguments_keep_the_rest),
	};

	return cmocka_run_group_tests_name("runtime: start information", tests, NULL, NULL);
}
