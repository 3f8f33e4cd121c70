/*
 * What nvme-disks.atxf writes and tests/qemu/scenarios_nvme.py finds on
 * the images afterwards: each 32-bit word is a function of its disk and its
 * byte offset, so a word in the wrong place, on the wrong disk or from a
 * stale buffer shows.
 */
#ifndef NVME_PATTERN_H
#define NVME_PATTERN_H

#include <stdint.h>

static inline uint32_t nvme_pattern_word(unsigned disk, uint64_t byte)
{
	return (uint32_t)(byte / 4) * 2654435761u ^ (disk + 1u) * 0x9e3779b9u ^ 0x4e564d45u;
}

static inline void nvme_pattern_fill(unsigned disk, uint64_t byte, uint32_t *w, uint32_t len)
{
	for (uint32_t i = 0; i < len / 4; i++)
		w[i] = nvme_pattern_word(disk, byte + 4u * i);
}

#endif
