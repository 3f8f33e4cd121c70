/* drivers/lib/part: what the MBR and GPT readers share (not for users of part.h). */
#ifndef PART_IMPL_H
#define PART_IMPL_H

#include <stdarg.h>
#include "part.h"

/* The reader's state for one scan: the disk, the table it fills, the reason. */
struct part_scan {
	const struct part_disk *d;
	struct part_table *t;
	char *why;
	size_t why_len;
};

/* Formats the reason and returns -ATXF_EINVAL. */
int part_fault(struct part_scan *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int part_read(struct part_scan *s, uint64_t lba, uint32_t count, void *buf);
/* Adds a partition after checking it lies on the disk and overlaps none before it. */
int part_add(struct part_scan *s, uint32_t number, uint64_t start, uint64_t sectors,
	     uint8_t mbr_type, const uint8_t *guid);

int part_mbr_parse(struct part_scan *s, const uint8_t *lba0);
int part_gpt_parse(struct part_scan *s);
/* 1 if LBA 0's table is a protective (or hybrid) MBR: a type 0xee entry. */
int part_mbr_is_protective(const uint8_t *lba0);

static inline uint16_t part_le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t part_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline uint64_t part_le64(const uint8_t *p)
{
	return (uint64_t)part_le32(p) | (uint64_t)part_le32(p + 4) << 32;
}

#endif
