/*
 * IDENTIFY DEVICE parsing (ata_ident.h). Word numbers from ATA/ATAPI-6
 * §8.15.8, Table 27; QEMU fills them in hw/ide/core.c, ide_identify.
 */
#include <string.h>
#include "ata_ident.h"

#define W0_NOT_ATA       0x8000 /* word 0 bit 15: an ATAPI (packet) device */
#define W49_LBA          0x0200 /* word 49 bit 9: LBA addressing */
#define W83_VALID_MASK   0xc000 /* word 83 bits 15:14 = 01: the word is meaningful */
#define W83_VALID        0x4000
#define W83_LBA48        0x0400
#define W83_FLUSH        0x1000
#define W83_FLUSH_EXT    0x2000

/* ATA strings hold two characters per word, the first in the high byte. */
static void ident_string(const uint16_t *w, unsigned words, char *out)
{
	unsigned n = 0;

	for (unsigned i = 0; i < words; i++) {
		out[n++] = (char)(w[i] >> 8);
		out[n++] = (char)(w[i] & 0xff);
	}
	while (n && (out[n - 1] == ' ' || out[n - 1] == '\0'))
		n--;
	out[n] = '\0';
}

static uint64_t words_le(const uint16_t *w, unsigned n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 16) | w[n];
	return v;
}

int ata_ident_parse(const uint16_t w[ATA_IDENT_WORDS], struct ata_ident *out, const char **why)
{
	uint16_t w83 = (w[83] & W83_VALID_MASK) == W83_VALID ? w[83] : 0;

	memset(out, 0, sizeof(*out));
	ident_string(&w[27], 20, out->model);
	if (w[0] & W0_NOT_ATA) {
		*why = "word 0 says a packet (ATAPI) device";
		return -1;
	}
	if (!(w[49] & W49_LBA)) {
		*why = "no LBA addressing (word 49 bit 9 clear): CHS-only disks are not served";
		return -1;
	}
	out->lba48 = (w83 & W83_LBA48) != 0;
	out->flush = (w83 & W83_FLUSH) != 0;
	out->flush_ext = out->lba48 && (w83 & W83_FLUSH_EXT);
	out->sectors = out->lba48 ? words_le(&w[100], 4) : words_le(&w[60], 2);
	if (out->lba48 && out->sectors >> 48) {
		*why = "an LBA48 count (words 100-103) beyond 48 bits";
		return -1;
	}
	if (!out->sectors) {
		*why = "0 addressable sectors";
		return -1;
	}
	return 0;
}
