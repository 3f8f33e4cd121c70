/* The console's text on a display (screen.h). */
#include <string.h>
#include <atxf/log.h>
#include "screen.h"

#define FG      0x00ffffffu         /* white on black, as the kernel's boot screen */
#define BG      0x00000000u
#define OPEN_NS 2000000000ull

extern const uint8_t console_font_start[], console_font_end[];

static uint32_t *pixel_row(struct screen *s, uint32_t y)
{
	return (uint32_t *)((uint8_t *)s->d.surface.mem + (size_t)y * s->d.info.pitch);
}

/* One cell; the cursor's cell is drawn inverted. */
static void draw_cell(struct screen *s, uint32_t row, uint32_t col, bool cursor)
{
	const struct atxf_psf_font *f = &s->font;
	const uint8_t *glyph = atxf_psf_glyph(f, textgrid_at(&s->grid, row, col));
	uint32_t fg = cursor ? BG : FG, bg = cursor ? FG : BG;

	for (uint32_t y = 0; y < f->height; y++) {
		uint32_t *px = pixel_row(s, row * f->height + y) + col * f->width;

		for (uint32_t x = 0; x < f->width; x++)
			px[x] = atxf_psf_pixel(f, glyph, x, y) ? fg : bg;
	}
}

static void draw_rows(struct screen *s, uint32_t first, uint32_t end)
{
	const struct textgrid *g = &s->grid;
	int err;

	for (uint32_t r = first; r < end; r++)
		for (uint32_t c = 0; c < g->cols; c++)
			draw_cell(s, r, c, r == g->row && c == g->col);
	err = atxf_display_client_flush(&s->d, 0, first * s->font.height,
					g->cols * s->font.width, (end - first) * s->font.height);
	if (err == -ATXF_ESTALE) {
		atxf_log("console: the display %s is gone; text goes to the serial line only\n",
			 s->d.conn.name);
		atxf_display_client_close(&s->d);
		s->open = false;
	}
}

static void draw_dirty(struct screen *s)
{
	uint32_t first, end;

	if (s->open && textgrid_take_dirty(&s->grid, &first, &end))
		draw_rows(s, first, end);
}

static void fit_grid(struct screen *s, bool keep)
{
	uint32_t cols = s->d.info.width / s->font.width, rows = s->d.info.height / s->font.height;

	if (keep)
		textgrid_resize(&s->grid, cols, rows);
	else
		textgrid_init(&s->grid, cols, rows);
}

int screen_open(struct screen *s, const char *instance)
{
	int err = atxf_psf_open(&s->font, console_font_start,
				(size_t)(console_font_end - console_font_start));

	if (err < 0) {
		atxf_log("console: the built-in font is not PSF2: no screen\n");
		return err;
	}
	err = atxf_display_client_open(&s->d, instance, OPEN_NS);
	if (err < 0)
		return err;
	if (s->d.info.bpp != 32 || s->d.info.width < s->font.width ||
	    s->d.info.height < s->font.height) {
		atxf_log("console: %s is %ux%ux%u: not a 32 bpp screen for a %ux%u font\n",
			 instance, s->d.info.width, s->d.info.height, s->d.info.bpp,
			 s->font.width, s->font.height);
		atxf_display_client_close(&s->d);
		return -ATXF_ENOTSUP;
	}
	s->open = true;
	fit_grid(s, false);
	atxf_log("console: screen %s: %ux%u, %ux%u text in a %ux%u font\n", instance,
		 s->d.info.width, s->d.info.height, s->grid.cols, s->grid.rows, s->font.width,
		 s->font.height);
	draw_dirty(s);
	return 0;
}

void screen_write(struct screen *s, const char *buf, size_t n)
{
	if (!s->open)
		return;
	textgrid_write(&s->grid, buf, n);
	draw_dirty(s);
}

void screen_redraw(struct screen *s)
{
	textgrid_touch_all(&s->grid);
	draw_dirty(s);
}

int screen_set_mode(struct screen *s, uint32_t width, uint32_t height)
{
	int err;

	if (!s->open)
		return -ATXF_ENODEV;
	err = atxf_display_client_set_mode(&s->d, width, height);
	if (err < 0)
		return err;
	fit_grid(s, true);
	draw_dirty(s);
	return 0;
}
