/*
 * The display protocol (ATXF_PROTO_DISPLAY): linear framebuffers. Exercised
 * in QEMU by the framebuffer driver on the Bochs/std VGA (-vga std);
 * docs/protocols.md §7.
 *
 * A client draws into its own surface: a buffer it attaches with
 * ATTACH_BUFFER (caps[0] = a shared-memory handle) laid out as INFO says
 * (height rows of pitch bytes). FLUSH {x, y, w, h} asks the driver to copy
 * that rectangle to the screen. The client never touches the scanout memory,
 * so a misbehaving client can garble only its own picture.
 *
 * A driver with a hardware cursor (INFO flags ATXF_DISPLAY_HW_CURSOR, e.g.
 * virtio-gpu's cursor queue) shows a sprite over the screen that is never
 * part of it: SET_CURSOR takes a 64x64 ARGB8888 sprite from the attached
 * buffer, past the surface, and its hot spot; MOVE_CURSOR puts the hot spot
 * elsewhere. Without the flag both are -ATXF_ENOTSUP (bochs: the client
 * draws its pointer into its surface itself).
 */
#ifndef ATXF_PROTO_DISPLAY_H
#define ATXF_PROTO_DISPLAY_H

#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/proto/common.h>

enum atxf_pixel_format {
	ATXF_PIXEL_XRGB8888 = 0,    /* 32 bpp: blue in the lowest byte */
	ATXF_PIXEL_RGB565 = 1,      /* 16 bpp */
};

/* INFO's reply; also what a display driver's probe fills in (dev->info.display). */
struct atxf_display_info {
	uint32_t width;             /* pixels */
	uint32_t height;
	uint32_t pitch;             /* bytes per row, of the screen and of a client surface */
	uint32_t bpp;               /* bits per pixel */
	uint32_t format;            /* enum atxf_pixel_format */
	uint32_t flags;             /* ATXF_DISPLAY_HW_CURSOR */
};

#define ATXF_DISPLAY_HW_CURSOR  1u      /* SET_CURSOR and MOVE_CURSOR work */
#define ATXF_DISPLAY_CURSOR_W   64      /* the sprite: 64 rows of 64 ARGB8888 pixels */
#define ATXF_DISPLAY_CURSOR_H   64
#define ATXF_DISPLAY_CURSOR_BYTES (ATXF_DISPLAY_CURSOR_W * ATXF_DISPLAY_CURSOR_H * 4)

/* FLUSH: a rectangle, in pixels; it must lie within width x height. */
struct atxf_display_rect {
	uint32_t x, y;
	uint32_t w, h;              /* both > 0 */
};

/* SET_MODE: the screen's new size, at the driver's bpp; the reply is the
 * new INFO. A size the device cannot show: -ATXF_ERANGE, the mode unchanged.
 * Every client's surface then has the old layout: each sets its own up
 * again (ATTACH_BUFFER), or its FLUSH is refused with -ATXF_ERANGE. */
struct atxf_display_mode {
	uint32_t width;             /* pixels, > 0 */
	uint32_t height;
};

/* SET_CURSOR: the sprite at offset in the attached buffer (its alpha in
 * the top byte: 0 see-through, 0xff opaque), the hot spot within it
 * (< 64), and where the hot spot goes on the screen (within width x
 * height). Bad numbers: -ATXF_ERANGE, the cursor unchanged. */
struct atxf_display_cursor {
	uint64_t offset;            /* bytes into the buffer, ATXF_DISPLAY_CURSOR_BYTES of it */
	uint32_t hot_x, hot_y;
	uint32_t x, y;
};

/* MOVE_CURSOR: the hot spot's new place, within width x height; before a
 * SET_CURSOR, -ATXF_EPROTO. */
struct atxf_display_point {
	uint32_t x, y;
};

/* X(PROTO, NAME, n, dir, req_min, req_max, caps, reply): see proto/common.h. */
#define ATXF_DISPLAY_PROTOCOL(X)                                               \
	X(DISPLAY, INFO, 1, ATXF_TO_DRIVER, 0, 0, 0, sizeof(struct atxf_display_info)) \
	X(DISPLAY, ATTACH_BUFFER, 2, ATXF_TO_DRIVER, 0, 0, 1,                   \
	  sizeof(struct atxf_attach_reply))                                     \
	X(DISPLAY, FLUSH, 3, ATXF_TO_DRIVER, sizeof(struct atxf_display_rect),  \
	  sizeof(struct atxf_display_rect), 0, 0)                              \
	X(DISPLAY, SET_MODE, 4, ATXF_TO_DRIVER, sizeof(struct atxf_display_mode), \
	  sizeof(struct atxf_display_mode), 0, sizeof(struct atxf_display_info)) \
	X(DISPLAY, SET_CURSOR, 5, ATXF_TO_DRIVER, sizeof(struct atxf_display_cursor), \
	  sizeof(struct atxf_display_cursor), 0, 0)                            \
	X(DISPLAY, MOVE_CURSOR, 6, ATXF_TO_DRIVER, sizeof(struct atxf_display_point), \
	  sizeof(struct atxf_display_point), 0, 0)

enum { ATXF_DISPLAY_PROTOCOL(ATXF_PROTO_CODE_) };

_Static_assert(sizeof(struct atxf_display_info) == 24, "display INFO layout");
_Static_assert(sizeof(struct atxf_display_rect) == 16, "display FLUSH layout");
_Static_assert(sizeof(struct atxf_display_mode) == 8, "display SET_MODE layout");
_Static_assert(sizeof(struct atxf_display_cursor) == 24, "display SET_CURSOR layout");
_Static_assert(sizeof(struct atxf_display_point) == 8, "display MOVE_CURSOR layout");

#endif
