/*
 * The boot archive reader (sdk/format/ustar.c) against archives made by the
 * real GNU tar (--format=ustar), and against damaged copies of them: every
 * member found with its bytes, and every damage refused, never read past.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <atxf/ustar.h>

struct archive {
	uint8_t *bytes;
	size_t size;
	char dir[64];
};

static void write_file(const char *dir, const char *name, const char *text, size_t len)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}

static uint8_t *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*size = (size_t)n;
	return buf;
}

/* boot.cfg (short), big.bin (3 blocks and a bit), empty, in that order. */
static int make_archive(void **state)
{
	struct archive *a = calloc(1, sizeof(*a));
	char cmd[256], *big = malloc(1600);

	strcpy(a->dir, "/tmp/atxf-ustar-XXXXXX");
	assert_non_null(mkdtemp(a->dir));
	for (int i = 0; i < 1600; i++)
		big[i] = (char)(i * 7 + 1);
	write_file(a->dir, "boot.cfg", "start hello.atxf\n", 17);
	write_file(a->dir, "big.bin", big, 1600);
	write_file(a->dir, "empty", "", 0);
	snprintf(cmd, sizeof(cmd), "tar --format=ustar -C %s -cf %s/a.tar boot.cfg big.bin empty",
		 a->dir, a->dir);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof(cmd), "%s/a.tar", a->dir);
	a->bytes = slurp(cmd, &a->size);
	free(big);
	*state = a;
	return 0;
}

static int remove_archive(void **state)
{
	struct archive *a = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", a->dir);
	assert_int_equal(system(cmd), 0);
	free(a->bytes);
	free(a);
	return 0;
}

static void lists_every_member_in_order(void **state)
{
	struct archive *a = *state;
	struct atxf_ustar_entry e;
	uint64_t cursor = 0;

	assert_int_equal(atxf_ustar_next(a->bytes, a->size, &cursor, &e), ATXF_USTAR_ENTRY);
	assert_string_equal(e.name, "boot.cfg");
	assert_int_equal(e.size, 17);
	assert_memory_equal(e.data, "start hello.atxf\n", 17);
	assert_int_equal(atxf_ustar_next(a->bytes, a->size, &cursor, &e), ATXF_USTAR_ENTRY);
	assert_string_equal(e.name, "big.bin");
	assert_int_equal(e.size, 1600);
	for (int i = 0; i < 1600; i++)
		assert_int_equal(e.data[i], (uint8_t)(i * 7 + 1));
	assert_int_equal(atxf_ustar_next(a->bytes, a->size, &cursor, &e), ATXF_USTAR_ENTRY);
	assert_string_equal(e.name, "empty");
	assert_int_equal(e.size, 0);
	assert_int_equal(e.type, '0');
	assert_int_equal(atxf_ustar_next(a->bytes, a->size, &cursor, &e), ATXF_USTAR_END);
}

static void finds_by_name(void **state)
{
	struct archive *a = *state;
	struct atxf_ustar_entry e;

	assert_int_equal(atxf_ustar_find(a->bytes, a->size, "big.bin", &e), 1);
	assert_int_equal(e.size, 1600);
	assert_int_equal(atxf_ustar_find(a->bytes, a->size, "missing.atxf", &e), 0);
	assert_int_equal(atxf_ustar_find(a->bytes, a->size, "big", &e), 0);
	assert_int_equal(atxf_ustar_find(a->bytes, a->size, "big.bin.x", &e), 0);
}

/* Scans every member; returns the first non-entry result. */
static int walk(const uint8_t *bytes, size_t size)
{
	struct atxf_ustar_entry e;
	uint64_t cursor = 0;
	int r;

	while ((r = atxf_ustar_next(bytes, size, &cursor, &e)) == ATXF_USTAR_ENTRY)
		assert_true(e.data + e.size <= bytes + size);
	return r;
}

static void damage_is_refused(void **state)
{
	struct archive *a = *state;
	uint8_t *copy = malloc(a->size);

	memcpy(copy, a->bytes, a->size);
	copy[512 + 1024 + 512 + 10] ^= 0xff;        /* a data byte: harmless */
	assert_int_equal(walk(copy, a->size), ATXF_USTAR_END);

	memcpy(copy, a->bytes, a->size);
	copy[0] ^= 1;                               /* name byte: checksum breaks */
	assert_int_equal(walk(copy, a->size), ATXF_USTAR_EBADHEADER);

	memcpy(copy, a->bytes, a->size);
	memcpy(copy + 257, "xstar", 5);             /* magic */
	assert_int_equal(walk(copy, a->size), ATXF_USTAR_EBADHEADER);

	memcpy(copy, a->bytes, a->size);
	assert_int_equal(walk(copy, 1024 + 700), ATXF_USTAR_ETRUNCATED);   /* big.bin cut */
	assert_int_equal(walk(copy, 100), ATXF_USTAR_END);                 /* no whole header */
	free(copy);
}

static void size_field_must_be_octal(void **state)
{
	struct archive *a = *state;
	uint8_t *copy = malloc(a->size);
	unsigned sum = 0;

	memcpy(copy, a->bytes, a->size);
	memcpy(copy + 124, "0000000009 ", 12);      /* '9' is not octal */
	memset(copy + 148, ' ', 8);
	for (int i = 0; i < 512; i++)
		sum += copy[i];
	snprintf((char *)copy + 148, 8, "%06o", sum);
	assert_int_equal(walk(copy, a->size), ATXF_USTAR_EBADSIZE);
	free(copy);
}

static void huge_size_is_truncation_not_overflow(void **state)
{
	struct archive *a = *state;
	uint8_t *copy = malloc(a->size);
	unsigned sum = 0;

	memcpy(copy, a->bytes, a->size);
	memcpy(copy + 124, "77777777777", 11);      /* 8 GiB - 1 */
	memset(copy + 148, ' ', 8);
	for (int i = 0; i < 512; i++)
		sum += copy[i];
	snprintf((char *)copy + 148, 8, "%06o", sum);
	assert_int_equal(walk(copy, a->size), ATXF_USTAR_ETRUNCATED);
	free(copy);
}

static void error_sentences(void **state)
{
	(void)state;
	assert_non_null(strstr(atxf_ustar_strerror(ATXF_USTAR_EBADHEADER), "checksum"));
	assert_non_null(strstr(atxf_ustar_strerror(ATXF_USTAR_ETRUNCATED), "past the end"));
	assert_non_null(strstr(atxf_ustar_strerror(ATXF_USTAR_EBADSIZE), "size"));
	assert_string_equal(atxf_ustar_strerror(42), "unknown ustar error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(lists_every_member_in_order, make_archive, remove_archive),
		cmocka_unit_test_setup_teardown(finds_by_name, make_archive, remove_archive),
		cmocka_unit_test_setup_teardown(damage_is_refused, make_archive, remove_archive),
		cmocka_unit_test_setup_teardown(size_field_must_be_octal, make_archive, remove_archive),
		cmocka_unit_test_setup_teardown(huge_size_is_truncation_not_overflow, make_archive, remove_archive),
		cmocka_unit_test(error_sentences),
	};

	return cmocka_run_group_tests_name("ustar", tests, NULL, NULL);
}
