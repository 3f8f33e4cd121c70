/*
 * The console's software mouse pointer (services/console/pointer.c): its
 * position from relative motion (screen convention, clamped, summed until
 * the SYN), the rectangle it covers at the screen's edges, and the pixels
 * under it put back when it moves.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/proto/input.h>
#include "pointer.h"

#define W 64
#define H 48

static uint32_t px[H * W];
static const struct pointer_fb fb = { px, W, W, H };
static struct pointer p;

static void move(int32_t dx, int32_t dy)
{
	pointer_event(&p, ATXF_EV_REL, ATXF_REL_X, dx, W, H);
	pointer_event(&p, ATXF_EV_REL, ATXF_REL_Y, dy, W, H);
	pointer_event(&p, ATXF_EV_SYN, 0, 0, W, H);
}

/* Every pixel a different value: what was under the pointer is known. */
static void pattern(void)
{
	for (uint32_t i = 0; i < W * H; i++)
		px[i] = 0x00100000u + i;
}

static bool is_pattern(void)
{
	for (uint32_t i = 0; i < W * H; i++)
		if (px[i] != 0x00100000u + i)
			return false;
	return true;
}

/* The sprite's pixel at sprite x,y drawn with the hot spot at hx,hy. */
static void assert_sprite_at(int32_t hx, int32_t hy)
{
	for (uint32_t y = 0; y < H; y++)
		for (uint32_t x = 0; x < W; x++) {
			char c = pointer_sprite((uint32_t)((int32_t)x - hx), (uint32_t)((int32_t)y - hy));
			uint32_t want = (int32_t)x < hx || (int32_t)y < hy || c == '.' ?
					0x00100000u + y * W + x :
					c == 'B' ? POINTER_BLACK : POINTER_WHITE;

			assert_int_equal(px[y * W + x], want);
		}
}

static void starts_at_the_centre_and_follows_the_screen_convention(void **state)
{
	(void)state;
	pointer_init(&p, W, H);
	assert_int_equal(p.x, W / 2);
	assert_int_equal(p.y, H / 2);
	assert_false(p.shown);
	move(5, -3);                        /* right and up: y shrinks */
	assert_int_equal(p.x, W / 2 + 5);
	assert_int_equal(p.y, H / 2 - 3);
	move(-7, 9);
	assert_int_equal(p.x, W / 2 - 2);
	assert_int_equal(p.y, H / 2 + 6);
}

static void moves_only_at_the_end_of_a_group(void **state)
{
	(void)state;
	pointer_init(&p, W, H);
	assert_false(pointer_event(&p, ATXF_EV_REL, ATXF_REL_X, 3, W, H));
	assert_false(pointer_event(&p, ATXF_EV_REL, ATXF_REL_X, 4, W, H));
	assert_false(pointer_event(&p, ATXF_EV_REL, ATXF_REL_WHEEL, 9, W, H));
	assert_false(pointer_event(&p, ATXF_EV_BUTTON, ATXF_BTN_LEFT, 1, W, H));
	assert_int_equal(p.x, W / 2);
	assert_true(pointer_event(&p, ATXF_EV_SYN, 0, 0, W, H));
	assert_int_equal(p.x, W / 2 + 7);
	assert_int_equal(p.y, H / 2);
	/* A group with buttons only, or motion that runs into an edge it
	 * already is at, leaves it where it was: nothing to redraw. */
	assert_false(pointer_event(&p, ATXF_EV_BUTTON, ATXF_BTN_LEFT, 0, W, H));
	assert_false(pointer_event(&p, ATXF_EV_SYN, 0, 0, W, H));
	move(0, -1000);
	assert_false(pointer_event(&p, ATXF_EV_REL, ATXF_REL_Y, -1, W, H));
	assert_false(pointer_event(&p, ATXF_EV_SYN, 0, 0, W, H));
}

static void clamped_to_the_screen(void **state)
{
	(void)state;
	pointer_init(&p, W, H);
	move(-1000, -1000);
	assert_int_equal(p.x, 0);
	assert_int_equal(p.y, 0);
	move(1000, 1000);
	assert_int_equal(p.x, W - 1);
	assert_int_equal(p.y, H - 1);
	/* Sums that would overflow an int32 still only pin it to the edge. */
	pointer_event(&p, ATXF_EV_REL, ATXF_REL_X, INT32_MIN, W, H);
	pointer_event(&p, ATXF_EV_REL, ATXF_REL_X, INT32_MIN, W, H);
	pointer_event(&p, ATXF_EV_REL, ATXF_REL_Y, INT32_MAX, W, H);
	pointer_event(&p, ATXF_EV_REL, ATXF_REL_Y, INT32_MAX, W, H);
	pointer_event(&p, ATXF_EV_SYN, 0, 0, W, H);
	assert_int_equal(p.x, 0);
	assert_int_equal(p.y, H - 1);
	/* Another mode, smaller: kept on it. */
	pointer_forget(&p, 20, 10);
	assert_int_equal(p.x, 0);
	assert_int_equal(p.y, 9);
}

static void the_rectangle_is_cut_at_the_edges(void **state)
{
	struct pointer_rect r;

	(void)state;
	r = pointer_rect_at(10, 20, W, H);
	assert_int_equal(r.x, 10);
	assert_int_equal(r.y, 20);
	assert_int_equal(r.w, POINTER_W);
	assert_int_equal(r.h, POINTER_H);
	r = pointer_rect_at(W - 5, H - 1, W, H);
	assert_int_equal(r.x, W - 5);
	assert_int_equal(r.y, H - 1);
	assert_int_equal(r.w, 5);
	assert_int_equal(r.h, 1);
	r = pointer_rect_at(W, 0, W, H);
	assert_int_equal(r.w, 0);
	r = pointer_rect_at(0, -1, W, H);
	assert_int_equal(r.h, 0);
}

static void drawn_over_and_put_back(void **state)
{
	(void)state;
	pattern();
	pointer_init(&p, W, H);
	pointer_show(&p, &fb);
	assert_true(p.shown);
	assert_sprite_at(W / 2, H / 2);
	pointer_show(&p, &fb);              /* twice: the saved pixels stay the real ones */
	pointer_hide(&p, &fb);
	assert_false(p.shown);
	assert_true(is_pattern());
	pointer_hide(&p, &fb);              /* not shown: nothing to put back */
	assert_true(is_pattern());
}

static void drawn_at_the_edges(void **state)
{
	(void)state;
	pattern();
	pointer_init(&p, W, H);
	move(1000, 1000);                   /* bottom right: one pixel of it shows */
	pointer_show(&p, &fb);
	assert_sprite_at(W - 1, H - 1);
	assert_int_equal(p.at.w, 1);
	assert_int_equal(p.at.h, 1);
	pointer_hide(&p, &fb);
	assert_true(is_pattern());
	move(-1000, -4);                    /* left edge, cut at the bottom */
	pointer_show(&p, &fb);
	assert_sprite_at(0, H - 5);
	assert_int_equal(p.at.h, 5);
	pointer_hide(&p, &fb);
	move(W - 7, -1000);                 /* top, cut at the right */
	pointer_show(&p, &fb);
	assert_sprite_at(W - 7, 0);
	assert_int_equal(p.at.w, 7);
	assert_int_equal(p.at.h, POINTER_H);
	pointer_hide(&p, &fb);
	assert_true(is_pattern());
}

/* What screen.c does when text is drawn under it: off, new pixels, on. */
static void text_drawn_under_it_is_kept_under_it(void **state)
{
	(void)state;
	pattern();
	pointer_init(&p, W, H);
	pointer_show(&p, &fb);
	pointer_hide(&p, &fb);
	for (uint32_t i = 0; i < W * H; i++)
		px[i] += 1;
	pointer_show(&p, &fb);
	move(-20, -20);
	pointer_hide(&p, &fb);
	for (uint32_t i = 0; i < W * H; i++)
		assert_int_equal(px[i], 0x00100001u + i);
}

static void the_sprite_is_an_outlined_arrow(void **state)
{
	(void)state;
	assert_int_equal(pointer_sprite(0, 0), 'B');
	assert_int_equal(pointer_sprite(1, 0), '.');
	assert_int_equal(pointer_sprite(1, 2), 'W');
	assert_int_equal(pointer_sprite(POINTER_W, 0), '.');
	assert_int_equal(pointer_sprite(0, POINTER_H), '.');
	/* Every fill pixel has only outline or fill beside it: the white never
	 * touches what is under the pointer. */
	for (uint32_t y = 0; y < POINTER_H; y++)
		for (uint32_t x = 0; x < POINTER_W; x++) {
			if (pointer_sprite(x, y) != 'W')
				continue;
			assert_int_not_equal(pointer_sprite(x - 1, y), '.');
			assert_int_not_equal(pointer_sprite(x + 1, y), '.');
			assert_int_not_equal(pointer_sprite(x, y - 1), '.');
			assert_int_not_equal(pointer_sprite(x, y + 1), '.');
		}
}

/* The hardware cursor's 64x64 sprite: the same arrow, opaque, see-through
 * (alpha 0) everywhere else, the previous contents of the buffer gone. */
static void the_argb_sprite_is_the_arrow_with_alpha(void **state)
{
	static uint32_t argb[64 * 64];

	(void)state;
	memset(argb, 0x5a, sizeof(argb));
	pointer_argb(argb, 64, 64);
	for (uint32_t y = 0; y < 64; y++)
		for (uint32_t x = 0; x < 64; x++) {
			char c = pointer_sprite(x, y);
			uint32_t want = c == 'B' ? 0xff000000u : c == 'W' ? 0xffffffffu : 0;

			assert_int_equal(argb[y * 64 + x], want);
		}
	assert_int_equal(argb[0], 0xff000000u);             /* the tip: the hot spot */
	assert_int_equal(argb[2 * 64 + 1], 0xffffffffu);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(starts_at_the_centre_and_follows_the_screen_convention),
		cmocka_unit_test(moves_only_at_the_end_of_a_group),
		cmocka_unit_test(clamped_to_the_screen),
		cmocka_unit_test(the_rectangle_is_cut_at_the_edges),
		cmocka_unit_test(drawn_over_and_put_back),
		cmocka_unit_test(drawn_at_the_edges),
		cmocka_unit_test(text_drawn_under_it_is_kept_under_it),
		cmocka_unit_test(the_sprite_is_an_outlined_arrow),
		cmocka_unit_test(the_argb_sprite_is_the_arrow_with_alpha),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
