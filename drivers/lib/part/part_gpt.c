/*
 * GPT (UEFI 2.10 §5.3): a protective MBR at LBA 0, the primary header at
 * LBA 1 with its entry array after it, and a backup header at the last LBA
 * with its own array before it. Each header carries its own CRC-32 and its
 * array's; when the primary breaks any rule of §5.3.2, the backup is
 * checked by the same rules and used instead, and the primary's fault is
 * kept for the log.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/errors.h>
#include "part_impl.h"

#define GPT_SIGNATURE   "EFI PART"
#define GPT_REVISION    0x00010000u
#define GPT_HEADER_MIN  92
#define GPT_ENTRY_MIN   128

/* The header fields we use, taken out of the sector before the array is read. */
struct gpt_header {
	uint64_t my_lba, first_usable, last_usable, entry_lba;
	uint32_t entries, entry_size, array_crc;
};

static int header_crc_ok(const uint8_t *h, uint32_t size)
{
	uint32_t stored = part_le32(h + 16);
	uint8_t copy[4096];

	memcpy(copy, h, size);
	memset(copy + 16, 0, 4);        /* the CRC is computed with its own field zero */
	return part_crc32(copy, size) == stored;
}

static int header_fields(struct part_scan *s, const uint8_t *h, uint64_t lba, struct gpt_header *g)
{
	uint32_t size = part_le32(h + 12);

	if (memcmp(h, GPT_SIGNATURE, 8))
		return part_fault(s, "no \"EFI PART\" signature");
	if (part_le32(h + 8) != GPT_REVISION)
		return part_fault(s, "revision 0x%08x, not 1.0", part_le32(h + 8));
	if (size < GPT_HEADER_MIN || size > s->d->sector_size)
		return part_fault(s, "header size %u outside %u..%u", size, GPT_HEADER_MIN,
				  s->d->sector_size);
	if (!header_crc_ok(h, size))
		return part_fault(s, "header CRC32 0x%08x does not match its contents",
				  part_le32(h + 16));
	*g = (struct gpt_header){ .my_lba = part_le64(h + 24), .first_usable = part_le64(h + 40),
				  .last_usable = part_le64(h + 48), .entry_lba = part_le64(h + 72),
				  .entries = part_le32(h + 80), .entry_size = part_le32(h + 84),
				  .array_crc = part_le32(h + 88) };
	if (g->my_lba != lba)
		return part_fault(s, "MyLBA %llu, but it was read from LBA %llu",
				  (unsigned long long)g->my_lba, (unsigned long long)lba);
	return 0;
}

static uint64_t array_sectors(const struct part_scan *s, const struct gpt_header *g)
{
	uint64_t bytes = (uint64_t)g->entries * g->entry_size;

	return (bytes + s->d->sector_size - 1) / s->d->sector_size;
}

static int ranges_meet(uint64_t a, uint64_t an, uint64_t b, uint64_t bn)
{
	return a < b + bn && b < a + an;
}

/* The usable range and the array, against the disk and each other. */
static int header_layout(struct part_scan *s, const struct gpt_header *g)
{
	uint64_t last = s->d->sectors - 1, n;

	if (g->first_usable > g->last_usable || g->first_usable < 2 || g->last_usable >= last)
		return part_fault(s, "usable range %llu..%llu is not inside 2..%llu",
				  (unsigned long long)g->first_usable,
				  (unsigned long long)g->last_usable, (unsigned long long)(last - 1));
	if (g->entry_size < GPT_ENTRY_MIN || (g->entry_size & (g->entry_size - 1)))
		return part_fault(s, "entry size %u is not 128 times a power of two", g->entry_size);
	if (g->entries == 0 || (uint64_t)g->entries * g->entry_size > PART_GPT_ARRAY_MAX)
		return part_fault(s, "%u entries of %u bytes: not 1..%u bytes of entries", g->entries,
				  g->entry_size, PART_GPT_ARRAY_MAX);
	n = array_sectors(s, g);
	if (g->entry_lba < 1 || g->entry_lba > last || n > s->d->sectors - g->entry_lba)
		return part_fault(s, "entry array at LBA %llu (%llu sectors) is not on the disk",
				  (unsigned long long)g->entry_lba, (unsigned long long)n);
	if (ranges_meet(g->entry_lba, n, g->my_lba, 1) ||
	    ranges_meet(g->entry_lba, n, g->first_usable, g->last_usable - g->first_usable + 1))
		return part_fault(s, "entry array at LBA %llu (%llu sectors) overlaps its header or "
				  "the usable range", (unsigned long long)g->entry_lba,
				  (unsigned long long)n);
	return 0;
}

static int entries_parse(struct part_scan *s, const struct gpt_header *g, const uint8_t *a)
{
	static const uint8_t unused[16];

	for (uint32_t i = 0; i < g->entries; i++) {
		const uint8_t *e = a + (size_t)i * g->entry_size;
		uint64_t first = part_le64(e + 32), end = part_le64(e + 40);
		int err;

		if (!memcmp(e, unused, 16))
			continue;
		if (first > end || first < g->first_usable || end > g->last_usable)
			return part_fault(s, "partition %u (LBA %llu..%llu) is not inside the usable "
					  "range %llu..%llu", i + 1, (unsigned long long)first,
					  (unsigned long long)end, (unsigned long long)g->first_usable,
					  (unsigned long long)g->last_usable);
		err = part_add(s, i + 1, first, end - first + 1, 0, e);
		if (err)
			return err;
	}
	return 0;
}

/* The header at lba, its array and its entries: 0, or the first fault. */
static int gpt_at(struct part_scan *s, uint64_t lba)
{
	uint8_t *h = s->d->scratch + PART_GPT_ARRAY_MAX, *a = s->d->scratch;
	struct gpt_header g = { 0 };
	int err = part_read(s, lba, 1, h);

	if (!err)
		err = header_fields(s, h, lba, &g);
	if (!err)
		err = header_layout(s, &g);
	if (!err)
		err = part_read(s, g.entry_lba, (uint32_t)array_sectors(s, &g), a);
	if (!err && part_crc32(a, (size_t)g.entries * g.entry_size) != g.array_crc)
		err = part_fault(s, "entry array CRC32 0x%08x does not match its %u entries",
				 g.array_crc, g.entries);
	if (!err)
		err = entries_parse(s, &g, a);
	if (err)
		s->t->count = 0;
	return err;
}

int part_gpt_parse(struct part_scan *s)
{
	char primary[PART_WHY_MAX], backup[PART_WHY_MAX];
	int err = gpt_at(s, 1);

	if (!err)
		return 0;
	snprintf(primary, sizeof(primary), "%s", s->why);
	err = gpt_at(s, s->d->sectors - 1);
	if (!err) {
		s->t->from_backup = 1;
		snprintf(s->t->primary_fault, sizeof(s->t->primary_fault), "%s", primary);
		return 0;
	}
	snprintf(backup, sizeof(backup), "%s", s->why);
	snprintf(s->why, s->why_len, "GPT: primary header: %.110s; backup header: %.110s", primary,
		 backup);
	return err == -ATXF_EIO ? -ATXF_EIO : -ATXF_EINVAL;
}
