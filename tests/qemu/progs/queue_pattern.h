/*
 * The computed disk of queue-edu.atxf and what queue-client.atxf checks
 * against (tests/qemu/scenarios_queues.py): sector s starts with s itself
 * (8 bytes, little-endian), and byte i from there on is (s * 131 + i) &
 * 0xff, so a completion whose bytes belong to another request's sectors is
 * caught.
 */
#ifndef PROGS_QUEUE_PATTERN_H
#define PROGS_QUEUE_PATTERN_H

#include <stdint.h>

#define QUEUE_SECTOR  512u
#define QUEUE_SECTORS (1u << 20)
#define QUEUE_DISK(k) ((uint64_t)(k) << 40)    /* device k's sector 0 */
/* Sectors from here on hang (queue-edu.c): from QUEUE_STUCK until their
 * client goes away, from QUEUE_SLOW until a 300 ms timeout. */
#define QUEUE_STUCK   (QUEUE_SECTORS / 2)
#define QUEUE_SLOW    (QUEUE_SECTORS / 4 * 3)

static inline uint8_t queue_byte(uint64_t sector, uint32_t i)
{
	return i < 8 ? (uint8_t)(sector >> (8 * i)) : (uint8_t)(sector * 131u + i);
}

static inline void queue_fill(uint8_t *buf, uint64_t sector, uint32_t count)
{
	for (uint32_t s = 0; s < count; s++)
		for (uint32_t i = 0; i < QUEUE_SECTOR; i++)
			buf[s * QUEUE_SECTOR + i] = queue_byte(sector + s, i);
}

/* Whether buf holds count sectors from sector on. */
static inline int queue_holds(const uint8_t *buf, uint64_t sector, uint32_t count)
{
	for (uint32_t s = 0; s < count; s++)
		for (uint32_t i = 0; i < QUEUE_SECTOR; i++)
			if (buf[s * QUEUE_SECTOR + i] != queue_byte(sector + s, i))
				return 0;
	return 1;
}

#endif
