/*
 * The boot archive (docs/boot.md): the one multiboot module, a ustar
 * archive of ATXF programs and boot.cfg, read in place with the shared
 * reader (sdk/format/ustar.c, <atxf/ustar.h>). Its frames stay reserved
 * for the life of the system (mm/pmm.c): init maps it read-only.
 */
#ifndef PROC_BOOTFS_H
#define PROC_BOOTFS_H

#include <stdbool.h>
#include <stdint.h>
#include <atxf/ustar.h>

struct bootfs {
	const uint8_t *data;    /* the archive, mapped read-only in the kernel */
	uint64_t size;
	uint64_t phys;          /* its first byte (page-aligned) */
};

/* The archive, found, mapped and checked on the first call; NULL (after a
 * log line, that first time) when there is none or it is damaged. */
const struct bootfs *bootfs_get(void);
/* Looks a member up: true with *e filled. */
bool bootfs_find(const struct bootfs *fs, const char *name, struct atxf_ustar_entry *e);

#endif
