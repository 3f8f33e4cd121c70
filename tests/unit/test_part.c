/*
 * Host test of the partition-table reader (drivers/lib/part): MBR
 * primaries, the extended chain, GPT with both headers, the backup taken
 * when the primary is corrupt, every header field's rule, partitions off
 * the disk or overlapping, and disks laid out by the host's sfdisk. The
 * tables are built here, byte by byte, into an in-memory disk.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include "part.h"

#define SS       512
#define SECTORS  4096                   /* a 2 MiB disk */
#define ENTRIES  128
#define ESIZE    128
#define ARRAY_SECTORS (ENTRIES * ESIZE / SS)

static uint8_t image[SECTORS * 4096];   /* room for 4096-byte sectors too */
static uint8_t scratch[PART_SCRATCH_BYTES];
static uint32_t sector_size = SS;
static uint64_t sectors = SECTORS;
static int fail_lba = -1;               /* a read of it fails */

static int disk_read(void *ctx, uint64_t lba, uint32_t count, void *buf)
{
	(void)ctx;
	if (lba + count > sectors)
		return -ATXF_ERANGE;
	if (fail_lba >= 0 && (uint64_t)fail_lba >= lba && (uint64_t)fail_lba < lba + count)
		return -ATXF_EIO;
	memcpy(buf, image + lba * sector_size, (size_t)count * sector_size);
	return 0;
}

static int scan(struct part_table *t, char *why)
{
	struct part_disk d = { .sector_size = sector_size, .sectors = sectors, .read = disk_read,
			       .scratch = scratch, .scratch_size = sizeof(scratch) };

	why[0] = 0;
	return part_scan(&d, t, why, PART_WHY_MAX);
}

static int reset(void **state)
{
	(void)state;
	memset(image, 0, sizeof(image));
	sector_size = SS;
	sectors = SECTORS;
	fail_lba = -1;
	return 0;
}

static uint8_t *sec(uint64_t lba) { return image + lba * sector_size; }

static void put32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i)); }
static void put64(uint8_t *p, uint64_t v) { put32(p, (uint32_t)v); put32(p + 4, (uint32_t)(v >> 32)); }

/* ---- MBR builder */

static void mbr_entry(uint64_t lba, unsigned slot, uint8_t status, uint8_t type, uint32_t start,
		      uint32_t n)
{
	uint8_t *p = sec(lba) + 446 + slot * 16;

	p[0] = status;
	p[4] = type;
	put32(p + 8, start);
	put32(p + 12, n);
	sec(lba)[510] = 0x55;
	sec(lba)[511] = 0xaa;
}

/* Extended 0x05 at 1000+2000; logicals 1001+500 and 1600+400 (EBR at 1599). */
static void mbr_with_logicals(void)
{
	mbr_entry(0, 0, 0x80, 0x83, 2048 - 1000, 900);      /* 1048+900 */
	mbr_entry(0, 1, 0x00, 0x05, 2000, 2000);
	mbr_entry(2000, 0, 0, 0x83, 1, 500);                 /* 2001+500 */
	mbr_entry(2000, 1, 0, 0x05, 600, 401);               /* next EBR at 2600 */
	mbr_entry(2600, 0, 0, 0x82, 1, 400);                 /* 2601+400 */
}

/* ---- GPT builder */

static const uint8_t linux_guid[16] = { 0xaf, 0x3d, 0xc6, 0x0f, 0x83, 0x84, 0x72, 0x47,
					0x8e, 0x79, 0x3d, 0x69, 0xd8, 0x47, 0x7d, 0xe4 };

static uint64_t last_lba(void) { return sectors - 1; }
static uint64_t array_sectors(void) { return (ENTRIES * ESIZE + sector_size - 1) / sector_size; }
static uint64_t first_usable(void) { return 2 + array_sectors(); }
static uint64_t last_usable(void) { return last_lba() - array_sectors() - 1; }

static void gpt_entry(uint64_t array_lba, unsigned i, uint64_t first, uint64_t end)
{
	uint8_t *e = sec(array_lba) + i * ESIZE;

	memcpy(e, linux_guid, 16);
	memset(e + 16, 0x11 + i, 16);       /* a unique GUID */
	put64(e + 32, first);
	put64(e + 40, end);
}

/* Recomputes a header's array CRC and its own CRC, after a test changed a field. */
static void gpt_seal(uint64_t hdr)
{
	uint8_t *h = sec(hdr);
	uint64_t array = h[72] | (uint64_t)h[73] << 8 | (uint64_t)h[74] << 16;
	uint32_t hs = h[12] | h[13] << 8;

	put32(h + 88, part_crc32(sec(array), ENTRIES * ESIZE));
	put32(h + 16, 0);
	put32(h + 16, part_crc32(h, hs > sector_size ? 92 : hs));
}

static void gpt_header(uint64_t my, uint64_t alt, uint64_t array)
{
	uint8_t *h = sec(my);

	memcpy(h, "EFI PART", 8);
	put32(h + 8, 0x00010000);
	put32(h + 12, 92);
	put64(h + 24, my);
	put64(h + 32, alt);
	put64(h + 40, first_usable());
	put64(h + 48, last_usable());
	memset(h + 56, 0x5a, 16);
	put64(h + 72, array);
	put32(h + 80, ENTRIES);
	put32(h + 84, ESIZE);
	gpt_seal(my);
}

/* Partitions 1 (first_usable+1000) and 3 (+200 after a gap); entry 2 unused. */
static void gpt_build(void)
{
	uint64_t b = last_lba() - array_sectors();
	uint64_t f = first_usable();

	mbr_entry(0, 0, 0, 0xee, 1, (uint32_t)(sectors - 1));
	for (int copy = 0; copy < 2; copy++) {
		uint64_t a = copy ? b : 2;

		gpt_entry(a, 0, f, f + 999);
		gpt_entry(a, 2, f + 1500, f + 1699);
	}
	gpt_header(1, last_lba(), 2);
	gpt_header(last_lba(), 1, b);
}

static void assert_gpt_parts(const struct part_table *t)
{
	assert_int_equal(t->scheme, PART_SCHEME_GPT);
	assert_int_equal(t->count, 2);
	assert_int_equal(t->e[0].number, 1);
	assert_int_equal(t->e[0].start, first_usable());
	assert_int_equal(t->e[0].sectors, 1000);
	assert_int_equal(t->e[1].number, 3);
	assert_int_equal(t->e[1].start, first_usable() + 1500);
	assert_int_equal(t->e[1].sectors, 200);
}

/* Breaks the primary header's field at off (then reseals it) and the backup's signature:
 * the scan must fail, naming the primary's rule. */
static void assert_primary_field_refused(unsigned off, uint64_t v, int width, const char *rule)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	gpt_build();
	if (width == 8)
		put64(sec(1) + off, v);
	else
		put32(sec(1) + off, (uint32_t)v);
	gpt_seal(1);
	sec(last_lba())[0] ^= 1;
	assert_int_equal(scan(&t, why), -ATXF_EINVAL);
	assert_int_equal(t.count, 0);
	if (!strstr(why, rule))
		fail_msg("reason \"%s\" does not name \"%s\"", why, rule);
	assert_non_null(strstr(why, "no \"EFI PART\" signature"));  /* the backup's */
}

/* ---- cases */

static void test_crc32_is_the_ieee_one(void **state)
{
	(void)state;
	assert_int_equal(part_crc32("123456789", 9), 0xcbf43926u);
	assert_int_equal(part_crc32("", 0), 0);
}

static void test_a_blank_disk_has_no_table(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	(void)state;
	assert_int_equal(scan(&t, why), -ATXF_ENOENT);
	assert_non_null(strstr(why, "no partition table"));
	assert_int_equal(t.count, 0);
}

static void test_mbr_primaries(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX], type[48];

	(void)state;
	mbr_entry(0, 0, 0x80, 0x83, 2048, 1024);
	mbr_entry(0, 2, 0x00, 0x0c, 3072, 1024);
	assert_int_equal(scan(&t, why), 0);
	assert_int_equal(t.scheme, PART_SCHEME_MBR);
	assert_int_equal(t.count, 2);
	assert_int_equal(t.e[0].number, 1);
	assert_int_equal(t.e[0].start, 2048);
	assert_int_equal(t.e[0].sectors, 1024);
	assert_int_equal(t.e[1].number, 3);
	part_type_name(&t, &t.e[1], type, sizeof(type));
	assert_string_equal(type, "0x0c");
}

static void test_mbr_extended_chain_gives_logicals_from_5(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	(void)state;
	mbr_with_logicals();
	assert_int_equal(scan(&t, why), 0);
	assert_int_equal(t.count, 3);
	assert_int_equal(t.e[0].number, 1);
	assert_int_equal(t.e[1].number, 5);
	assert_int_equal(t.e[1].start, 2001);
	assert_int_equal(t.e[1].sectors, 500);
	assert_int_equal(t.e[2].number, 6);
	assert_int_equal(t.e[2].start, 2601);
	assert_int_equal(t.e[2].mbr_type, 0x82);
}

static void assert_mbr_refused(const char *rule)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	assert_int_equal(scan(&t, why), -ATXF_EINVAL);
	assert_int_equal(t.count, 0);
	assert_int_equal(t.scheme, PART_SCHEME_NONE);
	if (!strstr(why, rule))
		fail_msg("reason \"%s\" does not name \"%s\"", why, rule);
}

static void test_mbr_partition_past_the_disk_refused(void **state)
{
	(void)state;
	mbr_entry(0, 0, 0, 0x83, 2048, SECTORS - 2048 + 1);
	assert_mbr_refused("ends past the disk's 4096 sectors");
}

static void test_mbr_overlap_refused(void **state)
{
	(void)state;
	mbr_entry(0, 0, 0, 0x83, 100, 1000);
	mbr_entry(0, 1, 0, 0x83, 1099, 10);
	assert_mbr_refused("partition 2 (sectors 1099+10) overlaps partition 1");
}

static void test_mbr_garbage_status_refused(void **state)
{
	(void)state;
	for (unsigned i = 0; i < 512; i++)
		image[i] = (uint8_t)(i * 37 + 11);
	image[510] = 0x55;
	image[511] = 0xaa;
	assert_mbr_refused("is neither 0x00 nor 0x80");
}

static void test_mbr_zero_start_and_empty_refused(void **state)
{
	(void)state;
	mbr_entry(0, 0, 0, 0x83, 0, 10);
	assert_mbr_refused("starts at sector 0");
	reset(NULL);
	mbr_entry(0, 1, 0, 0x83, 10, 0);
	assert_mbr_refused("partition 2 is empty");
}

static void test_mbr_two_extended_refused(void **state)
{
	(void)state;
	mbr_entry(0, 0, 0, 0x05, 100, 100);
	mbr_entry(0, 1, 0, 0x0f, 300, 100);
	assert_mbr_refused("second extended partition");
}

static void test_ebr_link_backwards_refused(void **state)
{
	(void)state;
	mbr_with_logicals();
	put32(sec(2600) + 446 + 16 + 8, 0);     /* link to offset 0: the first EBR again */
	mbr_entry(2600, 1, 0, 0x05, 0, 10);
	assert_mbr_refused("links to a type 0x05 entry at +0");
	reset(NULL);
	mbr_with_logicals();
	mbr_entry(2600, 1, 0, 0x05, 300, 10);   /* 2300: before 2600 */
	assert_mbr_refused("not further on");
}

static void test_logical_outside_extended_refused(void **state)
{
	(void)state;
	mbr_with_logicals();
	mbr_entry(2600, 0, 0, 0x83, 1, 1400);   /* 2601+1400 > 4000 */
	assert_mbr_refused("logical partition 6");
}

static void test_ebr_inside_a_logical_refused(void **state)
{
	(void)state;
	mbr_with_logicals();
	mbr_entry(2000, 0, 0, 0x83, 1, 700);    /* 2001+700 covers the EBR at 2600 */
	assert_mbr_refused("the EBR at sector 2600 lies inside partition 5");
}

static void test_ebr_without_signature_refused(void **state)
{
	(void)state;
	mbr_with_logicals();
	sec(2600)[511] = 0;
	assert_mbr_refused("EBR at sector 2600 has no 0x55aa");
}

static void test_gpt_primary(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX], type[48];

	(void)state;
	gpt_build();
	assert_int_equal(scan(&t, why), 0);
	assert_gpt_parts(&t);
	assert_int_equal(t.from_backup, 0);
	part_type_name(&t, &t.e[0], type, sizeof(type));
	assert_string_equal(type, "linux");
}

static void test_gpt_corrupt_primary_header_uses_backup(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	(void)state;
	gpt_build();
	sec(1)[40] ^= 0x01;                     /* FirstUsableLBA, CRC not updated */
	assert_int_equal(scan(&t, why), 0);
	assert_gpt_parts(&t);
	assert_int_equal(t.from_backup, 1);
	assert_non_null(strstr(t.primary_fault, "header CRC32"));
}

static void test_gpt_corrupt_primary_array_uses_backup(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	(void)state;
	gpt_build();
	put64(sec(2) + 40, first_usable() + 3000);  /* partition 1 grows; array CRC stale */
	assert_int_equal(scan(&t, why), 0);
	assert_gpt_parts(&t);
	assert_int_equal(t.from_backup, 1);
	assert_non_null(strstr(t.primary_fault, "entry array CRC32"));
}

static void test_gpt_unreadable_primary_uses_backup(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	(void)state;
	gpt_build();
	fail_lba = 1;
	assert_int_equal(scan(&t, why), 0);
	assert_int_equal(t.from_backup, 1);
	assert_non_null(strstr(t.primary_fault, "reading sector 1"));
}

static void test_gpt_both_corrupt_refused(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	(void)state;
	gpt_build();
	sec(1)[60] ^= 1;                        /* the disk GUID: CRC stale */
	sec(last_lba())[16] ^= 1;               /* the backup's CRC itself */
	assert_int_equal(scan(&t, why), -ATXF_EINVAL);
	assert_int_equal(t.count, 0);
	assert_non_null(strstr(why, "primary header: header CRC32"));
	assert_non_null(strstr(why, "backup header: header CRC32"));
}

static void test_gpt_header_fields_checked(void **state)
{
	(void)state;
	assert_primary_field_refused(8, 0x00020000, 4, "revision 0x00020000");
	assert_primary_field_refused(12, 91, 4, "header size 91");
	assert_primary_field_refused(24, 2, 8, "MyLBA 2, but it was read from LBA 1");
	assert_primary_field_refused(48, SECTORS - 1, 8, "usable range");
	assert_primary_field_refused(40, 1, 8, "usable range 1..");
	assert_primary_field_refused(84, 100, 4, "entry size 100");
	assert_primary_field_refused(80, 0, 4, "0 entries of 128 bytes");
	assert_primary_field_refused(80, 1024, 4, "1024 entries");
	assert_primary_field_refused(72, SECTORS - 10, 8, "entry array at LBA 4086 (32 sectors) is "
				     "not on the disk");
	assert_primary_field_refused(72, 100, 8, "overlaps its header or the usable range");
}

static void assert_gpt_entry_refused(uint64_t first, uint64_t end, const char *rule)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	gpt_build();
	gpt_entry(2, 1, first, end);
	gpt_entry(last_lba() - array_sectors(), 1, first, end);
	gpt_seal(1);
	gpt_seal(last_lba());
	assert_int_equal(scan(&t, why), -ATXF_EINVAL);
	assert_int_equal(t.count, 0);
	if (!strstr(why, rule))
		fail_msg("reason \"%s\" does not name \"%s\"", why, rule);
}

static void test_gpt_entries_checked(void **state)
{
	(void)state;
	assert_gpt_entry_refused(first_usable() + 900, first_usable() + 1100, "overlaps partition 1");
	assert_gpt_entry_refused(10, 20, "partition 2 (LBA 10..20) is not inside the usable range");
	assert_gpt_entry_refused(first_usable() + 1200, last_usable() + 1, "is not inside the usable");
	assert_gpt_entry_refused(first_usable() + 1200, first_usable() + 1100, "is not inside");
}

static void test_gpt_4096_byte_sectors(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	(void)state;
	sector_size = 4096;
	sectors = 2048;
	gpt_build();
	assert_int_equal(scan(&t, why), 0);
	assert_gpt_parts(&t);
}

static void test_part_map_stays_inside(void **state)
{
	struct part_entry e = { .number = 2, .start = 1000, .sectors = 100 };
	uint64_t s = 0;

	(void)state;
	assert_int_equal(part_map(&e, 0, 100, &s), 0);
	assert_int_equal(s, 1000);
	assert_int_equal(part_map(&e, 99, 1, &s), 0);
	assert_int_equal(s, 1099);
	assert_int_equal(part_map(&e, 99, 2, &s), -ATXF_ERANGE);
	assert_int_equal(part_map(&e, 100, 1, &s), -ATXF_ERANGE);
	assert_int_equal(part_map(&e, 0, 0, &s), -ATXF_ERANGE);
	assert_int_equal(part_map(&e, UINT64_MAX, 2, &s), -ATXF_ERANGE);
}

static void test_read_error_is_eio(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	(void)state;
	fail_lba = 0;
	assert_int_equal(scan(&t, why), -ATXF_EIO);
	assert_non_null(strstr(why, "reading sector 0"));
}

/* ---- disks laid out by the host's sfdisk (fdisk package, scripts/deps) */

/* script: sfdisk's input, with @ for the image's path (partition lines name their number). */
static void sfdisk_image(const char *script)
{
	char path[] = "/tmp/test_part_XXXXXX.img", cmd[1024], text[768];
	int fd = mkstemps(path, 4);    /* a name ending in a digit would make sfdisk want @p1 */
	size_t n = 0;
	FILE *f;

	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, SECTORS * SS), 0);
	close(fd);
	for (const char *c = script; *c && n < sizeof(text) - sizeof(path); c++)
		n += *c == '@' ? (size_t)snprintf(text + n, sizeof(text) - n, "%s", path)
			       : (size_t)snprintf(text + n, sizeof(text) - n, "%c", *c);
	snprintf(cmd, sizeof(cmd), "printf '%s' | sfdisk -q --no-reread --no-tell-kernel %s "
		 ">/dev/null 2>&1", text, path);
	if (system(cmd) != 0) {
		unlink(path);
		fail_msg("sfdisk failed (is the fdisk package installed? scripts/deps)");
	}
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(image, SS, SECTORS, f), SECTORS);
	fclose(f);
	unlink(path);
}

static void test_sfdisk_gpt(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	(void)state;
	sfdisk_image("label: gpt\\n@1 : start=2048, size=1024, type=L\\n"
		     "@2 : start=3072, size=512, type=S\\n");
	assert_int_equal(scan(&t, why), 0);
	assert_int_equal(t.scheme, PART_SCHEME_GPT);
	assert_int_equal(t.count, 2);
	assert_int_equal(t.e[0].start, 2048);
	assert_int_equal(t.e[0].sectors, 1024);
	assert_int_equal(t.e[1].number, 2);
	assert_int_equal(t.e[1].start, 3072);
	assert_int_equal(t.e[1].sectors, 512);
	assert_int_equal(t.from_backup, 0);
	memset(image + SS, 0, SS);              /* the primary header gone */
	assert_int_equal(scan(&t, why), 0);
	assert_int_equal(t.from_backup, 1);
	assert_int_equal(t.count, 2);
}

static void test_sfdisk_mbr_with_logicals(void **state)
{
	struct part_table t;
	char why[PART_WHY_MAX];

	(void)state;
	sfdisk_image("label: dos\\n@1 : start=2048, size=512, type=83\\n"
		     "@2 : start=2560, type=5\\n@5 : start=2600, size=400, type=83\\n"
		     "@6 : start=3100, size=300, type=82\\n");
	assert_int_equal(scan(&t, why), 0);
	assert_int_equal(t.scheme, PART_SCHEME_MBR);
	assert_int_equal(t.count, 3);
	assert_int_equal(t.e[0].number, 1);
	assert_int_equal(t.e[0].sectors, 512);
	assert_int_equal(t.e[1].number, 5);
	assert_int_equal(t.e[1].sectors, 400);
	assert_int_equal(t.e[2].number, 6);
	assert_int_equal(t.e[2].sectors, 300);
	assert_int_equal(t.e[2].mbr_type, 0x82);
}

#define CASE(f) cmocka_unit_test_setup(f, reset)

int main(void)
{
	const struct CMUnitTest tests[] = {
		CASE(test_crc32_is_the_ieee_one),
		CASE(test_a_blank_disk_has_no_table),
		CASE(test_mbr_primaries),
		CASE(test_mbr_extended_chain_gives_logicals_from_5),
		CASE(test_mbr_partition_past_the_disk_refused),
		CASE(test_mbr_overlap_refused),
		CASE(test_mbr_garbage_status_refused),
		CASE(test_mbr_zero_start_and_empty_refused),
		CASE(test_mbr_two_extended_refused),
		CASE(test_ebr_link_backwards_refused),
		CASE(test_logical_outside_extended_refused),
		CASE(test_ebr_inside_a_logical_refused),
		CASE(test_ebr_without_signature_refused),
		CASE(test_gpt_primary),
		CASE(test_gpt_corrupt_primary_header_uses_backup),
		CASE(test_gpt_corrupt_primary_array_uses_backup),
		CASE(test_gpt_unreadable_primary_uses_backup),
		CASE(test_gpt_both_corrupt_refused),
		CASE(test_gpt_header_fields_checked),
		CASE(test_gpt_entries_checked),
		CASE(test_gpt_4096_byte_sectors),
		CASE(test_part_map_stays_inside),
		CASE(test_read_error_is_eio),
		CASE(test_sfdisk_gpt),
		CASE(test_sfdisk_mbr_with_logicals),
	};

	return cmocka_run_group_tests_name("part", tests, NULL, NULL);
}
