/*
 * Kernel library self-test: printf conversions against their C-standard
 * output, the string functions, and kmalloc/kfree across size classes.
 */
#include <stdint.h>
#include "lib/console.h"
#include "lib/log.h"
#include "lib/logring.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "mm/heap.h"
#include "mm/pmm.h"
#include "test/ktest.h"

static int check_format(const char *expect, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int check_format(const char *expect, const char *fmt, ...)
{
	char buf[64];
	va_list ap;

	va_start(ap, fmt);
	int n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	KTEST_CHECK(!strcmp(buf, expect) && n == (int)strlen(expect),
		    "format \"%s\" gave \"%s\" (%d), want \"%s\"", fmt, buf, n, expect);
	return 0;
}

static int test_printf(void)
{
	int bad = 0;

	bad |= check_format("42 -7 0", "%d %i %u", 42, -7, 0u);
	bad |= check_format("-2147483648", "%d", (int)-2147483648LL);
	bad |= check_format("18446744073709551615", "%lu", UINT64_MAX);
	bad |= check_format("ff FF 0xdeadbeef", "%x %X 0x%lx", 255u, 255u, 0xdeadbeeful);
	bad |= check_format("[   42] [42   ] [00042]", "[%5d] [%-5d] [%05d]", 42, 42, 42);
	bad |= check_format("[-0042]", "[%05d]", -42);
	bad |= check_format("[  abc] [ab]", "[%5s] [%.2s]", "abc", "abcdef");
	bad |= check_format("x=%%%", "x=%c%%%%", '%');
	bad |= check_format("0x0 0x1000", "%p %p", (void *)0, (void *)0x1000);
	bad |= check_format("0000000000001000", "%016lx", 0x1000ul);
	const char *volatile null_string = NULL;        /* hidden from -Wformat */
	bad |= check_format("(null)", "%s", null_string);
	return bad;
}

static int test_truncation(void)
{
	char buf[8];
	int n = ksnprintf(buf, sizeof(buf), "%s", "0123456789");

	KTEST_CHECK(n == 10 && !strcmp(buf, "0123456"), "truncation gave \"%s\" (%d)", buf, n);
	KTEST_CHECK(ksnprintf(NULL, 0, "%d", 12345) == 5, "size 0 must only count");
	return 0;
}

static int test_string(void)
{
	char a[16] = "hello", b[16];

	KTEST_CHECK(strlen(a) == 5 && strcmp(a, "hello") == 0 && strcmp("a", "b") < 0, "strcmp");
	KTEST_CHECK(strncmp("abcd", "abXY", 2) == 0 && strncmp("ab", "abc", 3) < 0, "strncmp");
	memmove(a + 1, a, 5);                   /* overlapping, upwards */
	KTEST_CHECK(!memcmp(a, "hhello", 6), "memmove up");
	memmove(a, a + 1, 5);                   /* overlapping, downwards */
	KTEST_CHECK(!memcmp(a, "hello", 5), "memmove down");
	KTEST_CHECK(strlcpy(b, "truncate me please", 9) == 18 && !strcmp(b, "truncate"), "strlcpy");
	return 0;
}

static int test_heap(void)
{
	static const size_t sizes[] = { 1, 16, 17, 100, 1000, 2032, 2033, 5000, 70000 };
	void *p[sizeof(sizes) / sizeof(sizes[0])];
	uint64_t free_before = pmm_free_frames();

	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p[i] = kmalloc(sizes[i]);
		KTEST_CHECK(p[i] && !((uint64_t)p[i] & 15), "kmalloc(%zu) gave %p", sizes[i], p[i]);
		memset(p[i], 0xa5, sizes[i]);           /* must not fault or overlap */
	}
	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		kfree(p[i]);
	void *again = kmalloc(100);
	KTEST_CHECK(again == p[3], "a freed block of the same class is reused");
	kfree(again);
	klog("ktest lib: heap round trip used %ld frames net (small-class pages stay cached)",
	     (long)(free_before - pmm_free_frames()));
	return 0;
}

/* The log ring as SYS_LOG_READ copies it: the newest lines last, and a
 * short buffer gets only whole lines, the newest that fit. */
static int test_logring_copy(void)
{
	static const char last[] = "ktest logring: the last line\n";
	static char all[LOGRING_BYTES], some[64];
	uint64_t flags;
	size_t n_all, n_some;

	klog("ktest logring: the line before the last");
	klog("ktest logring: the last line");
	flags = console_lock();
	n_all = logring_copy_locked(all, sizeof(all));
	n_some = logring_copy_locked(some, sizeof(some));
	console_unlock(flags);
	KTEST_CHECK(n_all > 64 && all[n_all - 1] == '\n', "the ring gave %zu bytes", n_all);
	KTEST_CHECK(n_all >= sizeof(last) - 1 &&
		    !memcmp(all + n_all - (sizeof(last) - 1), last, sizeof(last) - 1),
		    "the newest line is not last");
	KTEST_CHECK(n_some > 0 && n_some <= sizeof(some) && some[n_some - 1] == '\n',
		    "64 bytes gave %zu, not whole lines", n_some);
	KTEST_CHECK(!memcmp(some, all + n_all - n_some, n_some) &&
		    all[n_all - n_some - 1] == '\n', "64 bytes are not the newest whole lines");
	KTEST_CHECK(memcmp(some, "[", 1) == 0 && n_some < 64, "a cut line in %zu bytes", n_some);
	return 0;
}

int ktest_lib(void)
{
	if (test_printf() || test_truncation() || test_string() || test_heap() ||
	    test_logring_copy())
		return -1;
	return 0;
}
