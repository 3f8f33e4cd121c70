/*
 * PSF2 fonts (<atxf/psf.h>). The header: magic 72 b5 4a 86, version 0,
 * header size, flags (bit 0: a Unicode table follows the glyphs), glyph
 * count, bytes per glyph, height, width, each a little-endian u32. The
 * table has one entry per glyph: UTF-8 characters, then 0xFE before any
 * sequences of several characters, and 0xFF to end it.
 */
#include <atxf/errors.h>
#include <atxf/psf.h>

#define PSF2_MAGIC      0x864ab572u
#define PSF2_HEADER     32u
#define PSF2_HAS_TABLE  0x1u
#define TABLE_SEQ       0xfe
#define TABLE_END       0xff

static uint32_t u32_at(const uint8_t *p, unsigned i)
{
	p += 4 * i;
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Glyph i draws every single-byte (ASCII) character its entry lists
 * before any sequence; the first glyph to claim a character keeps it. */
static int read_table(struct atxf_psf_font *f, const uint8_t *t, const uint8_t *end)
{
	for (uint32_t i = 0; i < f->count; i++) {
		int in_seq = 0;

		for (;;) {
			if (t == end)
				return -ATXF_EINVAL;
			uint8_t b = *t++;

			if (b == TABLE_END)
				break;
			if (b == TABLE_SEQ)
				in_seq = 1;
			else if (!in_seq && b < 128 && f->ascii[b] == UINT32_MAX)
				f->ascii[b] = i;
		}
	}
	return 0;
}

int atxf_psf_open(struct atxf_psf_font *f, const void *data, size_t size)
{
	const uint8_t *p = data;
	uint32_t header, flags;
	uint64_t glyph_end;

	if (size < PSF2_HEADER || u32_at(p, 0) != PSF2_MAGIC || u32_at(p, 1) != 0)
		return -ATXF_EINVAL;
	header = u32_at(p, 2);
	flags = u32_at(p, 3);
	f->count = u32_at(p, 4);
	f->glyph_bytes = u32_at(p, 5);
	f->height = u32_at(p, 6);
	f->width = u32_at(p, 7);
	f->row_bytes = (f->width + 7) / 8;
	glyph_end = header + (uint64_t)f->count * f->glyph_bytes;
	if (header < PSF2_HEADER || !f->count || !f->width || f->width > 64 || !f->height ||
	    f->glyph_bytes != (uint64_t)f->row_bytes * f->height || glyph_end > size)
		return -ATXF_EINVAL;
	f->glyphs = p + header;
	for (unsigned c = 0; c < 128; c++)
		f->ascii[c] = flags & PSF2_HAS_TABLE ? UINT32_MAX : (c < f->count ? c : 0);
	if ((flags & PSF2_HAS_TABLE) && read_table(f, p + glyph_end, p + size))
		return -ATXF_EINVAL;
	for (unsigned c = 0; c < 128; c++)
		if (f->ascii[c] == UINT32_MAX)
			f->ascii[c] = f->ascii['?'] == UINT32_MAX ? 0 : f->ascii['?'];
	return 0;
}

const uint8_t *atxf_psf_glyph(const struct atxf_psf_font *f, char c)
{
	unsigned char u = (unsigned char)c;

	return f->glyphs + (uint64_t)f->ascii[u < 128 ? u : '?'] * f->glyph_bytes;
}
