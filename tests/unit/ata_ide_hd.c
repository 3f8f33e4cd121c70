/* QEMU ide-hd's IDENTIFY DEVICE answer, word by word (ata_ide_hd.h). */
#include <string.h>
#include "ata_ide_hd.h"

void ide_hd_padstr(uint16_t *words, const char *s, unsigned chars)
{
	size_t n = strlen(s);

	for (unsigned i = 0; i < chars; i += 2) {
		uint8_t hi = i < n ? (uint8_t)s[i] : ' ';
		uint8_t lo = i + 1 < n ? (uint8_t)s[i + 1] : ' ';
		words[i / 2] = (uint16_t)(hi << 8 | lo);
	}
}

void ide_hd_identify(uint16_t p[256], const struct ide_hd *hd)
{
	uint64_t lba28 = hd->nb_sectors >= (1u << 28) ? (1u << 28) - 1 : hd->nb_sectors;

	memset(p, 0, 512);
	p[0] = 0x0040;
	p[1] = 16383; p[3] = 16; p[6] = 63;             /* CHS, retired */
	ide_hd_padstr(&p[10], hd->serial ? hd->serial : "QM00001", 20);
	p[20] = 3; p[21] = 512; p[22] = 4;
	ide_hd_padstr(&p[23], "2.5+", 8);
	ide_hd_padstr(&p[27], hd->model ? hd->model : "QEMU HARDDISK", 40);
	p[47] = 0x8000 | 16;
	p[48] = 1;
	p[49] = (1 << 11) | (1 << 9) | (1 << 8);         /* IORDY, LBA, DMA */
	p[51] = 0x200; p[52] = 0x200; p[53] = 7;
	p[60] = (uint16_t)lba28; p[61] = (uint16_t)(lba28 >> 16);
	p[62] = 7; p[63] = 7; p[64] = 3;
	p[65] = p[66] = p[67] = p[68] = 120;
	if (hd->ncq_queues) {
		p[75] = (uint16_t)(hd->ncq_queues - 1);
		p[76] = 1 << 8;
	}
	p[80] = 0xf0; p[81] = 0x16;
	p[82] = (1 << 14) | (1 << 5) | 1;
	p[83] = (1 << 14) | (1 << 13) | (1 << 12) | (1 << 10);
	p[84] = 1 << 14;
	p[85] = (uint16_t)((1 << 14) | (hd->write_cache ? 1 << 5 : 0) | 1);
	p[86] = (1 << 13) | (1 << 12) | (1 << 10);
	p[87] = 1 << 14;
	p[88] = 0x3f | (1 << 13);
	p[93] = 1 | (1 << 14) | 0x2000;
	p[100] = (uint16_t)hd->nb_sectors;
	p[101] = (uint16_t)(hd->nb_sectors >> 16);
	p[102] = (uint16_t)(hd->nb_sectors >> 32);
	p[103] = (uint16_t)(hd->nb_sectors >> 48);
	p[106] = (uint16_t)(0x6000 | hd->phys_exp);
}
