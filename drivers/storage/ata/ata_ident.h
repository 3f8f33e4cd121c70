/*
 * IDENTIFY DEVICE data (ATA/ATAPI-6 §8.15, Table 27): the words a driver
 * needs to address a disk. Interim: the shared drivers/lib/ata (branch
 * ahci) replaces this file once it lands.
 */
#ifndef ATA_IDENT_H
#define ATA_IDENT_H

#include <stdint.h>

#define ATA_IDENT_WORDS 256

struct ata_ident {
	uint64_t sectors;       /* addressable sectors: LBA48's count when it has one */
	uint8_t lba48;          /* the 48-bit feature set (word 83 bit 10) */
	uint8_t flush;          /* FLUSH CACHE (word 83 bit 12) */
	uint8_t flush_ext;      /* FLUSH CACHE EXT (word 83 bit 13) */
	char model[41];         /* words 27-46, trailing spaces cut */
};

/* Fills out from the 256 words; 0, or -1 with *why for data no disk gives. */
int ata_ident_parse(const uint16_t w[ATA_IDENT_WORDS], struct ata_ident *out, const char **why);

#endif
