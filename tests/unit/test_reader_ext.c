/*
 * The reader's extension records (tag u32, size u32, payload, 8-aligned, in
 * [header_size, text_offset), a zero tag ends the list) and the header
 * encoder and decoder. A v1 loader ignores extensions, so atxf_read must
 * accept every file here; only atxf_ext_next/_find/_validate may object.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/reader.h>
#include "test_reader_image.h"

#define TAG_A 0x41414141u
#define TAG_B 0x42424242u

static struct image im;    /* 16 KiB: keep it off the stack */

static void read_ok(struct atxf_image *img)
{
	assert_int_equal(atxf_read(im.bytes, im.size, img, NULL), ATXF_FMT_OK);
}

/* Walks the whole list; returns the number of records, *end the final result. */
static int walk(const struct atxf_image *img, struct atxf_ext *recs, int max, int *end)
{
	uint64_t cursor = 0;
	int n = 0, r;

	while ((r = atxf_ext_next(img, &cursor, &recs[n < max ? n : max - 1])) > 0)
		n++;
	*end = r;
	return n;
}

static void check_record(const struct atxf_ext *e, uint32_t tag, uint32_t size, uint64_t offset)
{
	assert_int_equal(e->tag, tag);
	assert_int_equal(e->size, size);
	assert_int_equal(e->offset, offset);
	assert_ptr_equal(e->data, im.bytes + offset + ATXF_EXT_RECORD_SIZE);
}

static void no_records_after_the_header(void **state)
{
	struct atxf_image img;
	struct atxf_ext recs[1], found;
	int end;

	(void)state;
	image_valid(&im);
	read_ok(&img);
	assert_int_equal(walk(&img, recs, 1, &end), 0);
	assert_int_equal(end, 0);
	assert_int_equal(atxf_ext_validate(&img, NULL), ATXF_FMT_OK);
	assert_int_equal(atxf_ext_find(&img, ATXF_EXT_MANIFEST, &found), 0);
}

/* Records at 32 (5-byte payload), 48 (empty) and 56 (16 bytes), then a zero tag at 80. */
static void three_records_in_order(void **state)
{
	struct atxf_image img;
	struct atxf_ext recs[4], found;
	int end;

	(void)state;
	image_valid(&im);
	image_record(&im, 32, TAG_A, 5);
	memcpy(im.bytes + 40, "hello", 5);
	image_record(&im, 48, TAG_B, 0);
	image_record(&im, 56, ATXF_EXT_MANIFEST, 16);
	read_ok(&img);
	assert_int_equal(walk(&img, recs, 4, &end), 3);
	assert_int_equal(end, 0);
	check_record(&recs[0], TAG_A, 5, 32);
	assert_memory_equal(recs[0].data, "hello", 5);
	check_record(&recs[1], TAG_B, 0, 48);
	check_record(&recs[2], ATXF_EXT_MANIFEST, 16, 56);
	assert_int_equal(atxf_ext_validate(&img, NULL), ATXF_FMT_OK);
	assert_int_equal(atxf_ext_find(&img, ATXF_EXT_MANIFEST, &found), 1);
	check_record(&found, ATXF_EXT_MANIFEST, 16, 56);
	assert_int_equal(atxf_ext_find(&img, 0x12345678, &found), 0);
}

static void a_record_may_end_exactly_at_text(void **state)
{
	struct atxf_image img;
	struct atxf_ext recs[2];
	int end;

	(void)state;
	image_valid(&im);
	image_record(&im, 32, TAG_A, 4096 - 32 - ATXF_EXT_RECORD_SIZE);
	read_ok(&img);
	assert_int_equal(walk(&img, recs, 2, &end), 1);
	assert_int_equal(end, 0);
	assert_int_equal(atxf_ext_validate(&img, NULL), ATXF_FMT_OK);
}

static void expect_bad_list(uint32_t bad_size, int good_before)
{
	struct atxf_image img;
	struct atxf_ext recs[4], found;
	struct atxf_fmt_diag diag;
	int end;

	read_ok(&img);   /* a v1 loader never looks at extensions */
	assert_int_equal(walk(&img, recs, 4, &end), good_before);
	assert_int_equal(end, -ATXF_FMT_BAD_EXTENSION);
	assert_int_equal(atxf_ext_validate(&img, &diag), ATXF_FMT_BAD_EXTENSION);
	assert_int_equal(diag.error, ATXF_FMT_BAD_EXTENSION);
	assert_string_equal(diag.field, "extension size");
	assert_int_equal(diag.value, bad_size);
	assert_int_equal(diag.limit, img.hdr.text_offset);
	assert_true(atxf_ext_find(&img, 0x12345678, &found) < 0);
}

static void a_record_running_past_text_is_refused(void **state)
{
	(void)state;
	image_valid(&im);
	image_record(&im, 32, TAG_A, 4096 - 32 - ATXF_EXT_RECORD_SIZE + 1);
	expect_bad_list(4096 - 32 - ATXF_EXT_RECORD_SIZE + 1, 0);
}

static void a_bad_record_after_good_ones_is_refused(void **state)
{
	(void)state;
	image_valid(&im);
	image_record(&im, 32, TAG_A, 3);
	image_record(&im, 48, TAG_B, 8000);
	expect_bad_list(8000, 1);
}

/* pos + 8 + size must be computed in 64 bits; in 32 bits 0xfffffff8 + 40 wraps to 32. */
static void a_size_near_4gib_cannot_wrap(void **state)
{
	(void)state;
	image_valid(&im);
	image_record(&im, 32, TAG_A, 0xfffffff8u);
	expect_bad_list(0xfffffff8u, 0);
}

static void a_zero_tag_ends_the_list(void **state)
{
	struct atxf_image img;
	struct atxf_ext recs[4];
	int end;

	(void)state;
	image_valid(&im);
	image_record(&im, 32, TAG_A, 0);
	image_record(&im, 40, ATXF_EXT_END, 0xffffffffu);   /* its size means nothing */
	image_record(&im, 48, TAG_B, 0xffffffffu);          /* never reached */
	read_ok(&img);
	assert_int_equal(walk(&img, recs, 4, &end), 1);
	assert_int_equal(end, 0);
	assert_int_equal(atxf_ext_validate(&img, NULL), ATXF_FMT_OK);
}

static void no_room_for_any_record(void **state)
{
	struct atxf_image img;
	struct atxf_ext recs[1];
	int end;

	(void)state;
	image_valid(&im);
	image_set(&im, "header_size", 4096);
	image_record(&im, 32, TAG_A, 0xffffffffu);   /* inside the header: not a record */
	read_ok(&img);
	assert_int_equal(walk(&img, recs, 1, &end), 0);
	assert_int_equal(end, 0);
	assert_int_equal(atxf_ext_validate(&img, NULL), ATXF_FMT_OK);
}

static void records_start_at_header_size(void **state)
{
	struct atxf_image img;
	struct atxf_ext recs[2];
	int end;

	(void)state;
	image_valid(&im);
	image_set(&im, "header_size", 40);
	image_record(&im, 32, TAG_B, 0xffffffffu);   /* a later header field, not a record */
	image_record(&im, 40, TAG_A, 2);
	read_ok(&img);
	assert_int_equal(walk(&img, recs, 2, &end), 1);
	assert_int_equal(end, 0);
	check_record(&recs[0], TAG_A, 2, 40);
}

/* Fields at the documented offsets, little-endian, and back again. */
static void header_encode_decode_round_trip(void **state)
{
	struct atxf_header h = {
		.magic = ATXF_MAGIC, .version = 0x0201, .header_size = 0x0403,
		.entry_offset = 0x08070605, .text_offset = 0x0c0b0a09, .text_size = 0x100f0e0d,
		.data_offset = 0x14131211, .data_size = 0x18171615, .bss_size = 0x1c1b1a19,
	}, back;
	uint8_t raw[ATXF_HEADER_SIZE];
	int i;

	(void)state;
	atxf_header_encode(&h, raw);
	assert_memory_equal(raw, "FXTA", 4);   /* 0x41545846 stored little-endian */
	for (i = 4; i < ATXF_HEADER_SIZE; i++)
		assert_int_equal(raw[i], i - 3);
	atxf_header_decode(raw, &back);
	assert_memory_equal(&back, &h, sizeof(h));
	atxf_ext_record_encode(raw, 0x44434241, 0x08070605);
	assert_memory_equal(raw, "ABCD\x05\x06\x07\x08", 8);
}

#define CASE(title, fn) { title, fn, NULL, NULL, NULL }

static const struct CMUnitTest tests[] = {
	CASE("no records: a zero tag right after the header", no_records_after_the_header),
	CASE("three records, 8-byte aligned, found in order", three_records_in_order),
	CASE("a record may end exactly at text_offset", a_record_may_end_exactly_at_text),
	CASE("a record running past text_offset is refused", a_record_running_past_text_is_refused),
	CASE("a bad record after good ones is refused", a_bad_record_after_good_ones_is_refused),
	CASE("a record size near 4 GiB cannot wrap the bounds check", a_size_near_4gib_cannot_wrap),
	CASE("a zero tag ends the list; what follows is ignored", a_zero_tag_ends_the_list),
	CASE("header_size = text_offset: an area with no room for any record", no_room_for_any_record),
	CASE("records start at header_size, after a longer header", records_start_at_header_size),
	CASE("atxf_header_encode/decode round trip, little-endian", header_encode_decode_round_trip),
};

int main(void)
{
	return cmocka_run_group_tests_name("ATXF reader: extensions and encoding", tests, NULL, NULL);
}
