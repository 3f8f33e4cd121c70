/*
 * The fake boot framebuffer: memory the test sets up and inspects, handed
 * to code that holds an ATXF_CAP_FRAMEBUFFER capability, as the kernel's
 * SYS_MAP_FRAMEBUFFER does.
 */
#include <stdlib.h>
#include <string.h>
#include "fake_internal.h"

static void *fb;
static struct atxf_fb_info geometry;

void __atxf_fake_reset_fb(void)
{
	free(fb);
	fb = NULL;
	memset(&geometry, 0, sizeof(geometry));
}

void *atxf_fake_framebuffer(uint32_t width, uint32_t height, uint32_t bpp)
{
	uint64_t pitch = (uint64_t)width * bpp / 8;

	__atxf_fake_reset_fb();
	if (width == 0 || height == 0 || bpp == 0 || bpp % 8 != 0 ||
	    pitch * height > (256u << 20)) {
		__atxf_fake_note("atxf_fake_framebuffer(%u, %u, %u): bad geometry",
				 width, height, bpp);
		return NULL;
	}
	fb = calloc(1, pitch * height);
	geometry = (struct atxf_fb_info){ .width = width, .height = height,
					  .pitch = (uint32_t)pitch, .bpp = bpp };
	return fb;
}

static int has_framebuffer_cap(uint64_t *paddr)
{
	struct atxf_cap_info info;

	for (atxf_handle_t h = 0; h < ATXF_MAX_HANDLES; h++) {
		if (atxf_cap_query(h, &info) == 0 && info.kind == ATXF_CAP_FRAMEBUFFER) {
			*paddr = info.base;
			return 1;
		}
	}
	return 0;
}

void *atxf_fb_map(struct atxf_fb_info *info)
{
	uint64_t paddr;

	if (!has_framebuffer_cap(&paddr)) {
		__atxf_fake_note("atxf_fb_map: no ATXF_CAP_FRAMEBUFFER capability");
		return NULL;
	}
	if (fb == NULL) {
		__atxf_fake_note("atxf_fb_map: no framebuffer (atxf_fake_framebuffer)");
		return NULL;
	}
	*info = geometry;
	info->paddr = paddr;
	return fb;
}
