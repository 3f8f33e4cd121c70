/*
 * The one ATXF reader and validator.
 *
 * Freestanding: no libc calls and no allocation; it works on a byte buffer the
 * caller owns. atxfdump, elf2atxf's self-check, the tests, devmgr and the
 * kernel loader all call this code, so they all agree on what a valid ATXF is.
 */
#ifndef ATXF_READER_H
#define ATXF_READER_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/atxf.h>

/* Why a file was refused. Each has a fixed message: atxf_fmt_strerror(). */
enum atxf_fmt_error {
	ATXF_FMT_OK = 0,
	ATXF_FMT_TRUNCATED,         /* shorter than the 32-byte header */
	ATXF_FMT_BAD_MAGIC,
	ATXF_FMT_BAD_VERSION,
	ATXF_FMT_BAD_HEADER_SIZE,   /* < 32, unaligned, or past text_offset */
	ATXF_FMT_TEXT_UNALIGNED,    /* text_offset not a multiple of 4096 */
	ATXF_FMT_DATA_UNALIGNED,    /* data_offset not a multiple of 4096 */
	ATXF_FMT_TEXT_EMPTY,
	ATXF_FMT_OVERLAP,           /* data starts before text ends */
	ATXF_FMT_TEXT_OUTSIDE_FILE,
	ATXF_FMT_DATA_OUTSIDE_FILE,
	ATXF_FMT_ENTRY_OUTSIDE_TEXT,
	ATXF_FMT_FILE_TOO_LARGE,    /* over ATXF_MAX_FILE_SIZE */
	ATXF_FMT_IMAGE_TOO_LARGE,   /* base .. end of bss over ATXF_MAX_IMAGE_SPAN */
	ATXF_FMT_BAD_EXTENSION,     /* extension record runs past text_offset */
	ATXF_FMT_ERROR_COUNT
};

/* A validated file and where each part goes in memory. */
struct atxf_image {
	struct atxf_header hdr;     /* decoded header */
	const uint8_t *file;        /* the caller's buffer */
	uint64_t file_size;
	uint64_t text_addr;         /* = ATXF_LOAD_BASE */
	uint64_t data_addr;         /* first data byte in memory */
	uint64_t bss_addr;          /* first bss byte = data_addr + data_size */
	uint64_t end_addr;          /* one past the last bss byte */
	uint64_t entry_addr;
};

/* Where the first problem was found, for a message a person can act on. */
struct atxf_fmt_diag {
	enum atxf_fmt_error error;
	const char *field;          /* what value measures: a header field or a sum of them */
	uint64_t value;             /* what was found */
	uint64_t limit;             /* the bound it broke, when there is one */
};

/* Decodes a 32-byte little-endian header; never fails. */
void atxf_header_decode(const uint8_t raw[ATXF_HEADER_SIZE], struct atxf_header *out);
/* Encodes a header into 32 little-endian bytes. */
void atxf_header_encode(const struct atxf_header *hdr, uint8_t raw[ATXF_HEADER_SIZE]);

/*
 * Validates buf[0..size) as an ATXF v1 file. On success fills *img and returns
 * ATXF_FMT_OK; otherwise returns the error and, if diag is not NULL, where.
 * Extensions are not inspected: a v1 loader does not need them.
 */
enum atxf_fmt_error atxf_read(const void *buf, uint64_t size, struct atxf_image *img,
			      struct atxf_fmt_diag *diag);

/* A fixed English sentence for an error code. */
const char *atxf_fmt_strerror(enum atxf_fmt_error err);

/*
 * How a diagnostic's value relates to its limit, in words, so every reader
 * says it the same way: "(FIELD VALUE, RELATION LIMIT)", e.g.
 * "(text_offset 0x1001, not a multiple of 0x1000)".
 */
const char *atxf_fmt_relation(enum atxf_fmt_error err);

/* One extension record found in a validated image. */
struct atxf_ext {
	uint32_t tag;
	uint32_t size;
	const uint8_t *data;        /* points into the image's buffer */
	uint64_t offset;            /* file offset of the record header */
};

/*
 * Iterates over extension records. Start with *cursor = 0. Returns 1 and fills
 * *ext for each record, 0 at the end of the list, or -ATXF_FMT_BAD_EXTENSION
 * if a record does not fit before text_offset.
 */
int atxf_ext_next(const struct atxf_image *img, uint64_t *cursor, struct atxf_ext *ext);

/* Finds the first record with this tag: 1 found, 0 absent, <0 malformed list. */
int atxf_ext_find(const struct atxf_image *img, uint32_t tag, struct atxf_ext *ext);

/* Encodes one extension record header (tag, payload size) as 8 LE bytes. */
void atxf_ext_record_encode(uint8_t raw[ATXF_EXT_RECORD_SIZE], uint32_t tag, uint32_t size);

/* Checks that the whole extension list is well formed: ATXF_FMT_OK or the error. */
enum atxf_fmt_error atxf_ext_validate(const struct atxf_image *img, struct atxf_fmt_diag *diag);

#endif /* ATXF_READER_H */
