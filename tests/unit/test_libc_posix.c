/*
 * The rest of C11's stdlib and string library and the POSIX basics, as
 * shipped (renamed tlibc_*): strtok, strpbrk, strcoll/strxfrm and strerror
 * against glibc, div and friends, rand's range, atexit and quick_exit
 * order, the environment, setjmp/longjmp, signal/raise and abort's handler,
 * and the three descriptors on the test console.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test_libc.h"
#include "test_libc_posix.h"

/* The libc's own div and imaxdiv types have C's layout: glibc's. */
div_t tlibc_div(int n, int d);
ldiv_t tlibc_ldiv(long n, long d);
lldiv_t tlibc_lldiv(long long n, long long d);
imaxdiv_t tlibc_imaxdiv(intmax_t n, intmax_t d);

static void test_strtok_against_glibc(void **state)
{
	static const char *const inputs[] = {
		"a,b,,c", ",,,", "", "no-delims", " lead and trail ", "x;y z;;w ",
	};
	static const char *const delims[] = { ",", " ;", "", "xyz" };

	(void)state;
	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		for (size_t d = 0; d < sizeof(delims) / sizeof(delims[0]); d++) {
			char a[64], b[64];
			char *ta, *tb;

			strcpy(a, inputs[i]);
			strcpy(b, inputs[i]);
			ta = tlibc_strtok(a, delims[d]);
			tb = strtok(b, delims[d]);
			for (;;) {
				assert_int_equal(ta == NULL, tb == NULL);
				if (!ta)
					break;
				assert_int_equal(ta - a, tb - b);
				assert_string_equal(ta, tb);
				ta = tlibc_strtok(NULL, delims[d]);
				tb = strtok(NULL, delims[d]);
			}
		}
	}
}

static void test_strpbrk_coll_xfrm(void **state)
{
	static const char s[] = "hello, world";
	char buf[8] = "XXXXXXX";

	(void)state;
	assert_ptr_equal(tlibc_strpbrk(s, " ,"), strpbrk(s, " ,"));
	assert_null(tlibc_strpbrk(s, "xyz"));
	assert_null(tlibc_strpbrk(s, ""));
	assert_true(tlibc_strcoll("abc", "abd") < 0);
	assert_int_equal(tlibc_strcoll("same", "same"), 0);
	assert_int_equal(tlibc_strxfrm(buf, "abc", sizeof(buf)), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(tlibc_strxfrm(buf, "much too long", 4), 13);
	assert_string_equal(buf, "abc");                        /* untouched when it does not fit */
	assert_int_equal(tlibc_strxfrm(NULL, "abc", 0), 3);
}

static void test_strerror_and_perror(void **state)
{
	(void)state;
	for (int e = 0; e < 140; e++) {
		const char *ours = tlibc_strerror(e);
		char want[32];

		if (!strncmp(ours, "Unknown error", 13)) {
			snprintf(want, sizeof(want), "Unknown error %d", e);
			assert_string_equal(ours, want);
		} else {
			assert_string_equal(ours, strerror(e));
		}
	}
	assert_string_equal(tlibc_strerror(-5), "Unknown error -5");
	assert_string_equal(tlibc_strerror(ENOENT), "No such file or directory");
	console_reset();
	tlibc_errno = ENOSYS;
	tlibc_perror("open");
	tlibc_perror(NULL);
	tlibc_fflush(NULL);
	assert_string_equal(console_text, "open: Function not implemented\n"
					  "Function not implemented\n");
}

static void test_div(void **state)
{
	uint64_t s = libc_test_seed();

	(void)state;
	for (int i = 0; i < 100000; i++) {
		long long n = (long long)rng_next(&s), d = (long long)rng_next(&s) >> rng_below(&s, 63);
		int ni = (int)n, di = (int)d;

		if (d == 0 || di == 0 || (n == LLONG_MIN && d == -1) || (ni == INT_MIN && di == -1))
			continue;
		assert_int_equal(tlibc_div(ni, di).quot, div(ni, di).quot);
		assert_int_equal(tlibc_div(ni, di).rem, div(ni, di).rem);
		assert_int_equal(tlibc_ldiv(n, d).rem, ldiv(n, d).rem);
		assert_int_equal(tlibc_lldiv(n, d).quot, lldiv(n, d).quot);
		assert_int_equal(tlibc_imaxdiv(n, d).rem, imaxdiv(n, d).rem);
	}
	assert_int_equal(tlibc_div(-7, 2).quot, -3);            /* toward zero */
	assert_int_equal(tlibc_div(-7, 2).rem, -1);
}

static void test_rand(void **state)
{
	int first[8], seen_high = 0;

	(void)state;
	tlibc_srand(42);
	for (int i = 0; i < 8; i++)
		first[i] = tlibc_rand();
	tlibc_srand(42);
	for (int i = 0; i < 8; i++)
		assert_int_equal(tlibc_rand(), first[i]);       /* a seed repeats its sequence */
	for (int i = 0; i < 100000; i++) {
		int r = tlibc_rand();

		assert_true(r >= 0 && r <= RAND_MAX);
		seen_high |= r > RAND_MAX / 2;
	}
	assert_true(seen_high);
}

static char order[16];

static void note_a(void) { strcat(order, "a"); }
static void note_b(void) { strcat(order, "b"); }
static void note_c(void) { strcat(order, "c"); }

static void test_atexit_and_quick_exit(void **state)
{
	(void)state;
	order[0] = '\0';
	assert_int_equal(tlibc_atexit(note_a), 0);
	assert_int_equal(tlibc_atexit(note_b), 0);
	assert_int_equal(tlibc_at_quick_exit(note_c), 0);
	tlibc___atxf_run_atexit();                      /* what exit() runs first */
	assert_string_equal(order, "ba");
	tlibc___atxf_run_atexit();                      /* each runs once */
	assert_string_equal(order, "ba");
	EXPECT_EXIT(tlibc_quick_exit(3));
	assert_int_equal(exit_status, 3);
	assert_string_equal(order, "bac");
	EXPECT_EXIT(tlibc__Exit(4));
	assert_int_equal(exit_status, 4);
	for (int i = 0; i < 32; i++)
		assert_int_equal(tlibc_atexit(note_a), 0);
	assert_int_equal(tlibc_atexit(note_a), -1);     /* 32 is the limit */
}

static void test_environment(void **state)
{
	char home[] = "HOME=/";
	char *start[] = { home, "PATH=/bin", "EMPTY=", NULL };

	(void)state;
	tlibc_environ = start;
	assert_string_equal(tlibc_getenv("HOME"), "/");
	assert_string_equal(tlibc_getenv("EMPTY"), "");
	assert_null(tlibc_getenv("HOM"));
	assert_null(tlibc_getenv("NOPE"));
	assert_int_equal(tlibc_setenv("HOME", "/root", 0), 0);
	assert_string_equal(tlibc_getenv("HOME"), "/");
	assert_int_equal(tlibc_setenv("HOME", "/root", 1), 0);
	assert_string_equal(tlibc_getenv("HOME"), "/root");
	assert_int_equal(tlibc_setenv("NEW", "v", 0), 0);
	assert_string_equal(tlibc_getenv("NEW"), "v");
	assert_string_equal(home, "HOME=/");                    /* start strings untouched */
	assert_int_equal(tlibc_unsetenv("PATH"), 0);
	assert_null(tlibc_getenv("PATH"));
	assert_string_equal(tlibc_getenv("NEW"), "v");
	assert_int_equal(tlibc_setenv("A=B", "x", 1), -1);
	assert_int_equal(tlibc_errno, EINVAL);
	assert_int_equal(tlibc_setenv("", "x", 1), -1);
}

static tlibc_jmp_buf jb;

/* Longjmps from 20 calls deep; the return is for gcc, which calls a
 * function with no way back infinitely recursive. */
static void jump_back(int depth)
{
	if (depth < 0)
		return;
	if (depth > 0)
		jump_back(depth - 1);
	tlibc_longjmp(jb, 0);
}

static void test_setjmp_longjmp(void **state)
{
	volatile int passes = 0;
	int r;

	(void)state;
	r = tlibc_setjmp(jb);
	passes++;
	if (passes == 1)
		jump_back(20);
	assert_int_equal(r, 1);                                 /* longjmp(jb, 0) returns 1 */
	assert_int_equal(passes, 2);
}

static int caught;

static void on_signal(int sig)
{
	caught = sig;
}

static void test_signal_raise(void **state)
{
	(void)state;
	assert_ptr_equal(tlibc_signal(SIGUSR1, on_signal), NULL);
	assert_int_equal(tlibc_raise(SIGUSR1), 0);
	assert_int_equal(caught, SIGUSR1);
	assert_ptr_equal(tlibc_signal(SIGUSR1, (tlibc_handler)1), on_signal);
	caught = 0;
	assert_int_equal(tlibc_raise(SIGUSR1), 0);              /* SIG_IGN */
	assert_int_equal(caught, 0);
	assert_int_equal(tlibc_raise(SIGCHLD), 0);              /* ignored by default */
	EXPECT_EXIT(tlibc_raise(SIGTERM));
	assert_int_equal(exit_status, 128 + SIGTERM);
	assert_int_equal(tlibc_raise(0), -1);
	assert_int_equal(tlibc_raise(64), -1);
	assert_int_equal(tlibc_errno, EINVAL);
	assert_ptr_equal(tlibc_signal(SIGKILL, on_signal), (tlibc_handler)-1);
	tlibc_signal(SIGABRT, on_signal);
	console_reset();
	EXPECT_EXIT(tlibc_abort());                             /* the handler, then the end */
	assert_int_equal(caught, SIGABRT);
	assert_int_equal(exit_status, 134);
	tlibc_signal(SIGABRT, NULL);
}

static void test_descriptors(void **state)
{
	char buf[4];

	(void)state;
	console_reset();
	assert_int_equal(tlibc_write(1, "out\n", 4), 4);
	assert_int_equal(tlibc_write(2, "err\n", 4), 4);
	assert_string_equal(console_text, "out\nerr\n");
	console_max_write = 1;                                  /* short console writes */
	assert_int_equal(tlibc_write(1, "abc", 3), 3);
	console_max_write = (unsigned long)-1;
	console_fail = 1;
	assert_int_equal(tlibc_write(1, "x", 1), -1);
	assert_int_equal(tlibc_errno, EIO);
	console_fail = 0;
	assert_int_equal(tlibc_read(0, buf, sizeof(buf)), 0);
	assert_int_equal(tlibc_read(1, buf, sizeof(buf)), -1);
	assert_int_equal(tlibc_errno, EBADF);
	assert_int_equal(tlibc_write(0, "x", 1), -1);
	assert_int_equal(tlibc_isatty(1), 1);
	assert_int_equal(tlibc_isatty(0), 0);
	assert_int_equal(tlibc_errno, ENOTTY);
	assert_int_equal(tlibc_isatty(3), 0);
	assert_int_equal(tlibc_errno, EBADF);
	assert_int_equal(tlibc_lseek(1, 0, SEEK_SET), -1);
	assert_int_equal(tlibc_errno, ESPIPE);
	assert_int_equal(tlibc_open("/x", O_RDONLY), -1);
	assert_int_equal(tlibc_errno, ENOSYS);
	assert_int_equal(tlibc_sysconf(_SC_PAGESIZE), 4096);
	assert_int_equal(tlibc_sysconf(-1), -1);
	assert_int_equal(tlibc_close(2), 0);
	assert_int_equal(tlibc_close(2), -1);
	assert_int_equal(tlibc_write(2, "x", 1), -1);
	assert_int_equal(tlibc_errno, EBADF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strtok_against_glibc),
		cmocka_unit_test(test_strpbrk_coll_xfrm),
		cmocka_unit_test(test_strerror_and_perror),
		cmocka_unit_test(test_div),
		cmocka_unit_test(test_rand),
		cmocka_unit_test(test_atexit_and_quick_exit),
		cmocka_unit_test(test_environment),
		cmocka_unit_test(test_setjmp_longjmp),
		cmocka_unit_test(test_signal_raise),
		cmocka_unit_test(test_descriptors),
	};

	return cmocka_run_group_tests_name("libc posix", tests, NULL, NULL);
}
