/*
 * The boot information record and its log lines. The loader-specific parser
 * that fills it is arch/x86_64/multiboot.c.
 */
#include "core/bootinfo.h"
#include "lib/log.h"

struct boot_info boot_info;

const char *boot_mem_type_name(uint32_t type)
{
	switch (type) {
	case BOOT_MEM_USABLE:       return "usable";
	case BOOT_MEM_ACPI_RECLAIM: return "ACPI data";
	case BOOT_MEM_ACPI_NVS:     return "ACPI NVS";
	case BOOT_MEM_BAD:          return "bad";
	default:                    return "reserved";
	}
}

/* Sizes in the unit a person reads best: KiB below 10 MiB, else MiB. */
static void log_region(const struct boot_region *r)
{
	uint64_t kib = r->len >> 10;

	klog("  [mem 0x%016lx-0x%016lx] %-9s %6lu %s", r->base, r->base + r->len - 1,
	     boot_mem_type_name(r->type), kib < 10240 ? kib : kib >> 10,
	     kib < 10240 ? "KiB" : "MiB");
}

void bootinfo_log(void)
{
	uint64_t usable = 0;

	klog("boot: loader \"%s\", command line \"%s\"", boot_info.loader, boot_info.cmdline);
	klog("memory map: %d regions", boot_info.nmem);
	for (int i = 0; i < boot_info.nmem; i++) {
		log_region(&boot_info.mem[i]);
		if (boot_info.mem[i].type == BOOT_MEM_USABLE)
			usable += boot_info.mem[i].len;
	}
	klog("memory map: %lu MiB usable", usable >> 20);
	for (int i = 0; i < boot_info.nmods; i++)
		klog("boot module %d: [0x%lx-0x%lx) \"%s\"", i, boot_info.mods[i].start,
		     boot_info.mods[i].end, boot_info.mods[i].name);
}
