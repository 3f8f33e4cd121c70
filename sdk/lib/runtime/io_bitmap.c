/*
 * The direct I/O port map (io_bitmap.h): the same decision the kernel makes
 * when it fills the process's I/O permission bitmap, so the library never
 * executes `in`/`out` on a port the CPU would fault on.
 */
#include "io_bitmap.h"

void __atxf_io_bitmap_clear(struct atxf_io_bitmap *map)
{
	for (unsigned i = 0; i < sizeof(map->bits); i++)
		map->bits[i] = 0;
}

void __atxf_io_bitmap_add(struct atxf_io_bitmap *map, const struct atxf_cap_info *cap)
{
	const uint32_t both = ATXF_RIGHT_READ | ATXF_RIGHT_WRITE;
	uint64_t end;

	/* The CPU's bitmap has one bit per port for both directions, so
	 * only a capability that allows both can open a port. */
	if (cap->kind != ATXF_CAP_IOPORT || (cap->rights & both) != both)
		return;
	if (cap->base >= ATXF_IO_PORTS)
		return;
	end = cap->size > ATXF_IO_PORTS - cap->base ? ATXF_IO_PORTS : cap->base + cap->size;
	for (uint64_t p = cap->base; p < end; p++)
		map->bits[p / 8] |= (uint8_t)(1u << (p % 8));
}

int __atxf_io_bitmap_covers(const struct atxf_io_bitmap *map, uint16_t port, unsigned width)
{
	/* The CPU checks every port the access touches: a 32-bit access at
	 * 0x3f8 needs 0x3f8..0x3fb, and one that runs past 0xffff never fits. */
	if (width == 0 || (uint32_t)port + width > ATXF_IO_PORTS)
		return 0;
	for (uint32_t p = port; p < (uint32_t)port + width; p++)
		if (!(map->bits[p / 8] & (1u << (p % 8))))
			return 0;
	return 1;
}
