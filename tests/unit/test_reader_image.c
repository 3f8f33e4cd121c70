/* Crafted ATXF files for the reader and atxfdump tests (see test_reader_image.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "test_reader_image.h"

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

void image_encode(struct image *im)
{
	const struct atxf_header *h = &im->h;

	put32(im->bytes + 0, h->magic);
	put16(im->bytes + 4, h->version);
	put16(im->bytes + 6, h->header_size);
	put32(im->bytes + 8, h->entry_offset);
	put32(im->bytes + 12, h->text_offset);
	put32(im->bytes + 16, h->text_size);
	put32(im->bytes + 20, h->data_offset);
	put32(im->bytes + 24, h->data_size);
	put32(im->bytes + 28, h->bss_size);
}

void image_valid(struct image *im)
{
	memset(im, 0, sizeof(*im));
	im->h = (struct atxf_header){
		.magic = ATXF_MAGIC, .version = ATXF_VERSION, .header_size = ATXF_HEADER_SIZE,
		.entry_offset = 0x10, .text_offset = 4096, .text_size = 100,
		.data_offset = 8192, .data_size = 50, .bss_size = 1000,
	};
	/* Non-zero contents, so a reader that looked at the wrong bytes would show it. */
	memset(im->bytes + 4096, 0xcc, 100);
	memset(im->bytes + 8192, 0xdd, 50);
	im->size = 8192 + 50;
	image_encode(im);
}

void image_record(struct image *im, uint64_t at, uint32_t tag, uint32_t size)
{
	assert_true(at + 8 <= IMAGE_CAPACITY);
	put32(im->bytes + at, tag);
	put32(im->bytes + at + 4, size);
}

void image_set(struct image *im, const char *field, uint32_t value)
{
	struct atxf_header *h = &im->h;

	if (!strcmp(field, "magic"))
		h->magic = value;
	else if (!strcmp(field, "version"))
		h->version = (uint16_t)value;
	else if (!strcmp(field, "header_size"))
		h->header_size = (uint16_t)value;
	else if (!strcmp(field, "entry_offset"))
		h->entry_offset = value;
	else if (!strcmp(field, "text_offset"))
		h->text_offset = value;
	else if (!strcmp(field, "text_size"))
		h->text_size = value;
	else if (!strcmp(field, "data_offset"))
		h->data_offset = value;
	else if (!strcmp(field, "data_size"))
		h->data_size = value;
	else if (!strcmp(field, "bss_size"))
		h->bss_size = value;
	else
		fail_msg("no header field called %s", field);
	image_encode(im);
}
