/*
 * Crafted ATXF files for the reader and atxfdump tests: a small valid file
 * whose header fields a test then bends one at a time. The header is encoded
 * here, byte by byte at the offsets docs/atxf-format.md gives, so the tests
 * do not trust sdk/format's own encoder.
 */
#ifndef TEST_READER_IMAGE_H
#define TEST_READER_IMAGE_H

#include <stdint.h>
#include <atxf/atxf.h>

#define IMAGE_CAPACITY (4 * ATXF_PAGE_SIZE)

struct image {
	uint8_t bytes[IMAGE_CAPACITY];
	uint64_t size;            /* the file size passed to the reader */
	struct atxf_header h;     /* the header image_encode() writes */
};

/*
 * A valid file: 100 bytes of text at 4096 (entry 0x10), 50 bytes of data at
 * 8192, 1000 bytes of bss, no extensions; size 8242.
 */
void image_valid(struct image *im);
/* Writes im->h into the first 32 bytes. */
void image_encode(struct image *im);
/* Writes an extension record header (tag, size) at a file offset. */
void image_record(struct image *im, uint64_t at, uint32_t tag, uint32_t size);
/* Sets a header field by its name in struct atxf_header; fails the test on a typo. */
void image_set(struct image *im, const char *field, uint32_t value);

#endif
