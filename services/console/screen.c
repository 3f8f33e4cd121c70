/* The console's text on a display (screen.h). */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/log.h>
#include <atxf/sys.h>
#include "screen.h"

#define FG      0x00ffffffu         /* white on black, as the kernel's boot screen */
#define BG      0x00000000u
#define OPEN_NS 2000000000ull

extern const uint8_t console_font_start[], console_font_end[];

static uint32_t *pixel_row(struct screen *s, uint32_t y)
{
	return (uint32_t *)((uint8_t *)s->d.surface.mem + (size_t)y * s->d.info.pitch);
}

static struct pointer_fb pointer_fb(struct screen *s)
{
	return (struct pointer_fb){ .px = s->d.surface.mem, .stride = s->d.info.pitch / 4,
				    .width = s->d.info.width, .height = s->d.info.height };
}

/* FLUSH; the display gone for good closes the screen: false. */
static bool flush(struct screen *s, struct pointer_rect r)
{
	int err;

	if (!r.w || !r.h)
		return true;
	err = atxf_display_client_flush(&s->d, r.x, r.y, r.w, r.h);
	if (err == -ATXF_ESTALE) {
		atxf_log("console: the display %s is gone; text goes to the serial line only\n",
			 s->d.conn.name);
		atxf_display_client_close(&s->d);
		s->open = false;
		return false;
	}
	return true;
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

/*
 * The rows' cells, with the pointer kept on top: it is taken off first, so
 * that what it keeps to put back is the new text, not the old. Where the
 * pointer is outside these rows its pixels come back the same, so only the
 * rows are flushed; unless it was not on the screen before (a new surface).
 */
static void draw_rows(struct screen *s, uint32_t first, uint32_t end)
{
	const struct textgrid *g = &s->grid;
	struct pointer_fb fb = pointer_fb(s);
	bool soft = !s->hw_cursor, was_shown = s->pointer.shown;
	struct pointer_rect rows = { 0, first * s->font.height, g->cols * s->font.width,
				     (end - first) * s->font.height };

	if (soft)
		pointer_hide(&s->pointer, &fb);
	for (uint32_t r = first; r < end; r++)
		for (uint32_t c = 0; c < g->cols; c++)
			draw_cell(s, r, c, r == g->row && c == g->col);
	if (soft)
		pointer_show(&s->pointer, &fb);
	if (flush(s, rows) && soft && !was_shown)
		flush(s, s->pointer.at);
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

/* The sprite to the display's hardware cursor, if it has one: true if shown. */
static bool hw_cursor_on(struct screen *s)
{
	int err;

	if (!(s->d.info.flags & ATXF_DISPLAY_HW_CURSOR))
		return false;
	pointer_argb(atxf_display_client_sprite(&s->d), ATXF_DISPLAY_CURSOR_W,
		     ATXF_DISPLAY_CURSOR_H);
	err = atxf_display_client_set_cursor(&s->d, 0, 0, (uint32_t)s->pointer.x,
					     (uint32_t)s->pointer.y);
	if (err < 0)
		atxf_log("console: the hardware cursor refused the pointer (%s): drawn in software\n",
			 atxf_strerror(err));
	return err == 0;
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
	pointer_init(&s->pointer, s->d.info.width, s->d.info.height);
	s->hw_cursor = hw_cursor_on(s);
	fit_grid(s, false);
	atxf_log("console: screen %s: %ux%u, %ux%u text in a %ux%u font\n", instance,
		 s->d.info.width, s->d.info.height, s->grid.cols, s->grid.rows, s->font.width,
		 s->font.height);
	if (s->hw_cursor)
		atxf_log("console: the pointer is %s's hardware cursor\n", instance);
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
	pointer_forget(&s->pointer, s->d.info.width, s->d.info.height);
	if (s->hw_cursor)
		s->hw_cursor = hw_cursor_on(s);    /* the hot spot may have been clamped */
	fit_grid(s, true);
	draw_dirty(s);
	return 0;
}

static void hw_cursor_move(struct screen *s)
{
	int err = atxf_display_client_move_cursor(&s->d, (uint32_t)s->pointer.x,
						  (uint32_t)s->pointer.y);

	if (err < 0)
		atxf_log("console: the hardware cursor did not move to %d,%d: %s\n",
			 s->pointer.x, s->pointer.y, atxf_strerror(err));
	else
		atxf_log("console: pointer at %d,%d\n", s->pointer.x, s->pointer.y);
}

/* The old place shows what the pointer covered again, the new one shows it. */
void screen_pointer_event(struct screen *s, uint16_t type, uint16_t code, int32_t value)
{
	struct pointer_fb fb;
	struct pointer_rect old;

	if (!s->open ||
	    !pointer_event(&s->pointer, type, code, value, s->d.info.width, s->d.info.height))
		return;
	if (s->hw_cursor) {
		hw_cursor_move(s);
		return;
	}
	fb = pointer_fb(s);
	old = s->pointer.shown ? s->pointer.at : (struct pointer_rect){ 0, 0, 0, 0 };
	pointer_hide(&s->pointer, &fb);
	pointer_show(&s->pointer, &fb);
	if (flush(s, old) && flush(s, s->pointer.at))
		atxf_log("console: pointer at %d,%d\n", s->pointer.x, s->pointer.y);
}
