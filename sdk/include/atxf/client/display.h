/*
 * The display class client (docs/protocols.md §7 and §11): the client
 * draws into its own surface and FLUSHes rectangles of it to the screen,
 * across the driver's restarts. The surface is the client's memory, so a
 * restart loses none of the picture; the library attaches it to the new
 * generation and flushes it whole once, so the screen shows it again.
 * A new generation in another mode is asked for the client's mode first.
 */
#ifndef ATXF_CLIENT_DISPLAY_H
#define ATXF_CLIENT_DISPLAY_H

#include <stdint.h>
#include <atxf/client/buffer.h>
#include <atxf/client/conn.h>
#include <atxf/proto/display.h>

struct atxf_display_client {
	struct atxf_conn conn;              /* first: the replay finds the client from it */
	struct atxf_display_info info;      /* the screen's geometry */
	struct atxf_client_buffer surface;  /* height rows of pitch bytes, then the cursor sprite */
	struct atxf_display_cursor cursor;  /* the last SET_CURSOR, moved; replayed */
	int cursor_set;                     /* a SET_CURSOR has succeeded */
};

/* Opens the display and maps a surface laid out as its screen. */
int atxf_display_client_open(struct atxf_display_client *d, const char *name,
			     uint64_t timeout_ns);

/* Pixels start at d->surface.mem; FLUSH a rectangle of them to the screen. */
int atxf_display_client_flush(struct atxf_display_client *d, uint32_t x, uint32_t y, uint32_t w,
			      uint32_t h);

/*
 * Asks the driver for another mode (SET_MODE) and sets a surface of the
 * new layout up in place of the old one; the picture is lost, the new
 * surface is black. A driver restarted later is asked for this mode again
 * by the replay. The driver's error (-ATXF_ERANGE: a size it cannot show)
 * leaves the client as it was.
 */
int atxf_display_client_set_mode(struct atxf_display_client *d, uint32_t width,
				 uint32_t height);

/*
 * The hardware cursor (info.flags & ATXF_DISPLAY_HW_CURSOR): the client
 * draws the 64x64 ARGB8888 sprite at atxf_display_client_sprite(d), then
 * SET_CURSOR sends it with its hot spot and the hot spot's place; MOVE
 * moves it. A restarted driver gets both again (the replay), and a new
 * mode keeps the sprite (the client sets it again where it fits).
 */
uint32_t *atxf_display_client_sprite(struct atxf_display_client *d);
int atxf_display_client_set_cursor(struct atxf_display_client *d, uint32_t hot_x,
				   uint32_t hot_y, uint32_t x, uint32_t y);
int atxf_display_client_move_cursor(struct atxf_display_client *d, uint32_t x, uint32_t y);

void atxf_display_client_close(struct atxf_display_client *d);

#endif
