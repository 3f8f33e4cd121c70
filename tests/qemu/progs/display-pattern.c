/*
 * display-pattern.atxf: draws a pattern through the display class client
 * (<atxf/client/display.h>) for the display scenarios.
 *
 *   display-pattern.atxf DRIVER [WIDTH HEIGHT]
 *
 * It opens DRIVER's display, asks for WIDTH x HEIGHT (SET_MODE) if given,
 * fills its surface with pixel (x, y) = red (3 x) & 255, green (5 y) & 255,
 * blue (x ^ y) & 255 (the check computes the same on the host), FLUSHes
 * the whole screen and logs
 *   display-pattern: drew WxH (pitch P) on INSTANCE
 * then stays, so the picture stays; "display-pattern: FAIL: ..." and exit
 * 1 if something is refused. With an impossible size it logs the refusal
 *   display-pattern: mode WxH refused: ERR
 * and goes on in the mode it had.
 */
#include <stdint.h>
#include <stdlib.h>
#include <atxf/client/display.h>
#include <atxf/errors.h>
#include <atxf/log.h>
#include <atxf/sys.h>

#define OPEN_NS 60000000000ull

static uint32_t pattern(uint32_t x, uint32_t y)
{
	return ((3 * x) & 0xff) << 16 | ((5 * y) & 0xff) << 8 | ((x ^ y) & 0xff);
}

static void draw(struct atxf_display_client *d)
{
	for (uint32_t y = 0; y < d->info.height; y++) {
		uint32_t *row = (uint32_t *)((uint8_t *)d->surface.mem + (size_t)y * d->info.pitch);

		for (uint32_t x = 0; x < d->info.width; x++)
			row[x] = pattern(x, y);
	}
}

static int fail(const char *what, int err)
{
	atxf_log("display-pattern: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

int main(int argc, char **argv)
{
	struct atxf_display_client d;
	int err;

	if (argc != 2 && argc != 4)
		return fail("usage: display-pattern.atxf DRIVER [WIDTH HEIGHT]", -ATXF_EINVAL);
	err = atxf_display_client_open(&d, argv[1], OPEN_NS);
	if (err < 0)
		return fail("opening the display", err);
	if (argc == 4) {
		uint32_t w = (uint32_t)atoi(argv[2]), h = (uint32_t)atoi(argv[3]);

		err = atxf_display_client_set_mode(&d, w, h);
		if (err < 0)
			atxf_log("display-pattern: mode %ux%u refused: %s\n", w, h, atxf_strerror(err));
	}
	if (d.info.bpp != 32)
		return fail("not a 32 bpp screen", -ATXF_ENOTSUP);
	draw(&d);
	err = atxf_display_client_flush(&d, 0, 0, d.info.width, d.info.height);
	if (err < 0)
		return fail("FLUSH", err);
	atxf_log("display-pattern: drew %ux%u (pitch %u) on %s\n", d.info.width, d.info.height,
		 d.info.pitch, d.conn.name);
	for (;;)
		atxf_sleep_ns(1000000000ull);
}
