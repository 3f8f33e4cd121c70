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
	uint32_t reserved;
};

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

/* X(PROTO, NAME, n, dir, req_min, req_max, caps, reply): see proto/common.h. */
#define ATXF_DISPLAY_PROTOCOL(X)                                               \
	X(DISPLAY, INFO, 1, ATXF_TO_DRIVER, 0, 0, 0, sizeof(struct atxf_display_info)) \
	X(DISPLAY, ATTACH_BUFFER, 2, ATXF_TO_DRIVER, 0, 0, 1,                   \
	  sizeof(struct atxf_attach_reply))                                     \
	X(DISPLAY, FLUSH, 3, ATXF_TO_DRIVER, sizeof(struct atxf_display_rect),  \
	  sizeof(struct atxf_display_rect), 0, 0)                              \
	X(DISPLAY, SET_MODE, 4, ATXF_TO_DRIVER, sizeof(struct atxf_display_mode), \
	  sizeof(struct atxf_display_mode), 0, sizeof(struct atxf_display_info))

enum { ATXF_DISPLAY_PROTOCOL(ATXF_PROTO_CODE_) };

_Static_assert(sizeof(struct atxf_display_info) == 24, "display INFO layout");
_Static_assert(sizeof(struct atxf_display_rect) == 16, "display FLUSH layout");
_Static_assert(sizeof(struct atxf_display_mode) == 8, "display SET_MODE layout");

#endif
