/*
 * The bytes ata-disks.atxf writes, which tests/qemu/scenarios_ata.py
 * computes again on the host to check the image files: sector S of disk D
 * starts with "ataD sector S\n" and goes on with (S * 7 + j * 13 + D * 101)
 * mod 256 at byte j.
 */
#ifndef ATA_PATTERN_H
#define ATA_PATTERN_H

#include <stdint.h>
#include <stdio.h>

#define ATA_PATTERN_SECTOR 512

static inline void ata_pattern_sector(unsigned disk, uint64_t sector, uint8_t *p)
{
	int n;

	for (unsigned j = 0; j < ATA_PATTERN_SECTOR; j++)
		p[j] = (uint8_t)(sector * 7 + j * 13 + disk * 101);
	n = snprintf((char *)p, 32, "ata%u sector %llu\n", disk, (unsigned long long)sector);
	if (n > 0 && n < 32)
		p[n] = (uint8_t)(sector * 7 + (unsigned)n * 13 + disk * 101);   /* over the NUL */
}

#endif
