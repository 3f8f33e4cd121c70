/*
 * ATXF header encoding: 32 little-endian bytes <-> struct atxf_header.
 * Byte-by-byte so that it is independent of host endianness and alignment.
 */
#include <atxf/reader.h>
#include "le.h"

void atxf_header_decode(const uint8_t raw[ATXF_HEADER_SIZE], struct atxf_header *out)
{
	out->magic = get_le32(raw + 0);
	out->version = get_le16(raw + 4);
	out->header_size = get_le16(raw + 6);
	out->entry_offset = get_le32(raw + 8);
	out->text_offset = get_le32(raw + 12);
	out->text_size = get_le32(raw + 16);
	out->data_offset = get_le32(raw + 20);
	out->data_size = get_le32(raw + 24);
	out->bss_size = get_le32(raw + 28);
}

void atxf_header_encode(const struct atxf_header *hdr, uint8_t raw[ATXF_HEADER_SIZE])
{
	put_le32(raw + 0, hdr->magic);
	put_le16(raw + 4, hdr->version);
	put_le16(raw + 6, hdr->header_size);
	put_le32(raw + 8, hdr->entry_offset);
	put_le32(raw + 12, hdr->text_offset);
	put_le32(raw + 16, hdr->text_size);
	put_le32(raw + 20, hdr->data_offset);
	put_le32(raw + 24, hdr->data_size);
	put_le32(raw + 28, hdr->bss_size);
}
