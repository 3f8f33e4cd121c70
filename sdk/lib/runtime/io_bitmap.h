/*
 * Which I/O ports this process may reach with `in`/`out` directly: a bitmap
 * of the 65536 ports, mirroring the kernel's I/O permission bitmap.
 * Private to libatxf (io.c); pure, so the rule is tested on the host.
 */
#ifndef ATXF_RUNTIME_IO_BITMAP_H
#define ATXF_RUNTIME_IO_BITMAP_H

#include <stdint.h>
#include <atxf/cap.h>

#define ATXF_IO_PORTS 65536u

struct atxf_io_bitmap {
	uint8_t bits[ATXF_IO_PORTS / 8];    /* bit p set: port p is open */
};

void __atxf_io_bitmap_clear(struct atxf_io_bitmap *map);

/*
 * Opens the ports a capability covers, by the kernel's rule: an
 * ATXF_CAP_IOPORT capability with both READ and WRITE. Anything else
 * (another kind, one direction only) opens nothing.
 */
void __atxf_io_bitmap_add(struct atxf_io_bitmap *map, const struct atxf_cap_info *cap);

/* 1 if every port of an access of width bytes at port is open. */
int __atxf_io_bitmap_covers(const struct atxf_io_bitmap *map, uint16_t port, unsigned width);

#endif
