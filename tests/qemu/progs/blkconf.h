/*
 * The block conformance suite's patterns (tests/qemu/progs/blkconf*.c),
 * computed the same way by the host's checker (tests/qemu/blkimage.py):
 * byte `off` of the disk written with tag t (1..255) holds blkconf_byte(t,
 * off). The host fills the image with tag 0's bytes before the boot, so
 * every byte of it is known.
 */
#ifndef BLKCONF_H
#define BLKCONF_H

#include <stdint.h>

static inline uint8_t blkconf_byte(unsigned tag, uint64_t off)
{
	uint64_t v = off * 7u + (off >> 9) * 131u + tag * 29u;

	return (uint8_t)(v ^ (off >> 12) ^ (tag ? 0 : 0xa5));
}

/* Fills len bytes at p with tag's pattern for disk bytes from off. */
static inline void blkconf_fill(uint8_t *p, unsigned tag, uint64_t off, uint64_t len)
{
	for (uint64_t i = 0; i < len; i++)
		p[i] = blkconf_byte(tag, off + i);
}

/* The first byte of p that is not tag's pattern, or len. */
static inline uint64_t blkconf_diff(const uint8_t *p, unsigned tag, uint64_t off, uint64_t len)
{
	for (uint64_t i = 0; i < len; i++)
		if (p[i] != blkconf_byte(tag, off + i))
			return i;
	return len;
}

#endif
