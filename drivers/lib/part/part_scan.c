/*
 * drivers/lib/part: the entry point (part_scan) and the checks every
 * scheme shares: each partition lies on the disk and overlaps no other.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/errors.h>
#include <atxf/sys.h>
#include "part_impl.h"

int part_fault(struct part_scan *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->why, s->why_len, fmt, ap);
	va_end(ap);
	return -ATXF_EINVAL;
}

int part_read(struct part_scan *s, uint64_t lba, uint32_t count, void *buf)
{
	int err = s->d->read(s->d->ctx, lba, count, buf);

	if (err < 0)
		snprintf(s->why, s->why_len, "reading sector %llu: %s", (unsigned long long)lba,
			 atxf_strerror(err));
	return err < 0 ? -ATXF_EIO : 0;
}

static int overlaps(const struct part_entry *e, uint64_t start, uint64_t sectors)
{
	return start < e->start + e->sectors && e->start < start + sectors;
}

int part_add(struct part_scan *s, uint32_t number, uint64_t start, uint64_t sectors,
	     uint8_t mbr_type, const uint8_t *guid)
{
	struct part_table *t = s->t;
	struct part_entry *e;

	if (sectors == 0)
		return part_fault(s, "partition %u is empty (0 sectors)", number);
	if (start >= s->d->sectors || sectors > s->d->sectors - start)
		return part_fault(s, "partition %u (sectors %llu+%llu) ends past the disk's %llu sectors",
				  number, (unsigned long long)start, (unsigned long long)sectors,
				  (unsigned long long)s->d->sectors);
	for (unsigned i = 0; i < t->count; i++)
		if (overlaps(&t->e[i], start, sectors))
			return part_fault(s, "partition %u (sectors %llu+%llu) overlaps partition %u",
					  number, (unsigned long long)start,
					  (unsigned long long)sectors, t->e[i].number);
	if (t->count == PART_MAX)
		return part_fault(s, "more than %u partitions", PART_MAX);
	e = &t->e[t->count++];
	memset(e, 0, sizeof(*e));
	e->number = number;
	e->start = start;
	e->sectors = sectors;
	e->mbr_type = mbr_type;
	if (guid)
		memcpy(e->type_guid, guid, 16);
	return 0;
}

static int disk_fault(const struct part_disk *d)
{
	if (!d || !d->read || !d->scratch || d->scratch_size < PART_SCRATCH_BYTES)
		return 1;
	if (d->sector_size < 512 || d->sector_size > 4096 || (d->sector_size & (d->sector_size - 1)))
		return 1;
	return d->sectors < 3;      /* an MBR and a sector, or GPT's two headers and one */
}

int part_scan(const struct part_disk *d, struct part_table *t, char *why, size_t why_len)
{
	struct part_scan s = { .d = d, .t = t, .why = why, .why_len = why_len };
	uint8_t *lba0;
	int err;

	memset(t, 0, sizeof(*t));
	if (disk_fault(d))
		return part_fault(&s, "no disk to read a table from (sector size %u, %llu sectors)",
				  d ? d->sector_size : 0, d ? (unsigned long long)d->sectors : 0);
	lba0 = d->scratch;
	err = part_read(&s, 0, 1, lba0);
	if (err)
		return err;
	if (lba0[510] != 0x55 || lba0[511] != 0xaa) {
		snprintf(why, why_len, "no partition table: sector 0 ends in 0x%02x%02x, not 0x55aa",
			 lba0[510], lba0[511]);
		return -ATXF_ENOENT;
	}
	if (part_mbr_is_protective(lba0)) {
		t->scheme = PART_SCHEME_GPT;
		err = part_gpt_parse(&s);
	} else {
		t->scheme = PART_SCHEME_MBR;
		err = part_mbr_parse(&s, lba0);
	}
	if (err) {
		t->count = 0;
		t->scheme = PART_SCHEME_NONE;
	}
	return err;
}

int part_map(const struct part_entry *e, uint64_t sector, uint32_t count, uint64_t *disk_sector)
{
	if (count == 0 || sector >= e->sectors || count > e->sectors - sector)
		return -ATXF_ERANGE;
	*disk_sector = e->start + sector;
	return 0;
}
