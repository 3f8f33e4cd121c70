/*
 * The MBR (the IBM PC partition table): four 16-byte entries at byte 446
 * of sector 0, then 0x55 0xaa. An extended entry (type 0x05, 0x0f or
 * 0x85) holds a chain of EBRs, each a sector with the same layout: entry
 * 0 a logical partition, its start relative to that EBR; entry 1 the next
 * EBR, relative to the extended partition's start (or empty: the end).
 */
#include <string.h>
#include <atxf/errors.h>
#include "part_impl.h"

#define MBR_TABLE       446
#define MBR_ENTRY       16
#define MBR_GPT_TYPE    0xee
#define MBR_FIRST_LOGICAL 5

struct mbr_entry {
	uint8_t status;             /* 0x80 active, 0x00 not: nothing else */
	uint8_t type;               /* 0: unused */
	uint32_t lba;               /* first sector (relative, in an EBR) */
	uint32_t sectors;
};

static struct mbr_entry mbr_entry(const uint8_t *sector, unsigned i)
{
	const uint8_t *p = sector + MBR_TABLE + i * MBR_ENTRY;

	return (struct mbr_entry){ .status = p[0], .type = p[4], .lba = part_le32(p + 8),
				   .sectors = part_le32(p + 12) };
}

static int is_extended(uint8_t type)
{
	return type == 0x05 || type == 0x0f || type == 0x85;
}

int part_mbr_is_protective(const uint8_t *lba0)
{
	for (unsigned i = 0; i < 4; i++)
		if (mbr_entry(lba0, i).type == MBR_GPT_TYPE)
			return 1;
	return 0;
}

/* What the extended partition spans, for its chain's checks. */
struct mbr_ext {
	uint64_t start, sectors;
};

static int ext_contains(const struct mbr_ext *x, uint64_t start, uint64_t sectors)
{
	return start >= x->start && sectors <= x->sectors && start - x->start <= x->sectors - sectors;
}

/* One EBR at lba: its logical partition, and where the next EBR is (0: none). */
static int ebr_parse(struct part_scan *s, const struct mbr_ext *x, uint64_t lba,
		     uint32_t number, uint64_t *next)
{
	uint8_t *ebr = s->d->scratch;
	struct mbr_entry l, n;
	int err;

	for (unsigned i = 0; i < s->t->count; i++)
		if (lba >= s->t->e[i].start && lba - s->t->e[i].start < s->t->e[i].sectors)
			return part_fault(s, "the EBR at sector %llu lies inside partition %u",
					  (unsigned long long)lba, s->t->e[i].number);
	err = part_read(s, lba, 1, ebr);
	if (err)
		return err;
	if (ebr[510] != 0x55 || ebr[511] != 0xaa)
		return part_fault(s, "the EBR at sector %llu has no 0x55aa signature",
				  (unsigned long long)lba);
	l = mbr_entry(ebr, 0);
	n = mbr_entry(ebr, 1);
	*next = 0;
	if (n.type != 0) {
		if (!is_extended(n.type) || n.lba == 0 || n.sectors == 0)
			return part_fault(s, "the EBR at sector %llu links to a type 0x%02x entry at +%u",
					  (unsigned long long)lba, n.type, n.lba);
		*next = x->start + n.lba;
		if (!ext_contains(x, *next, 1) || *next <= lba)
			return part_fault(s, "the EBR at sector %llu links to sector %llu: not further "
					  "on inside the extended partition", (unsigned long long)lba,
					  (unsigned long long)*next);
	}
	if (l.type == 0)
		return 0;       /* an EBR with no logical partition: only a link */
	if (l.lba == 0 || !ext_contains(x, lba + l.lba, l.sectors))
		return part_fault(s, "logical partition %u (EBR at %llu, +%u, %u sectors) is not inside "
				  "the extended partition after its EBR", number,
				  (unsigned long long)lba, l.lba, l.sectors);
	if (l.status != 0x00 && l.status != 0x80)
		return part_fault(s, "logical partition %u: status byte 0x%02x is neither 0x00 nor 0x80",
				  number, l.status);
	return part_add(s, number, lba + l.lba, l.sectors, l.type, NULL);
}

static int chain_parse(struct part_scan *s, const struct mbr_ext *x)
{
	uint64_t lba = x->start, next = 0;
	uint32_t number = MBR_FIRST_LOGICAL;

	/* Each hop moves forward, so the chain ends; PART_MAX bounds the work. */
	for (unsigned hops = 0; lba; hops++) {
		unsigned before = s->t->count;
		int err;

		if (hops == PART_MAX)
			return part_fault(s, "the extended chain has more than %u EBRs", PART_MAX);
		err = ebr_parse(s, x, lba, number, &next);
		if (err)
			return err;
		if (s->t->count != before)
			number++;
		lba = next;
	}
	return 0;
}

static int primary_check(struct part_scan *s, unsigned i, const struct mbr_entry *e)
{
	if (e->status != 0x00 && e->status != 0x80)
		return part_fault(s, "MBR entry %u: status byte 0x%02x is neither 0x00 nor 0x80 "
				  "(not a partition table)", i + 1, e->status);
	if (e->type != 0 && e->lba == 0)
		return part_fault(s, "MBR entry %u (type 0x%02x) starts at sector 0, over the MBR",
				  i + 1, e->type);
	return 0;
}

int part_mbr_parse(struct part_scan *s, const uint8_t *lba0)
{
	struct mbr_entry e[4];
	struct mbr_ext x = { 0, 0 };
	int err;

	for (unsigned i = 0; i < 4; i++) {
		e[i] = mbr_entry(lba0, i);
		err = primary_check(s, i, &e[i]);
		if (err)
			return err;
	}
	/* The extended container is checked like a primary, then held apart:
	 * it is no data partition, but its logicals must stay inside it. */
	for (unsigned i = 0; i < 4; i++) {
		if (e[i].type == 0)
			continue;
		if (is_extended(e[i].type) && x.sectors)
			return part_fault(s, "MBR entries hold a second extended partition (%u)", i + 1);
		err = part_add(s, i + 1, e[i].lba, e[i].sectors, e[i].type, NULL);
		if (err)
			return err;
		if (is_extended(e[i].type))
			x = (struct mbr_ext){ e[i].lba, e[i].sectors };
	}
	if (!x.sectors)
		return 0;
	/* Drop the container, so logicals are checked against the primaries only. */
	for (unsigned i = 0; i < s->t->count; i++)
		if (is_extended(s->t->e[i].mbr_type)) {
			memmove(&s->t->e[i], &s->t->e[i + 1], (s->t->count - i - 1) * sizeof(s->t->e[0]));
			s->t->count--;
			break;
		}
	return chain_parse(s, &x);
}
