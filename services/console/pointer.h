/*
 * The mouse pointer on the console's screen, drawn in software into the
 * display client's surface (so the same on std VGA, bochs-display and
 * virtio-gpu): where it is, clamped to the screen, from the pointer
 * drivers' relative motion (or shown by the display's hardware cursor,
 * for which pointer_argb makes the sprite) (<atxf/proto/input.h>: screen convention, y
 * grows down; ps2-mouse turned the PS/2 "dy positive is up" around), the
 * arrow sprite, and the pixels it covers, kept to put back when it moves.
 * Pure, tested on the host by tests/unit/test_console_pointer.c; screen.c
 * draws the text under it and flushes.
 */
#ifndef CONSOLE_POINTER_H
#define CONSOLE_POINTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define POINTER_W     12            /* the arrow sprite; its tip, the hot spot, at 0,0 */
#define POINTER_H     19
#define POINTER_BLACK 0x00000000u   /* outline */
#define POINTER_WHITE 0x00ffffffu   /* fill */
#define POINTER_OPAQUE 0xff000000u  /* alpha, for a hardware cursor's sprite */

/* A rectangle of the screen; w == 0 or h == 0 is empty. */
struct pointer_rect {
	uint32_t x, y, w, h;
};

/* 32 bpp pixels: row y starts at px + y * stride. */
struct pointer_fb {
	uint32_t *px;
	size_t stride;                      /* in pixels */
	uint32_t width, height;
};

struct pointer {
	int32_t x, y;                       /* the hot spot, always on the screen */
	int32_t dx, dy;                     /* motion of the event group not ended yet */
	bool shown;                         /* drawn at `at`; under holds what it covers */
	struct pointer_rect at;
	uint32_t under[POINTER_W * POINTER_H];  /* at.w x at.h, row by row */
};

/* The sprite's pixel: 'B' outline, 'W' fill, '.' see-through. */
char pointer_sprite(uint32_t x, uint32_t y);

/* The sprite for a hardware cursor: rows of `width` ARGB8888 pixels
 * (width x height of them, at least the sprite's size), opaque black and
 * white, see-through elsewhere; its hot spot at 0,0. */
void pointer_argb(uint32_t *px, uint32_t width, uint32_t height);

/* At the centre of a width x height screen, not drawn. */
void pointer_init(struct pointer *p, uint32_t width, uint32_t height);

/*
 * One input event (ATXF_EV_REL, ATXF_EV_SYN...): motion is summed until
 * the SYN that ends its group, which moves the hot spot, clamped to the
 * screen. True when that SYN changed the position.
 */
bool pointer_event(struct pointer *p, uint16_t type, uint16_t code, int32_t value,
		   uint32_t width, uint32_t height);

/* The part of the sprite at hot spot x,y that is on the screen. */
struct pointer_rect pointer_rect_at(int32_t x, int32_t y, uint32_t width, uint32_t height);

/* Keeps what the sprite will cover, then draws it there (if not shown yet). */
void pointer_show(struct pointer *p, const struct pointer_fb *fb);
/* Puts back what the sprite covered (if shown). */
void pointer_hide(struct pointer *p, const struct pointer_fb *fb);
/* The surface was replaced (another mode): nothing drawn, kept on the screen. */
void pointer_forget(struct pointer *p, uint32_t width, uint32_t height);

#endif
