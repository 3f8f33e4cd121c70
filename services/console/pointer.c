/* The console's software mouse pointer (pointer.h). */
#include <atxf/proto/input.h>
#include "pointer.h"

/* An arrow drawn for ATXF: black outline, white fill, tip at the top left. */
static const char sprite[POINTER_H][POINTER_W + 1] = {
	"B...........",
	"BB..........",
	"BWB.........",
	"BWWB........",
	"BWWWB.......",
	"BWWWWB......",
	"BWWWWWB.....",
	"BWWWWWWB....",
	"BWWWWWWWB...",
	"BWWWWWWWWB..",
	"BWWWWWWWWWB.",
	"BWWWWWWBBBBB",
	"BWWWBWWB....",
	"BWWBBWWB....",
	"BWB..BWWB...",
	"BB...BWWB...",
	"B.....BWWB..",
	"......BWWB..",
	".......BB...",
};

char pointer_sprite(uint32_t x, uint32_t y)
{
	return x < POINTER_W && y < POINTER_H ? sprite[y][x] : '.';
}

void pointer_argb(uint32_t *px, uint32_t width, uint32_t height)
{
	for (uint32_t y = 0; y < height; y++)
		for (uint32_t x = 0; x < width; x++) {
			char c = pointer_sprite(x, y);

			px[y * width + x] = c == '.' ? 0 : POINTER_OPAQUE |
				(c == 'B' ? POINTER_BLACK : POINTER_WHITE);
		}
}

void pointer_init(struct pointer *p, uint32_t width, uint32_t height)
{
	p->x = (int32_t)(width / 2);
	p->y = (int32_t)(height / 2);
	p->dx = p->dy = 0;
	p->shown = false;
}

static int32_t clamp(int64_t v, uint32_t size)
{
	if (v < 0 || size == 0)
		return 0;
	return v >= size ? (int32_t)(size - 1) : (int32_t)v;
}

/* Motion summed without overflow: a huge group only pins the pointer to an edge. */
static int32_t sum(int32_t a, int32_t b)
{
	int64_t v = (int64_t)a + b;

	return v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : (int32_t)v;
}

bool pointer_event(struct pointer *p, uint16_t type, uint16_t code, int32_t value,
		   uint32_t width, uint32_t height)
{
	int32_t x = p->x, y = p->y;

	if (type == ATXF_EV_REL && code == ATXF_REL_X) {
		p->dx = sum(p->dx, value);
	} else if (type == ATXF_EV_REL && code == ATXF_REL_Y) {
		p->dy = sum(p->dy, value);
	} else if (type == ATXF_EV_SYN) {
		p->x = clamp((int64_t)p->x + p->dx, width);
		p->y = clamp((int64_t)p->y + p->dy, height);
		p->dx = p->dy = 0;
		return p->x != x || p->y != y;
	}
	return false;
}

struct pointer_rect pointer_rect_at(int32_t x, int32_t y, uint32_t width, uint32_t height)
{
	struct pointer_rect r = { 0, 0, 0, 0 };

	if (x < 0 || y < 0 || (uint32_t)x >= width || (uint32_t)y >= height)
		return r;
	r.x = (uint32_t)x;
	r.y = (uint32_t)y;
	r.w = width - r.x < POINTER_W ? width - r.x : POINTER_W;
	r.h = height - r.y < POINTER_H ? height - r.y : POINTER_H;
	return r;
}

static uint32_t *fb_row(const struct pointer_fb *fb, uint32_t y)
{
	return fb->px + (size_t)y * fb->stride;
}

void pointer_show(struct pointer *p, const struct pointer_fb *fb)
{
	if (p->shown)
		return;
	p->at = pointer_rect_at(p->x, p->y, fb->width, fb->height);
	for (uint32_t y = 0; y < p->at.h; y++) {
		uint32_t *px = fb_row(fb, p->at.y + y) + p->at.x;

		for (uint32_t x = 0; x < p->at.w; x++) {
			char c = sprite[y][x];

			p->under[y * p->at.w + x] = px[x];
			if (c != '.')
				px[x] = c == 'B' ? POINTER_BLACK : POINTER_WHITE;
		}
	}
	p->shown = true;
}

void pointer_hide(struct pointer *p, const struct pointer_fb *fb)
{
	if (!p->shown)
		return;
	for (uint32_t y = 0; y < p->at.h; y++) {
		uint32_t *px = fb_row(fb, p->at.y + y) + p->at.x;

		for (uint32_t x = 0; x < p->at.w; x++)
			px[x] = p->under[y * p->at.w + x];
	}
	p->shown = false;
}

void pointer_forget(struct pointer *p, uint32_t width, uint32_t height)
{
	p->shown = false;
	p->x = clamp(p->x, width);
	p->y = clamp(p->y, height);
}
