/* The screen's text grid (textgrid.h). */
#include <string.h>
#include "textgrid.h"

#define TAB 8

static void touch(struct textgrid *g, uint32_t row)
{
	if (g->dirty_first >= g->dirty_end) {
		g->dirty_first = row;
		g->dirty_end = row + 1;
		return;
	}
	if (row < g->dirty_first)
		g->dirty_first = row;
	if (row + 1 > g->dirty_end)
		g->dirty_end = row + 1;
}

void textgrid_touch_all(struct textgrid *g)
{
	g->dirty_first = 0;
	g->dirty_end = g->rows;
}

void textgrid_init(struct textgrid *g, uint32_t cols, uint32_t rows)
{
	if (cols == 0)
		cols = 1;
	if (rows == 0)
		rows = 1;
	if (cols > TEXTGRID_CELLS_MAX)
		cols = TEXTGRID_CELLS_MAX;
	if ((uint64_t)cols * rows > TEXTGRID_CELLS_MAX)
		rows = TEXTGRID_CELLS_MAX / cols;
	g->cols = cols;
	g->rows = rows;
	g->row = g->col = 0;
	memset(g->cell, ' ', (size_t)cols * rows);
	textgrid_touch_all(g);
}

void textgrid_resize(struct textgrid *g, uint32_t cols, uint32_t rows)
{
	static struct textgrid old;
	uint32_t keep, first, w;

	old = *g;
	textgrid_init(g, cols, rows);
	keep = old.row + 1 < g->rows ? old.row + 1 : g->rows;
	first = old.row + 1 - keep;
	w = old.cols < g->cols ? old.cols : g->cols;
	for (uint32_t r = 0; r < keep; r++)
		memcpy(&g->cell[r * g->cols], &old.cell[(first + r) * old.cols], w);
	g->row = keep - 1;
	g->col = old.col < g->cols ? old.col : g->cols - 1;
}

/* The cursor goes to the next line's start; at the bottom, everything moves up. */
static void newline(struct textgrid *g)
{
	g->col = 0;
	if (g->row + 1 < g->rows) {
		g->row++;
		return;
	}
	memmove(g->cell, g->cell + g->cols, (size_t)(g->rows - 1) * g->cols);
	memset(&g->cell[(g->rows - 1) * g->cols], ' ', g->cols);
	textgrid_touch_all(g);
}

static void put(struct textgrid *g, char ch)
{
	if (g->col == g->cols)
		newline(g);
	g->cell[g->row * g->cols + g->col] = ch;
	g->col++;
}

static void control(struct textgrid *g, char ch)
{
	switch (ch) {
	case '\r':
		g->col = 0;
		break;
	case '\n':
		newline(g);
		break;
	case '\b':
		if (g->col > 0)
			g->col--;
		break;
	case '\t':
		do
			put(g, ' ');
		while (g->col % TAB && g->col < g->cols);
		break;
	}
	/* Anything else (escape sequences, bell) does not show. */
}

void textgrid_write(struct textgrid *g, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		/* Where the cursor was is redrawn: it moves away from there. */
		touch(g, g->row);
		if (ch >= 0x20 && ch < 0x7f)
			put(g, (char)ch);
		else
			control(g, (char)ch);
		touch(g, g->row);
	}
}

bool textgrid_take_dirty(struct textgrid *g, uint32_t *first, uint32_t *end)
{
	if (g->dirty_first >= g->dirty_end)
		return false;
	*first = g->dirty_first;
	*end = g->dirty_end;
	g->dirty_first = g->dirty_end = 0;
	return true;
}
