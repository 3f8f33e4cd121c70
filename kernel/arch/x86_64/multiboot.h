/*
 * Multiboot v1 information structure, as the loader hands it over in EBX.
 * Layout from the Multiboot Specification 0.6.96, section 3.3.
 */
#ifndef ARCH_X86_64_MULTIBOOT_H
#define ARCH_X86_64_MULTIBOOT_H

#include <stdint.h>

#define MULTIBOOT_LOADER_MAGIC 0x2badb002

#define MBI_FLAG_MEM      (1u << 0)   /* mem_lower, mem_upper */
#define MBI_FLAG_CMDLINE  (1u << 2)
#define MBI_FLAG_MODS     (1u << 3)
#define MBI_FLAG_MMAP     (1u << 6)
#define MBI_FLAG_LOADER   (1u << 9)   /* boot_loader_name */
#define MBI_FLAG_FB       (1u << 12)  /* framebuffer_* (spec 3.3) */
#define MBI_FB_TYPE_RGB   1

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower;             /* KiB below 1 MiB */
	uint32_t mem_upper;             /* KiB above 1 MiB */
	uint32_t boot_device;
	uint32_t cmdline;               /* physical address of a C string */
	uint32_t mods_count;
	uint32_t mods_addr;             /* physical address of struct multiboot_mod[] */
	uint32_t syms[4];
	uint32_t mmap_length;           /* bytes of memory map */
	uint32_t mmap_addr;
	uint32_t drives_length;
	uint32_t drives_addr;
	uint32_t config_table;
	uint32_t boot_loader_name;
	uint32_t apm_table;
	uint32_t vbe_control_info, vbe_mode_info;
	uint16_t vbe_mode, vbe_interface_seg, vbe_interface_off, vbe_interface_len;
	uint64_t framebuffer_addr;      /* offset 88 */
	uint32_t framebuffer_pitch, framebuffer_width, framebuffer_height;
	uint8_t framebuffer_bpp, framebuffer_type;
} __attribute__((packed));

struct multiboot_mod {
	uint32_t mod_start;
	uint32_t mod_end;
	uint32_t string;
	uint32_t reserved;
} __attribute__((packed));

/* One memory map entry; `size` does not count itself (spec 3.3). */
struct multiboot_mmap_entry {
	uint32_t size;
	uint64_t addr;
	uint64_t len;
	uint32_t type;
} __attribute__((packed));

#endif
