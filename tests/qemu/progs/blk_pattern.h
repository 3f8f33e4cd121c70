/*
 * The disk blk-pattern.atxf serves and blk-stream.atxf checks: every
 * 32-bit word of every sector is a function of its place, so any read,
 * by any generation of the driver, can be verified and none can be
 * right by chance (a word also names its sector).
 */
#ifndef BLK_PATTERN_H
#define BLK_PATTERN_H

#include <stdint.h>

#define BLK_PATTERN_SECTOR   512u
#define BLK_PATTERN_SECTORS  4096u      /* 2 MiB */
#define BLK_PATTERN_MAX      16u        /* sectors per transfer */

static inline uint32_t blk_pattern_word(uint64_t sector, uint32_t k)
{
	return (uint32_t)sector * 2654435761u ^ (k * 40503u) ^ 0x5a17c0deu;
}

/* Fills one sector's worth of words. */
static inline void blk_pattern_fill(uint64_t sector, uint32_t *w)
{
	for (uint32_t k = 0; k < BLK_PATTERN_SECTOR / 4; k++)
		w[k] = blk_pattern_word(sector, k);
}

#endif
