/*
 * <atxf/psf.h>: PC Screen Font version 2 (the format of the Linux console fonts, as
 * Debian's console-setup ships them): a 32-byte header, the glyphs as
 * bitmaps (each row ceil(width / 8) bytes, the leftmost pixel in the top
 * bit), then optionally a table of the characters each glyph draws.
 */
#ifndef ATXF_PSF_H
#define ATXF_PSF_H

#include <stddef.h>
#include <stdint.h>

struct atxf_psf_font {
	const uint8_t *glyphs;
	uint32_t count;             /* glyphs */
	uint32_t glyph_bytes;
	uint32_t width, height;     /* pixels */
	uint32_t row_bytes;
	uint32_t ascii[128];        /* glyph index of each ASCII character */
};

/* Checks the header and the table against size and fills f: 0, or
 * -ATXF_EINVAL (not PSF2, or a field that does not fit the data). */
int atxf_psf_open(struct atxf_psf_font *f, const void *data, size_t size);

/* The bitmap of ASCII character c (the glyph of '?' for others). */
const uint8_t *atxf_psf_glyph(const struct atxf_psf_font *f, char c);

/* Whether pixel (x, y) of a glyph is set. */
static inline int atxf_psf_pixel(const struct atxf_psf_font *f, const uint8_t *glyph, uint32_t x, uint32_t y)
{
	return glyph[y * f->row_bytes + x / 8] >> (7 - x % 8) & 1;
}

#endif
