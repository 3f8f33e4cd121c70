/*
 * Copies the multiboot information into boot_info (core/bootinfo.h). Runs
 * on the boot page tables, where all of the low 4 GiB (and so every 32-bit
 * multiboot address) is identity-mapped.
 */
#include <atxf/errors.h>
#include "arch/x86_64/memlayout.h"
#include "arch/x86_64/multiboot.h"
#include "core/bootinfo.h"
#include "lib/string.h"

static const char *mb_string(uint32_t pa)
{
	return pa ? phys_to_virt(pa) : "";
}

static void copy_mmap(const struct multiboot_info *mbi)
{
	uint64_t pos = mbi->mmap_addr, end = pos + mbi->mmap_length;

	while (pos < end && boot_info.nmem < BOOT_MAX_REGIONS) {
		const struct multiboot_mmap_entry *e = phys_to_virt(pos);
		struct boot_region *r = &boot_info.mem[boot_info.nmem++];

		r->base = e->addr;
		r->len = e->len;
		r->type = e->type;
		pos += e->size + sizeof(e->size);
	}
}

static void copy_modules(const struct multiboot_info *mbi)
{
	const struct multiboot_mod *m = phys_to_virt(mbi->mods_addr);

	for (uint32_t i = 0; i < mbi->mods_count && i < BOOT_MAX_MODULES; i++) {
		struct boot_module *bm = &boot_info.mods[boot_info.nmods++];

		bm->start = m[i].mod_start;
		bm->end = m[i].mod_end;
		strlcpy(bm->name, mb_string(m[i].string), sizeof(bm->name));
	}
}

/* A linear RGB framebuffer the loader set up, for SYS_MAP_FRAMEBUFFER. */
static void copy_framebuffer(const struct multiboot_info *mbi)
{
	if (!(mbi->flags & MBI_FLAG_FB) || mbi->framebuffer_type != MBI_FB_TYPE_RGB)
		return;
	boot_info.fb = (struct boot_fb){
		.paddr = mbi->framebuffer_addr, .pitch = mbi->framebuffer_pitch,
		.width = mbi->framebuffer_width, .height = mbi->framebuffer_height,
		.bpp = mbi->framebuffer_bpp,
	};
}

int multiboot_parse(uint32_t magic, uint32_t info_phys)
{
	const struct multiboot_info *mbi = phys_to_virt(info_phys);

	if (magic != MULTIBOOT_LOADER_MAGIC)
		return -ATXF_EINVAL;
	strlcpy(boot_info.loader, mbi->flags & MBI_FLAG_LOADER ?
		mb_string(mbi->boot_loader_name) : "unknown", sizeof(boot_info.loader));
	if (mbi->flags & MBI_FLAG_CMDLINE)
		strlcpy(boot_info.cmdline, mb_string(mbi->cmdline), sizeof(boot_info.cmdline));
	if (mbi->flags & MBI_FLAG_MODS)
		copy_modules(mbi);
	copy_framebuffer(mbi);
	if (!(mbi->flags & MBI_FLAG_MMAP))
		return -ATXF_ENOENT;    /* mem_lower/upper alone is not enough */
	copy_mmap(mbi);
	return 0;
}
