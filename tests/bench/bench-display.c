/*
 * bench-display.atxf: fill and flush of whole 1024x768 frames through the
 * display client, for `make bench` (tests/bench/run.py boots it with devmgr
 * and one display driver).
 *
 *   bench-display.atxf DRIVER FRAMES
 *
 * Asks DRIVER for 1024x768 (SET_MODE), then FRAMES times fills the whole
 * surface with another colour and FLUSHes all of it, and prints
 *   bench: display-DRIVER frames N ns T
 * (T the wall time of the N frames), or "bench: display-DRIVER n/a (why)".
 */
#include <stdio.h>
#include <stdlib.h>
#include <atxf/client/display.h>
#include <atxf/hw.h>
#include <atxf/sys.h>

#define OPEN_NS 30000000000ull
#define WIDTH   1024
#define HEIGHT  768

static void fill(struct atxf_display_client *d, uint32_t colour)
{
	for (uint32_t y = 0; y < d->info.height; y++) {
		uint32_t *row = (uint32_t *)((uint8_t *)d->surface.mem + (size_t)y * d->info.pitch);

		for (uint32_t x = 0; x < d->info.width; x++)
			row[x] = colour;
	}
}

int main(int argc, char **argv)
{
	struct atxf_display_client d;
	unsigned frames = argc > 2 ? (unsigned)atoi(argv[2]) : 0;
	uint64_t start;
	int err;

	if (argc != 3 || frames == 0) {
		printf("bench: display n/a (usage: bench-display.atxf DRIVER FRAMES)\n");
		return 1;
	}
	err = atxf_display_client_open(&d, argv[1], OPEN_NS);
	if (!err)
		err = atxf_display_client_set_mode(&d, WIDTH, HEIGHT);
	if (err) {
		printf("bench: display-%s n/a (%s)\n", argv[1], atxf_strerror(err));
		return 1;
	}
	start = atxf_time_ns();
	for (unsigned f = 0; f < frames && !err; f++) {
		fill(&d, 0x00010203u * f);
		err = atxf_display_client_flush(&d, 0, 0, d.info.width, d.info.height);
	}
	if (err) {
		printf("bench: display-%s n/a (FLUSH: %s)\n", argv[1], atxf_strerror(err));
		return 1;
	}
	printf("bench: display-%s frames %u ns %llu\n", argv[1], frames,
	       (unsigned long long)(atxf_time_ns() - start));
	return 0;
}
