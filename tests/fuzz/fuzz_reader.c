/*
 * libFuzzer target for the one ATXF reader (sdk/format): every input goes
 * through atxf_read and, when accepted, through the extension list with
 * atxf_ext_validate, atxf_ext_next and atxf_ext_find. The kernel loader runs
 * this code on files it did not build, so AddressSanitizer must never see it
 * read outside the input, and whatever it accepts must be a file a loader
 * can map without further checks: the invariants below.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/reader.h>

/* Names the broken invariant, then aborts so libFuzzer saves the input. */
#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "fuzz_reader: invariant broken: %s\n", #cond); \
			abort();                                             \
		}                                                            \
	} while (0)

static volatile unsigned sink;   /* keeps touch()'s reads from being optimised away */

/* Reads every byte of a region, so ASan proves it lies inside the input. */
static void touch(const uint8_t *p, uint64_t n)
{
	unsigned sum = 0;
	uint64_t i;

	for (i = 0; i < n; i++)
		sum += p[i];
	sink += sum;
}

static void check_header(const struct atxf_header *h, uint64_t size)
{
	CHECK(h->magic == ATXF_MAGIC && h->version == ATXF_VERSION);
	CHECK(h->header_size >= ATXF_HEADER_SIZE && h->header_size % ATXF_EXT_ALIGN == 0);
	CHECK(h->header_size <= h->text_offset);
	CHECK(h->text_offset != 0 && h->text_offset % ATXF_PAGE_SIZE == 0);
	CHECK(h->data_offset % ATXF_PAGE_SIZE == 0);
	CHECK(h->text_size > 0);
	CHECK((uint64_t)h->text_offset + h->text_size <= size);
	CHECK(h->data_offset >= (uint64_t)h->text_offset + h->text_size);
	CHECK((uint64_t)h->data_offset + h->data_size <= size);
	CHECK(h->entry_offset < h->text_size);
	CHECK(size >= ATXF_HEADER_SIZE && size <= ATXF_MAX_FILE_SIZE);
}

/* The load rule: what a loader maps, derived from the header alone. */
static void check_placement(const struct atxf_image *img)
{
	const struct atxf_header *h = &img->hdr;

	CHECK(img->text_addr == ATXF_LOAD_BASE);
	CHECK(img->entry_addr == ATXF_LOAD_BASE + (uint64_t)h->entry_offset);
	CHECK(img->entry_addr >= img->text_addr && img->entry_addr < img->text_addr + h->text_size);
	CHECK(img->data_addr == ATXF_LOAD_BASE + ((uint64_t)h->data_offset - h->text_offset));
	CHECK(img->data_addr % ATXF_PAGE_SIZE == 0);
	CHECK(img->data_addr >= img->text_addr + h->text_size);
	CHECK(img->bss_addr == img->data_addr + h->data_size);
	CHECK(img->end_addr == img->bss_addr + h->bss_size);
	CHECK(img->end_addr - img->text_addr <= ATXF_MAX_IMAGE_SPAN);
}

static void check_record(const struct atxf_image *img, const struct atxf_ext *e, uint64_t prev)
{
	CHECK(e->tag != ATXF_EXT_END);
	CHECK(e->offset >= img->hdr.header_size && e->offset % ATXF_EXT_ALIGN == 0);
	CHECK(e->offset >= prev);
	CHECK(e->offset + ATXF_EXT_RECORD_SIZE + e->size <= img->hdr.text_offset);
	CHECK(e->data == img->file + e->offset + ATXF_EXT_RECORD_SIZE);
	touch(e->data, e->size);
}

/* Walks the list; it must end (records only move forward) and agree with validate and find. */
static void check_extensions(const struct atxf_image *img)
{
	uint64_t cursor = 0, prev = 0, steps = 0;
	uint64_t max_steps = img->hdr.text_offset / ATXF_EXT_ALIGN + 1;
	struct atxf_ext e, first, found;
	int r, count = 0;

	while ((r = atxf_ext_next(img, &cursor, &e)) > 0) {
		check_record(img, &e, prev);
		prev = e.offset + ATXF_EXT_RECORD_SIZE;
		if (count++ == 0)
			first = e;
		CHECK(++steps <= max_steps);
	}
	CHECK(r == 0 || r == -ATXF_FMT_BAD_EXTENSION);
	CHECK((atxf_ext_validate(img, NULL) == ATXF_FMT_OK) == (r == 0));
	if (count > 0) {
		CHECK(atxf_ext_find(img, first.tag, &found) == 1);
		CHECK(found.offset == first.offset && found.size == first.size);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct atxf_image img, again;
	struct atxf_fmt_diag diag = { .error = ATXF_FMT_OK };
	uint8_t raw[ATXF_HEADER_SIZE];
	enum atxf_fmt_error err = atxf_read(data, size, &img, &diag);

	CHECK(diag.error == err);
	CHECK(atxf_read(data, size, &again, NULL) == err);   /* diag must be optional */
	if (err != ATXF_FMT_OK) {
		CHECK(err > ATXF_FMT_OK && err < ATXF_FMT_ERROR_COUNT);
		CHECK(strncmp(atxf_fmt_strerror(err), "unknown", 7) != 0);
		return 0;
	}
	CHECK(img.file == data && img.file_size == size);
	check_header(&img.hdr, size);
	check_placement(&img);
	atxf_header_encode(&img.hdr, raw);
	CHECK(memcmp(raw, data, ATXF_HEADER_SIZE) == 0);      /* decode and encode agree */
	touch(data + img.hdr.text_offset, img.hdr.text_size);
	touch(data + img.hdr.data_offset, img.hdr.data_size);
	check_extensions(&img);
	return 0;
}
