/*
 * The console screen's text grid (services/console/textgrid.c): what
 * terminal bytes do to the cells, the cursor and the rows to redraw.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "textgrid.h"

static struct textgrid g;

static void put(const char *s)
{
	textgrid_write(&g, s, strlen(s));
}

/* Row r's cells as a string, trailing blanks cut. */
static const char *row(uint32_t r)
{
	static char buf[256];
	size_t n = g.cols;

	memcpy(buf, &g.cell[r * g.cols], n);
	while (n && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	return buf;
}

static void clean(void)
{
	uint32_t a, b;

	textgrid_take_dirty(&g, &a, &b);
}

static void text_cr_lf_and_backspace(void **state)
{
	(void)state;
	textgrid_init(&g, 10, 3);
	put("atxf> fixx\b \bed");
	assert_string_equal(row(0), "atxf> fixe");
	assert_string_equal(row(1), "d");
	assert_int_equal(g.row, 1);
	assert_int_equal(g.col, 1);
	put("\r\nok\tx\x1b");
	assert_string_equal(row(2), "ok      x");
	assert_int_equal(g.col, 9);
}

static void scrolls_at_the_bottom(void **state)
{
	uint32_t first, end;

	(void)state;
	textgrid_init(&g, 8, 2);
	put("one\r\ntwo");
	clean();
	put("\r\nthree");
	assert_string_equal(row(0), "two");
	assert_string_equal(row(1), "three");
	assert_true(textgrid_take_dirty(&g, &first, &end));
	assert_int_equal(first, 0);
	assert_int_equal(end, 2);
	assert_false(textgrid_take_dirty(&g, &first, &end));
}

static void only_the_cursor_rows_are_dirty(void **state)
{
	uint32_t first, end;

	(void)state;
	textgrid_init(&g, 8, 5);
	put("a\r\nb\r\nc");
	clean();
	put("d\r\n");
	assert_true(textgrid_take_dirty(&g, &first, &end));
	assert_int_equal(first, 2);
	assert_int_equal(end, 4);
}

static void resize_keeps_the_text_up_to_the_cursor(void **state)
{
	(void)state;
	textgrid_init(&g, 10, 4);
	put("0123456789\r\nline two\r\nline three\r\n> ");
	textgrid_resize(&g, 6, 2);
	assert_string_equal(row(0), "line t");
	assert_string_equal(row(1), ">");
	assert_int_equal(g.row, 1);
	assert_int_equal(g.col, 2);
	textgrid_resize(&g, 20, 10);
	assert_string_equal(row(0), "line t");
	assert_int_equal(g.row, 1);
}

static void clamped_to_the_cell_store(void **state)
{
	(void)state;
	textgrid_init(&g, 1000, 1000);
	assert_true((uint64_t)g.cols * g.rows <= TEXTGRID_CELLS_MAX);
	assert_int_equal(g.cols, 1000);
	textgrid_init(&g, 0, 0);
	assert_int_equal(g.cols, 1);
	assert_int_equal(g.rows, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_cr_lf_and_backspace),
		cmocka_unit_test(scrolls_at_the_bottom),
		cmocka_unit_test(only_the_cursor_rows_are_dirty),
		cmocka_unit_test(resize_keeps_the_text_up_to_the_cursor),
		cmocka_unit_test(clamped_to_the_cell_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
