/*
 * The text on the screen as a grid of character cells: what the terminal
 * bytes do to it (printable ASCII, CR, LF, backspace, tab), with wrapping
 * at the last column and scrolling at the last row, and which rows changed
 * since they were last drawn. Pure, tested on the host by
 * tests/unit/test_console_textgrid.c; screen.c draws it.
 */
#ifndef CONSOLE_TEXTGRID_H
#define CONSOLE_TEXTGRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXTGRID_CELLS_MAX 16384    /* 192x60 (1920x1080 in a 10x18 font) fits */

struct textgrid {
	uint32_t cols, rows;
	uint32_t row, col;          /* the cursor: where the next character goes */
	uint32_t dirty_first;       /* rows [dirty_first, dirty_end) need drawing */
	uint32_t dirty_end;
	char cell[TEXTGRID_CELLS_MAX];  /* row-major, ' ' when blank */
};

/* A blank grid of cols x rows, clamped to TEXTGRID_CELLS_MAX; all dirty. */
void textgrid_init(struct textgrid *g, uint32_t cols, uint32_t rows);

/*
 * A grid of another size holding the old one's text: its last rows up to
 * the cursor's, each cut to the new width, the cursor on the same line.
 */
void textgrid_resize(struct textgrid *g, uint32_t cols, uint32_t rows);

void textgrid_write(struct textgrid *g, const char *s, size_t n);

static inline char textgrid_at(const struct textgrid *g, uint32_t row, uint32_t col)
{
	return g->cell[row * g->cols + col];
}

/* Marks every row for drawing (after a redraw is needed). */
void textgrid_touch_all(struct textgrid *g);
/* The rows to draw, [*first, *end), and forgets them: false if none. */
bool textgrid_take_dirty(struct textgrid *g, uint32_t *first, uint32_t *end);

#endif
