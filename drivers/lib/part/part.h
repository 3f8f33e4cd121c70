/*
 * Partition tables (drivers/lib/part): MBR with its extended chain, and
 * GPT with both headers and their entry arrays. The reader trusts nothing
 * on the disk: each field is checked against the disk's size and the
 * spec, and a table that breaks a rule is refused with the rule it broke.
 * Host-tested (tests/unit/test_part.c); served by drivers/storage/part.
 *
 *   struct part_disk d = { .sector_size = 512, .sectors = n, .read = rd, .ctx = c,
 *                          .scratch = buf, .scratch_size = PART_SCRATCH_BYTES };
 *   struct part_table t;
 *   char why[PART_WHY_MAX];
 *   int err = part_scan(&d, &t, why, sizeof(why));
 *
 * Partition numbers follow the usual convention, so "vblk0p5" is what a
 * Linux user expects: MBR primaries 1..4 by slot, logicals from 5 in chain
 * order; GPT entry i is number i + 1.
 */
#ifndef PART_H
#define PART_H

#include <stddef.h>
#include <stdint.h>

#define PART_MAX           16           /* partitions a table may hold */
#define PART_WHY_MAX       256          /* a refusal's reason, with its NUL */
#define PART_GPT_ARRAY_MAX 32768        /* bytes of GPT entries we read (128 x 128 is 16 KiB) */
#define PART_SCRATCH_BYTES (PART_GPT_ARRAY_MAX + 4096)

enum part_scheme { PART_SCHEME_NONE, PART_SCHEME_MBR, PART_SCHEME_GPT };

struct part_entry {
	uint32_t number;            /* DISK + "p" + number */
	uint64_t start;             /* first sector */
	uint64_t sectors;           /* length in sectors, >= 1 */
	uint8_t mbr_type;           /* MBR: the type byte; GPT: 0 */
	uint8_t type_guid[16];      /* GPT: the type GUID as stored (mixed-endian) */
};

struct part_table {
	enum part_scheme scheme;
	unsigned count;
	struct part_entry e[PART_MAX];
	int from_backup;            /* GPT: the primary was refused, the backup used */
	char primary_fault[PART_WHY_MAX];   /* why, when from_backup */
};

/* The disk as the reader sees it. read: count sectors from lba into buf; 0 or < 0. */
struct part_disk {
	uint32_t sector_size;       /* 512 .. 4096, a power of two */
	uint64_t sectors;
	int (*read)(void *ctx, uint64_t lba, uint32_t count, void *buf);
	void *ctx;
	uint8_t *scratch;           /* PART_SCRATCH_BYTES of the caller's memory */
	size_t scratch_size;
};

/*
 * Reads the disk's table into t. 0: a valid table (t->count may be 0);
 * -ATXF_ENOENT: no table (LBA 0 has no 0x55aa signature); -ATXF_EINVAL: a
 * malformed table; -ATXF_EIO: a read failed. On any error t->count is 0
 * and why says what was wrong, for the log.
 */
int part_scan(const struct part_disk *d, struct part_table *t, char *why, size_t why_len);

/* "0x83", "linux", "efi"..: the type for lsblk, into out (>= 40 bytes). */
void part_type_name(const struct part_table *t, const struct part_entry *e, char *out,
		    size_t out_len);

/* The disk sector for a partition's sector range: 0, or -ATXF_ERANGE when
 * [sector, sector + count) is not wholly inside the partition. */
int part_map(const struct part_entry *e, uint64_t sector, uint32_t count, uint64_t *disk_sector);

/* CRC-32 as UEFI uses it (IEEE 802.3, reflected, ~0 in and out). */
uint32_t part_crc32(const void *buf, size_t len);

#endif
