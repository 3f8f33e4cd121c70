/*
 * The boot screen (lib/bootscreen.h). Text rows of the font's height,
 * columns of its width; a line longer than a row goes on in the next one,
 * and when the last row is full everything moves up a row. The font is
 * build/kernel/bootfont.psf, linked in by lib/bootfont.S.
 */
#include <atxf/errors.h>
#include <atxf/psf.h>
#include "core/bootinfo.h"
#include "lib/bootscreen.h"
#include "lib/console.h"
#include "lib/log.h"
#include "lib/logring.h"
#include "lib/string.h"
#include "mm/kva.h"
#include "mm/vm.h"
#include "proc/process.h"

#define WHITE 0x00ffffffu           /* the same in any 8:8:8 channel order */
#define BLACK 0u

extern const uint8_t bootfont_start[], bootfont_end[];

static struct {
	volatile uint8_t *fb;       /* NULL: no boot screen (any more) */
	uint32_t pitch, width, height;
	struct atxf_psf_font font;
	uint32_t cols, rows;
	uint32_t row, col;          /* where the next character goes */
} bs;

static void draw_char(char c)
{
	const uint8_t *g = atxf_psf_glyph(&bs.font, c);
	uint32_t x0 = bs.col * bs.font.width, y0 = bs.row * bs.font.height;

	for (uint32_t y = 0; y < bs.font.height; y++) {
		volatile uint32_t *px = (volatile uint32_t *)(bs.fb + (y0 + y) * bs.pitch) + x0;

		for (uint32_t x = 0; x < bs.font.width; x++)
			px[x] = atxf_psf_pixel(&bs.font, g, x, y) ? WHITE : BLACK;
	}
}

static void clear_rows(uint32_t first, uint32_t n)
{
	for (uint32_t y = first * bs.font.height; y < (first + n) * bs.font.height; y++) {
		volatile uint32_t *px = (volatile uint32_t *)(bs.fb + y * bs.pitch);

		for (uint32_t x = 0; x < bs.width; x++)
			px[x] = BLACK;
	}
}

static void next_row(void)
{
	bs.col = 0;
	if (++bs.row < bs.rows)
		return;
	memmove((void *)bs.fb, (const void *)(bs.fb + bs.font.height * bs.pitch),
		(size_t)(bs.rows - 1) * bs.font.height * bs.pitch);
	bs.row = bs.rows - 1;
	clear_rows(bs.row, 1);
}

void bootscreen_line_locked(const char *line, size_t n)
{
	if (!bs.fb)
		return;
	for (size_t i = 0; i < n && line[i] != '\n'; i++) {
		if (bs.col == bs.cols)
			next_row();
		draw_char(line[i]);
		bs.col++;
	}
	next_row();
}

static int usable(const struct boot_fb *fb)
{
	return fb->paddr && fb->bpp == 32 && fb->width && fb->height &&
	       fb->pitch >= fb->width * 4;
}

void bootscreen_init(void)
{
	const struct boot_fb *fb = &boot_info.fb;
	uint64_t flags;

	if (!usable(fb))
		return;
	if (atxf_psf_open(&bs.font, bootfont_start, (size_t)(bootfont_end - bootfont_start))) {
		klog("bootscreen: the built-in font is not PSF2: no boot screen");
		return;
	}
	bs.pitch = fb->pitch;
	bs.width = fb->width;
	bs.height = fb->height;
	bs.cols = fb->width / bs.font.width;
	bs.rows = fb->height / bs.font.height;
	flags = console_lock();
	bs.fb = kva_map_phys(fb->paddr, (uint64_t)fb->pitch * fb->height,
			     VM_WRITE | VM_WRITE_COMBINING);
	if (bs.fb) {
		clear_rows(0, bs.rows);
		logring_replay_locked(bootscreen_line_locked);
	}
	console_unlock(flags);
	if (!bs.fb) {
		klog("bootscreen: cannot map the framebuffer: no boot screen");
		return;
	}
	klog("bootscreen: %ux%u, %ux%u text in a %ux%u font: kernel lines shown here until a "
	     "driver maps the framebuffer", fb->width, fb->height, bs.cols, bs.rows,
	     bs.font.width, bs.font.height);
}

void bootscreen_mapped(const struct process *p, uint64_t pa, uint64_t len)
{
	const struct boot_fb *fb = &boot_info.fb;
	uint64_t size = (uint64_t)fb->pitch * fb->height, flags;
	volatile uint8_t *was;

	if (!bs.fb || pa >= fb->paddr + size || pa + len <= fb->paddr)
		return;
	flags = console_lock();
	was = bs.fb;
	bs.fb = NULL;
	console_unlock(flags);
	if (!was)
		return;
	kva_unmap_phys((void *)was, size);
	klog("bootscreen: %s pid %u maps the framebuffer: kernel lines go to the serial line "
	     "only", p->name, p->pid);
}
