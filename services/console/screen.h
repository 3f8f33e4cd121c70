/*
 * The console on a display (docs/console.md "The screen"): the terminal's
 * text drawn in a PSF2 font (console-setup's Terminus, font.S) into the
 * surface of a display class client (<atxf/client/display.h>) and FLUSHed
 * row by row, with the mouse pointer drawn over it (pointer.h), or shown
 * by the display's hardware cursor when it has one (virtio-gpu). The client library follows the display driver's restarts,
 * so the screen comes back with the same text.
 */
#ifndef CONSOLE_SCREEN_H
#define CONSOLE_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <atxf/client/display.h>
#include <atxf/psf.h>
#include "pointer.h"
#include "textgrid.h"

struct screen {
	bool open;
	struct atxf_display_client d;
	struct atxf_psf_font font;
	struct textgrid grid;
	struct pointer pointer;             /* drawn over the text (pointer.h) */
	bool hw_cursor;                     /* the display shows it (SET_CURSOR), not us */
};

/* Opens the display instance and clears it: 0 or -ATXF_E*. */
int screen_open(struct screen *s, const char *instance);
/* Terminal bytes (CR LF line ends) onto the screen. */
void screen_write(struct screen *s, const char *buf, size_t n);
/* Draws and FLUSHes every row again. */
void screen_redraw(struct screen *s);
/* Another mode (SET_MODE); the text is kept, as much as fits. */
int screen_set_mode(struct screen *s, uint32_t width, uint32_t height);

/* A pointer driver's event: the pointer moves at the end of each group. */
void screen_pointer_event(struct screen *s, uint16_t type, uint16_t code, int32_t value);

#endif
