/*
 * The one ATXF reader (sdk/format, via libatxf-format.a) against crafted
 * headers: each case bends a valid file in one way and names the error the
 * reader must report, the header field it must blame, and for the overflow
 * cases the 64-bit value that proves no sum wrapped at 32 bits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/reader.h>
#include "test_reader_image.h"

#define MAX_SETS 3
#define SPAN_TO_BSS (8192 - 4096 + 50)   /* the valid image's span before bss */

struct field_set {
	const char *field;
	uint32_t value;
};

/* One crafted file and what the reader must say about it. */
struct read_case {
	struct field_set set[MAX_SETS];  /* header changes to the valid image */
	int resize;                      /* pass file_size instead of the image's size */
	uint64_t file_size;
	enum atxf_fmt_error want;
	const char *blame;               /* diag.field on failure */
	int check_value;                 /* also compare diag.value */
	uint64_t value;
};

/* On success, every address must follow from the header by the load rule. */
static void check_placed(const struct image *im, const struct atxf_image *img, uint64_t size)
{
	const struct atxf_header *h = &im->h;
	uint64_t data_addr = ATXF_LOAD_BASE + ((uint64_t)h->data_offset - h->text_offset);

	assert_memory_equal(&img->hdr, h, sizeof(*h));
	assert_ptr_equal(img->file, im->bytes);
	assert_int_equal(img->file_size, size);
	assert_int_equal(img->text_addr, ATXF_LOAD_BASE);
	assert_int_equal(img->data_addr, data_addr);
	assert_int_equal(img->bss_addr, data_addr + h->data_size);
	assert_int_equal(img->end_addr, data_addr + h->data_size + h->bss_size);
	assert_int_equal(img->entry_addr, ATXF_LOAD_BASE + (uint64_t)h->entry_offset);
}

static void reads_as_expected(void **state)
{
	const struct read_case *c = *state;
	static struct image im;       /* 16 KiB: keep it off the stack */
	struct atxf_image img;
	struct atxf_fmt_diag diag = { .field = NULL };
	uint64_t size;
	int i;

	image_valid(&im);
	for (i = 0; i < MAX_SETS && c->set[i].field; i++)
		image_set(&im, c->set[i].field, c->set[i].value);
	size = c->resize ? c->file_size : im.size;
	/* A size beyond the buffer is safe only because the reader must give up first. */
	assert_int_equal(atxf_read(im.bytes, size, &img, &diag), c->want);
	assert_int_equal(diag.error, c->want);
	assert_int_equal(atxf_read(im.bytes, size, &img, NULL), c->want);   /* diag is optional */
	if (c->want == ATXF_FMT_OK) {
		check_placed(&im, &img, size);
		return;
	}
	assert_non_null(diag.field);
	assert_string_equal(diag.field, c->blame);
	if (c->check_value)
		assert_int_equal(diag.value, c->value);
}

static void every_error_has_its_own_message(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < ATXF_FMT_ERROR_COUNT; i++) {
		const char *m = atxf_fmt_strerror((enum atxf_fmt_error)i);

		assert_non_null(m);
		assert_true(strlen(m) > 4);
		for (j = 0; j < i; j++)
			assert_string_not_equal(m, atxf_fmt_strerror((enum atxf_fmt_error)j));
	}
	assert_non_null(strstr(atxf_fmt_strerror(ATXF_FMT_ERROR_COUNT), "unknown"));
	assert_non_null(strstr(atxf_fmt_strerror((enum atxf_fmt_error)-1), "unknown"));
}

#define READ(title, ...) \
	{ title, reads_as_expected, NULL, NULL, &(struct read_case){ __VA_ARGS__ } }
#define SET(f, v) { f, v }

/* File-scope compound literals are static, so the rows can point at them. */
static const struct CMUnitTest tests[] = {
	READ("valid: a small file is accepted and placed by the load rule", .want = ATXF_FMT_OK),
	READ("valid: text ends exactly at the end of the file",
	     .set = { SET("text_size", 4096), SET("data_size", 0) }, .resize = 1, .file_size = 8192),
	READ("valid: data starts on the page where text ends", .set = { SET("text_size", 4096) }),
	READ("valid: entry on the last byte of text", .set = { SET("entry_offset", 99) }),
	READ("valid: header_size 40, a longer header from a later version",
	     .set = { SET("header_size", 40) }),
	READ("valid: header_size equal to text_offset, no room for extensions",
	     .set = { SET("header_size", 4096) }),
	READ("valid: image exactly 1 GiB from text to end of bss",
	     .set = { SET("bss_size", ATXF_MAX_IMAGE_SPAN - SPAN_TO_BSS) }),
	READ("valid: file exactly 256 MiB (the reader reads only the header)",
	     .set = { SET("data_size", 0) }, .resize = 1, .file_size = ATXF_MAX_FILE_SIZE),

	READ("truncated: empty", .resize = 1, .file_size = 0, .want = ATXF_FMT_TRUNCATED,
	     .blame = "file size"),
	READ("truncated: 31 bytes", .resize = 1, .file_size = 31, .want = ATXF_FMT_TRUNCATED,
	     .blame = "file size"),
	READ("wrong magic: byte-swapped", .set = { SET("magic", 0x46585441) },
	     .want = ATXF_FMT_BAD_MAGIC, .blame = "magic"),
	READ("wrong magic: an ELF file", .set = { SET("magic", 0x464c457f) },
	     .want = ATXF_FMT_BAD_MAGIC, .blame = "magic"),
	READ("wrong version: 0", .set = { SET("version", 0) }, .want = ATXF_FMT_BAD_VERSION,
	     .blame = "version"),
	READ("wrong version: 2", .set = { SET("version", 2) }, .want = ATXF_FMT_BAD_VERSION,
	     .blame = "version"),
	READ("header_size 0", .set = { SET("header_size", 0) }, .want = ATXF_FMT_BAD_HEADER_SIZE,
	     .blame = "header_size"),
	READ("header_size 24, below the v1 header", .set = { SET("header_size", 24) },
	     .want = ATXF_FMT_BAD_HEADER_SIZE, .blame = "header_size"),
	READ("header_size 36, not a multiple of 8", .set = { SET("header_size", 36) },
	     .want = ATXF_FMT_BAD_HEADER_SIZE, .blame = "header_size"),
	READ("header_size past text_offset", .set = { SET("header_size", 4104) },
	     .want = ATXF_FMT_BAD_HEADER_SIZE, .blame = "header_size"),
	READ("text_offset 0", .set = { SET("text_offset", 0) }, .want = ATXF_FMT_TEXT_UNALIGNED,
	     .blame = "text_offset"),
	READ("text_offset unaligned", .set = { SET("text_offset", 4097) },
	     .want = ATXF_FMT_TEXT_UNALIGNED, .blame = "text_offset"),
	READ("data_offset unaligned", .set = { SET("data_offset", 8193) },
	     .want = ATXF_FMT_DATA_UNALIGNED, .blame = "data_offset"),
	READ("text empty", .set = { SET("text_size", 0) }, .want = ATXF_FMT_TEXT_EMPTY,
	     .blame = "text_size"),
	READ("text and data overlap", .set = { SET("text_size", 4097) }, .want = ATXF_FMT_OVERLAP,
	     .blame = "data_offset"),
	READ("data on the same page as text", .set = { SET("data_offset", 4096) },
	     .want = ATXF_FMT_OVERLAP, .blame = "data_offset"),
	READ("text past the end of the file", .resize = 1, .file_size = 4096 + 99,
	     .want = ATXF_FMT_TEXT_OUTSIDE_FILE, .blame = "text_offset + text_size"),
	READ("data past the end of the file", .set = { SET("data_size", 51) },
	     .want = ATXF_FMT_DATA_OUTSIDE_FILE, .blame = "data_offset + data_size"),
	READ("empty data region placed past the end of the file",
	     .set = { SET("data_offset", 12288), SET("data_size", 0) },
	     .want = ATXF_FMT_DATA_OUTSIDE_FILE, .blame = "data_offset + data_size"),
	READ("entry just past the end of text", .set = { SET("entry_offset", 100) },
	     .want = ATXF_FMT_ENTRY_OUTSIDE_TEXT, .blame = "entry_offset"),
	READ("entry 0xffffffff", .set = { SET("entry_offset", 0xffffffff) },
	     .want = ATXF_FMT_ENTRY_OUTSIDE_TEXT, .blame = "entry_offset"),
	READ("file over 256 MiB", .resize = 1, .file_size = ATXF_MAX_FILE_SIZE + 1ull,
	     .want = ATXF_FMT_FILE_TOO_LARGE, .blame = "file size"),
	READ("image 1 byte over 1 GiB",
	     .set = { SET("bss_size", ATXF_MAX_IMAGE_SPAN - SPAN_TO_BSS + 1) },
	     .want = ATXF_FMT_IMAGE_TOO_LARGE, .blame = "image span"),

	/* Each of these would pass a reader that added the u32 fields in 32 bits. */
	READ("overflow: text_offset + text_size wraps to 0x1000",
	     .set = { SET("text_offset", 0xfffff000), SET("text_size", 0x2000) },
	     .want = ATXF_FMT_TEXT_OUTSIDE_FILE, .blame = "text_offset + text_size",
	     .check_value = 1, .value = 0x100001000ull),
	READ("overflow: text_size 0xffffffff wraps text's end below the file size",
	     .set = { SET("text_size", 0xffffffff) }, .want = ATXF_FMT_TEXT_OUTSIDE_FILE,
	     .blame = "text_offset + text_size", .check_value = 1, .value = 0x100000fffull),
	READ("overflow: data_offset + data_size wraps to 0x2000",
	     .set = { SET("data_offset", 0xfffff000), SET("data_size", 0x3000) },
	     .want = ATXF_FMT_DATA_OUTSIDE_FILE, .blame = "data_offset + data_size",
	     .check_value = 1, .value = 0x100002000ull),
	READ("overflow: data_size 0xffffffff",
	     .set = { SET("data_size", 0xffffffff) }, .want = ATXF_FMT_DATA_OUTSIDE_FILE,
	     .blame = "data_offset + data_size", .check_value = 1, .value = 8192 + 0xffffffffull),
	READ("overflow: bss_size near 2^32 wraps the span to a few KiB",
	     .set = { SET("bss_size", 0xffffff00) }, .want = ATXF_FMT_IMAGE_TOO_LARGE,
	     .blame = "image span", .check_value = 1, .value = SPAN_TO_BSS + 0xffffff00ull),
	READ("overflow: every size field 0xffffffff",
	     .set = { SET("text_size", 0xffffffff), SET("data_size", 0xffffffff),
		      SET("bss_size", 0xffffffff) },
	     .want = ATXF_FMT_TEXT_OUTSIDE_FILE, .blame = "text_offset + text_size"),
	{ "every error code has its own message", every_error_has_its_own_message, NULL, NULL, NULL },
};

int main(void)
{
	return cmocka_run_group_tests_name("ATXF reader: header validation", tests, NULL, NULL);
}
