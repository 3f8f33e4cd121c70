/*
 * What the boot loader told us, copied out of its structures early (they
 * live in memory the frame allocator will hand out) into one static record.
 * arch/x86_64/multiboot.c fills it from the multiboot information.
 */
#ifndef CORE_BOOTINFO_H
#define CORE_BOOTINFO_H

#include <stdint.h>
#include <atxf/errors.h>

#define BOOT_MAX_REGIONS  64
#define BOOT_MAX_MODULES  8
#define BOOT_CMDLINE_MAX  256

/* Memory region types: the BIOS e820 / multiboot numbering. */
enum boot_mem_type {
	BOOT_MEM_USABLE = 1,
	BOOT_MEM_RESERVED = 2,
	BOOT_MEM_ACPI_RECLAIM = 3,
	BOOT_MEM_ACPI_NVS = 4,
	BOOT_MEM_BAD = 5,
};

struct boot_region {
	uint64_t base;
	uint64_t len;
	uint32_t type;          /* enum boot_mem_type; others count as reserved */
};

struct boot_module {
	uint64_t start;         /* physical, page-aligned (multiboot flag 0) */
	uint64_t end;           /* one past the last byte */
	char name[64];          /* the loader's string for it */
};

/* The boot framebuffer; paddr 0: none. */
struct boot_fb {
	uint64_t paddr;
	uint32_t pitch, width, height, bpp;
};

struct boot_info {
	char loader[32];        /* boot loader name, or "unknown" */
	char cmdline[BOOT_CMDLINE_MAX];
	struct boot_region mem[BOOT_MAX_REGIONS];
	int nmem;
	struct boot_module mods[BOOT_MAX_MODULES];
	int nmods;
	struct boot_fb fb;
};

extern struct boot_info boot_info;

/* The boot framebuffer's physical range: 0, or -ATXF_ENODEV (none). */
static inline int boot_fb_range(uint64_t *base, uint64_t *size)
{
	if (!boot_info.fb.paddr)
		return -ATXF_ENODEV;
	*base = boot_info.fb.paddr;
	*size = (uint64_t)boot_info.fb.pitch * boot_info.fb.height;
	return 0;
}

/* Copies the loader's data into boot_info; returns 0 or a negative ATXF_E*. */
int multiboot_parse(uint32_t magic, uint32_t info_phys);
const char *boot_mem_type_name(uint32_t type);
/* Logs the loader, the memory map and the modules. */
void bootinfo_log(void);

#endif
