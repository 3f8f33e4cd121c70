/*
 * IDENTIFY DEVICE data laid out the way QEMU 7.2's ide-hd answers it
 * (hw/ide/core.c, ide_identify and ide_identify_size), for the ATA
 * library's host tests: the words that matter to a driver, with QEMU's
 * values, its byte-swapped space-padded strings, and no checksum.
 */
#ifndef TESTS_UNIT_ATA_IDE_HD_H
#define TESTS_UNIT_ATA_IDE_HD_H

#include <stdbool.h>
#include <stdint.h>

struct ide_hd {
	uint64_t nb_sectors;       /* the drive's size in 512-byte sectors */
	unsigned ncq_queues;       /* 32 on an AHCI port, 0 on PIIX IDE */
	bool write_cache;          /* cache=writeback (QEMU's default) */
	unsigned phys_exp;         /* physical_block_size = 512 << phys_exp */
	const char *model;         /* "QEMU HARDDISK" */
	const char *serial;        /* "QM00001" */
};

void ide_hd_identify(uint16_t words[256], const struct ide_hd *hd);
/* Store a string as ATA does: two characters per word, the first high. */
void ide_hd_padstr(uint16_t *words, const char *s, unsigned chars);

#endif
