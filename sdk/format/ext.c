/*
 * ATXF extension records (docs/atxf-format.md §5): a list of tag/size/payload
 * records in the bytes between header_size and text_offset, each starting on
 * an 8-byte boundary and ended by a zero tag or by the end of that area.
 * A v1 loader never looks here, which is what keeps extensions optional.
 */
#include <atxf/reader.h>
#include "le.h"

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

int atxf_ext_next(const struct atxf_image *img, uint64_t *cursor, struct atxf_ext *ext)
{
	uint64_t end = img->hdr.text_offset;
	uint64_t pos = *cursor ? *cursor : img->hdr.header_size;
	const uint8_t *rec;

	if (pos + ATXF_EXT_RECORD_SIZE > end)
		return 0;               /* no room for another record: list ends */
	rec = img->file + pos;
	ext->tag = get_le32(rec);
	ext->size = get_le32(rec + 4);
	if (ext->tag == ATXF_EXT_END)
		return 0;
	if (pos + ATXF_EXT_RECORD_SIZE + ext->size > end)
		return -ATXF_FMT_BAD_EXTENSION;
	ext->data = rec + ATXF_EXT_RECORD_SIZE;
	ext->offset = pos;
	*cursor = align_up(pos + ATXF_EXT_RECORD_SIZE + ext->size, ATXF_EXT_ALIGN);
	return 1;
}

int atxf_ext_find(const struct atxf_image *img, uint32_t tag, struct atxf_ext *ext)
{
	uint64_t cursor = 0;
	int r;

	while ((r = atxf_ext_next(img, &cursor, ext)) > 0)
		if (ext->tag == tag)
			return 1;
	return r;
}

enum atxf_fmt_error atxf_ext_validate(const struct atxf_image *img, struct atxf_fmt_diag *diag)
{
	uint64_t cursor = 0;
	struct atxf_ext ext;
	int r;

	while ((r = atxf_ext_next(img, &cursor, &ext)) > 0)
		;
	if (r == 0)
		return ATXF_FMT_OK;
	if (diag) {
		diag->error = ATXF_FMT_BAD_EXTENSION;
		diag->field = "extension size";
		diag->value = ext.size;
		diag->limit = img->hdr.text_offset;
	}
	return ATXF_FMT_BAD_EXTENSION;
}

void atxf_ext_record_encode(uint8_t raw[ATXF_EXT_RECORD_SIZE], uint32_t tag, uint32_t size)
{
	put_le32(raw, tag);
	put_le32(raw + 4, size);
}
