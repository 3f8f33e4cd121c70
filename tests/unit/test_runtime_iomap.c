/*
 * The direct I/O rule (sdk/lib/runtime/io_bitmap.c): a port is accessed
 * with `in`/`out` only if an IOPORT capability with READ and WRITE covers
 * every port the access touches, exactly as the kernel opens the I/O
 * permission bitmap. Everything else must take the system call.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>
#include "../../sdk/lib/runtime/io_bitmap.h"

#define RW (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)

static struct atxf_cap_info cap(uint32_t kind, uint32_t rights, uint64_t base, uint64_t size)
{
	return (struct atxf_cap_info){ .kind = kind, .rights = rights, .base = base, .size = size };
}

struct io_case {
	const char *why;
	uint16_t port;
	unsigned width;
	int direct;
};

/* Granted: COM1 read+write, 0x60 read only, 0x64 write only, an MMIO cap
 * that happens to have a port-like base, and a range ending at 0xffff. */
static const struct io_case cases[] = {
	{ "COM1 data, byte", 0x3f8, 1, 1 },
	{ "COM1 last port, byte", 0x3ff, 1, 1 },
	{ "COM1 dword inside", 0x3fc, 4, 1 },
	{ "dword running past COM1", 0x3fd, 4, 0 },
	{ "word straddling COM1's start", 0x3f7, 2, 0 },
	{ "port after COM1", 0x400, 1, 0 },
	{ "read-only cap: not in the bitmap", 0x60, 1, 0 },
	{ "write-only cap: not in the bitmap", 0x64, 1, 0 },
	{ "MMIO cap opens no port", 0x1000, 1, 0 },
	{ "last port of the space", 0xffff, 1, 1 },
	{ "word wrapping past 0xffff", 0xffff, 2, 0 },
	{ "never granted", 0x80, 1, 0 },
	{ "width 0", 0x3f8, 0, 0 },
};

static void decisions(void **state)
{
	static struct atxf_io_bitmap map;
	const struct atxf_cap_info grants[] = {
		cap(ATXF_CAP_IOPORT, RW | ATXF_RIGHT_GRANT, 0x3f8, 8),
		cap(ATXF_CAP_IOPORT, ATXF_RIGHT_READ, 0x60, 1),
		cap(ATXF_CAP_IOPORT, ATXF_RIGHT_WRITE, 0x64, 1),
		cap(ATXF_CAP_MMIO, RW, 0x1000, 0x1000),
		cap(ATXF_CAP_IOPORT, RW, 0xfff0, 0x100),   /* clipped at 0xffff */
	};

	(void)state;
	__atxf_io_bitmap_clear(&map);
	for (size_t i = 0; i < sizeof(grants) / sizeof(grants[0]); i++)
		__atxf_io_bitmap_add(&map, &grants[i]);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct io_case *c = &cases[i];
		int got = __atxf_io_bitmap_covers(&map, c->port, c->width);

		printf("%s %s: %s\n", got == c->direct ? "OK  " : "FAIL", c->why,
		       got ? "direct" : "syscall");
		assert_int_equal(got, c->direct);
	}
}

static void huge_and_empty_caps(void **state)
{
	static struct atxf_io_bitmap map;
	struct atxf_cap_info c;

	(void)state;
	__atxf_io_bitmap_clear(&map);
	c = cap(ATXF_CAP_IOPORT, RW, 0x10000, 5);       /* starts past the space */
	__atxf_io_bitmap_add(&map, &c);
	c = cap(ATXF_CAP_IOPORT, RW, 0x100, 0);         /* empty */
	__atxf_io_bitmap_add(&map, &c);
	assert_false(__atxf_io_bitmap_covers(&map, 0x100, 1));
	c = cap(ATXF_CAP_IOPORT, RW, 0, UINT64_MAX);    /* everything, no overflow */
	__atxf_io_bitmap_add(&map, &c);
	assert_true(__atxf_io_bitmap_covers(&map, 0, 4));
	assert_true(__atxf_io_bitmap_covers(&map, 0xfffc, 4));
	__atxf_io_bitmap_clear(&map);
	assert_false(__atxf_io_bitmap_covers(&map, 0x3f8, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decisions),
		cmocka_unit_test(huge_and_empty_caps),
	};

	return cmocka_run_group_tests_name("runtime: direct I/O port rule", tests, NULL, NULL);
}
