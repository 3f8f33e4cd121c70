/*
 * IDENTIFY DEVICE (ACS-3 §7.12.7): the 256 words a disk answers, turned
 * into struct ata_identity. Each field is read only when the word that
 * says it is valid says so, as ACS-3 asks of words 76, 83 and 106.
 */
#include <string.h>
#include <atxf/errors.h>
#include "ata.h"

/* Words 82-84 / 85-87 / 106 are valid when bits 15:14 read 01 (§7.12.7). */
static bool word_valid(uint16_t w)
{
	return (w & 0xc000) == 0x4000;
}

/* ATA strings put the first character of each pair in the high byte; the
 * padding is spaces. Anything unprintable shows as '?'. */
static void ata_string(char *out, const uint16_t *words, unsigned nwords)
{
	unsigned n = 0;

	for (unsigned i = 0; i < nwords; i++) {
		out[n++] = (char)(words[i] >> 8);
		out[n++] = (char)(words[i] & 0xff);
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\0'))
		n--;
	out[n] = '\0';
	for (unsigned i = 0; i < n; i++)
		if (out[i] < 0x20 || out[i] > 0x7e)
			out[i] = '?';
}

/* Word 255: a signature of 0xa5 in the low byte means the high byte makes
 * the sum of all 512 bytes zero (§7.12.7.91). Without it, no check. */
static bool checksum_ok(const uint16_t *w)
{
	uint8_t sum = 0;

	if ((w[255] & 0xff) != 0xa5)
		return true;
	for (unsigned i = 0; i < ATA_IDENTIFY_WORDS; i++)
		sum += (uint8_t)(w[i] & 0xff) + (uint8_t)(w[i] >> 8);
	return sum == 0;
}

static uint64_t lba48_sectors(const uint16_t *w)
{
	return (uint64_t)w[100] | (uint64_t)w[101] << 16 | (uint64_t)w[102] << 32 |
	       (uint64_t)w[103] << 48;
}

/* Words 106 and 117-118: a logical sector over 256 words, and the number
 * of logical sectors per physical one (2^bits 3:0). */
static int sector_sizes(const uint16_t *w, struct ata_identity *id)
{
	uint32_t logical = ATA_SECTOR_SIZE;

	id->physical_size = ATA_SECTOR_SIZE;
	if (!word_valid(w[106])) {
		id->logical_size = logical;
		return 0;
	}
	if (w[106] & (1u << 12))
		logical = ((uint32_t)w[117] | (uint32_t)w[118] << 16) * 2;
	if (logical < ATA_SECTOR_SIZE || logical > 65536 || (logical & (logical - 1)))
		return -ATXF_EPROTO;
	id->logical_size = logical;
	id->physical_size = logical;
	if (w[106] & (1u << 13))
		id->physical_size = logical << (w[106] & 0xf);
	return 0;
}

static void queueing(const uint16_t *w, struct ata_identity *id)
{
	/* Word 76 is valid when neither 0 nor 0xffff (§7.12.7.42). */
	if (w[76] == 0 || w[76] == 0xffff || !(w[76] & (1u << 8)))
		return;
	id->ncq = true;
	id->queue_depth = (uint8_t)((w[75] & 0x1f) + 1);
}

int ata_identify_parse(const uint16_t w[ATA_IDENTIFY_WORDS], struct ata_identity *out)
{
	struct ata_identity id;

	memset(&id, 0, sizeof(id));
	if (w[0] & 0x8000)
		return -ATXF_ENOTSUP;          /* ATAPI or not an ATA device */
	if (!checksum_ok(w))
		return -ATXF_EPROTO;
	if (!(w[49] & (1u << 9)))
		return -ATXF_ENOTSUP;          /* CHS only: no LBA */
	ata_string(id.serial, &w[10], 10);
	ata_string(id.firmware, &w[23], 4);
	ata_string(id.model, &w[27], 20);
	id.dma = w[49] & (1u << 8);
	if (word_valid(w[83])) {
		id.lba48 = w[83] & (1u << 10);
		id.flush = w[83] & (1u << 12);
		id.flush_ext = id.lba48 && (w[83] & (1u << 13));
	}
	if (word_valid(w[87]))
		id.write_cache = w[85] & (1u << 5);
	id.sectors = id.lba48 ? lba48_sectors(w) : ((uint32_t)w[60] | (uint32_t)w[61] << 16);
	if (id.sectors == 0 || id.sectors > ATA_LBA48_LIMIT)
		return -ATXF_EPROTO;
	if (sector_sizes(w, &id) < 0)
		return -ATXF_EPROTO;
	queueing(w, &id);
	*out = id;
	return 0;
}
