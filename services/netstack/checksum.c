/* The Internet checksum (pkt.h): RFC 1071's one's-complement sum. */
#include "pkt.h"

uint32_t net_checksum_add(uint32_t sum, const void *data, size_t len)
{
	const uint8_t *p = data;
	uint64_t s = sum;

	for (; len >= 2; p += 2, len -= 2)
		s += net_get16(p);
	if (len)
		s += (uint32_t)p[0] << 8;       /* an odd byte is padded with a zero */
	while (s >> 32)
		s = (s & 0xffffffffu) + (s >> 32);
	return (uint32_t)s;
}

uint16_t net_checksum_finish(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

uint16_t net_checksum(const void *data, size_t len)
{
	return net_checksum_finish(net_checksum_add(0, data, len));
}
