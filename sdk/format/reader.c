/*
 * ATXF v1 validation: every check of docs/atxf-format.md §4, in that order.
 * All arithmetic is on 64-bit values built from 32-bit fields, so no sum of
 * two fields can wrap.
 */
#include <atxf/reader.h>

static const char *const messages[ATXF_FMT_ERROR_COUNT] = {
	[ATXF_FMT_OK] = "valid",
	[ATXF_FMT_TRUNCATED] = "file is shorter than the 32-byte ATXF header",
	[ATXF_FMT_BAD_MAGIC] = "wrong magic: not an ATXF file",
	[ATXF_FMT_BAD_VERSION] = "unsupported ATXF version",
	[ATXF_FMT_BAD_HEADER_SIZE] = "header_size is below 32, not a multiple of 8, or past text_offset",
	[ATXF_FMT_TEXT_UNALIGNED] = "text_offset is not a non-zero multiple of 4096",
	[ATXF_FMT_DATA_UNALIGNED] = "data_offset is not a multiple of 4096",
	[ATXF_FMT_TEXT_EMPTY] = "text_size is zero",
	[ATXF_FMT_OVERLAP] = "data starts before the end of text",
	[ATXF_FMT_TEXT_OUTSIDE_FILE] = "text extends past the end of the file",
	[ATXF_FMT_DATA_OUTSIDE_FILE] = "data extends past the end of the file",
	[ATXF_FMT_ENTRY_OUTSIDE_TEXT] = "entry point is outside text",
	[ATXF_FMT_FILE_TOO_LARGE] = "file is larger than the 256 MiB ATXF limit",
	[ATXF_FMT_IMAGE_TOO_LARGE] = "image (text to end of bss) is larger than the 1 GiB ATXF limit",
	[ATXF_FMT_BAD_EXTENSION] = "an extension record runs past text_offset",
};

const char *atxf_fmt_strerror(enum atxf_fmt_error err)
{
	if ((unsigned)err >= ATXF_FMT_ERROR_COUNT)
		return "unknown ATXF format error";
	return messages[err];
}

const char *atxf_fmt_relation(enum atxf_fmt_error err)
{
	switch (err) {
	case ATXF_FMT_BAD_MAGIC:
	case ATXF_FMT_BAD_VERSION:
		return "expected";
	case ATXF_FMT_TRUNCATED:
		return "the header needs";
	case ATXF_FMT_TEXT_UNALIGNED:
	case ATXF_FMT_DATA_UNALIGNED:
		return "not a multiple of";
	case ATXF_FMT_TEXT_OUTSIDE_FILE:
	case ATXF_FMT_DATA_OUTSIDE_FILE:
		return "past the file's size";
	case ATXF_FMT_OVERLAP:
		return "below the end of text at";
	case ATXF_FMT_ENTRY_OUTSIDE_TEXT:
		return "not below text_size";
	default:
		return "over the limit";
	}
}

static enum atxf_fmt_error fail(struct atxf_fmt_diag *diag, enum atxf_fmt_error err,
				const char *field, uint64_t value, uint64_t limit)
{
	if (diag) {
		diag->error = err;
		diag->field = field;
		diag->value = value;
		diag->limit = limit;
	}
	return err;
}

static int page_aligned(uint64_t v)
{
	return (v & (ATXF_PAGE_SIZE - 1)) == 0;
}

/* Magic, version and header_size: is this a v1 header at all? */
static enum atxf_fmt_error check_identity(const struct atxf_header *h, struct atxf_fmt_diag *diag)
{
	if (h->magic != ATXF_MAGIC)
		return fail(diag, ATXF_FMT_BAD_MAGIC, "magic", h->magic, ATXF_MAGIC);
	if (h->version != ATXF_VERSION)
		return fail(diag, ATXF_FMT_BAD_VERSION, "version", h->version, ATXF_VERSION);
	if (h->header_size < ATXF_HEADER_SIZE || h->header_size % ATXF_EXT_ALIGN)
		return fail(diag, ATXF_FMT_BAD_HEADER_SIZE, "header_size", h->header_size,
			    ATXF_HEADER_SIZE);
	return ATXF_FMT_OK;
}

/* Offsets and sizes: aligned, ordered, inside the file, within limits. */
static enum atxf_fmt_error check_layout(const struct atxf_header *h, uint64_t size,
					struct atxf_fmt_diag *diag)
{
	uint64_t text_end = (uint64_t)h->text_offset + h->text_size;
	uint64_t data_end = (uint64_t)h->data_offset + h->data_size;
	uint64_t span;

	if (h->text_offset == 0 || !page_aligned(h->text_offset))
		return fail(diag, ATXF_FMT_TEXT_UNALIGNED, "text_offset", h->text_offset,
			    ATXF_PAGE_SIZE);
	if (h->header_size > h->text_offset)
		return fail(diag, ATXF_FMT_BAD_HEADER_SIZE, "header_size", h->header_size,
			    h->text_offset);
	if (!page_aligned(h->data_offset))
		return fail(diag, ATXF_FMT_DATA_UNALIGNED, "data_offset", h->data_offset,
			    ATXF_PAGE_SIZE);
	if (h->text_size == 0)
		return fail(diag, ATXF_FMT_TEXT_EMPTY, "text_size", 0, 0);
	if (text_end > size)
		return fail(diag, ATXF_FMT_TEXT_OUTSIDE_FILE, "text_offset + text_size", text_end, size);
	if (h->data_offset < text_end)
		return fail(diag, ATXF_FMT_OVERLAP, "data_offset", h->data_offset, text_end);
	if (data_end > size)
		return fail(diag, ATXF_FMT_DATA_OUTSIDE_FILE, "data_offset + data_size", data_end, size);
	if (h->entry_offset >= h->text_size)
		return fail(diag, ATXF_FMT_ENTRY_OUTSIDE_TEXT, "entry_offset", h->entry_offset,
			    h->text_size);
	span = (uint64_t)h->data_offset - h->text_offset + h->data_size + h->bss_size;
	if (span > ATXF_MAX_IMAGE_SPAN)
		return fail(diag, ATXF_FMT_IMAGE_TOO_LARGE, "image span", span, ATXF_MAX_IMAGE_SPAN);
	return ATXF_FMT_OK;
}

static void place_image(const struct atxf_header *h, struct atxf_image *img)
{
	img->text_addr = ATXF_LOAD_BASE;
	img->data_addr = ATXF_LOAD_BASE + ((uint64_t)h->data_offset - h->text_offset);
	img->bss_addr = img->data_addr + h->data_size;
	img->end_addr = img->bss_addr + h->bss_size;
	img->entry_addr = ATXF_LOAD_BASE + (uint64_t)h->entry_offset;
}

enum atxf_fmt_error atxf_read(const void *buf, uint64_t size, struct atxf_image *img,
			      struct atxf_fmt_diag *diag)
{
	struct atxf_header h;
	enum atxf_fmt_error err;

	if (size < ATXF_HEADER_SIZE)
		return fail(diag, ATXF_FMT_TRUNCATED, "file size", size, ATXF_HEADER_SIZE);
	atxf_header_decode(buf, &h);
	err = check_identity(&h, diag);
	if (err)
		return err;
	if (size > ATXF_MAX_FILE_SIZE)
		return fail(diag, ATXF_FMT_FILE_TOO_LARGE, "file size", size, ATXF_MAX_FILE_SIZE);
	err = check_layout(&h, size, diag);
	if (err)
		return err;
	img->hdr = h;
	img->file = buf;
	img->file_size = size;
	place_image(&h, img);
	if (diag)
		diag->error = ATXF_FMT_OK;
	return ATXF_FMT_OK;
}
