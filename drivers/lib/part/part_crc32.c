/*
 * CRC-32 for GPT (UEFI 2.10 §5.3.2: the header's and the entry array's
 * checksums): the IEEE 802.3 polynomial, bit-reflected (0xedb88320),
 * register preset to all ones and inverted at the end.
 */
#include "part.h"

static uint32_t table[256];
static int table_ready;

static void table_fill(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;

		for (int k = 0; k < 8; k++)
			c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
		table[i] = c;
	}
	table_ready = 1;
}

uint32_t part_crc32(const void *buf, size_t len)
{
	const uint8_t *p = buf;
	uint32_t c = 0xffffffffu;

	if (!table_ready)
		table_fill();
	while (len--)
		c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
	return c ^ 0xffffffffu;
}
