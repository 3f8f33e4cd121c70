/* The boot framebuffer (<atxf/hw.h>): SYS_MAP_FRAMEBUFFER. */
#include <atxf/hw.h>
#include "trap.h"

void *atxf_fb_map(struct atxf_fb_info *info)
{
	long addr = sys_MAP_FRAMEBUFFER(ATXF_PTR(info));

	return addr < 0 ? NULL : (void *)(uintptr_t)addr;
}
