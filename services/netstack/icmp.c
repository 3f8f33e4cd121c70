/* ICMP echo (RFC 792, pkt.h). */
#include <string.h>
#include "pkt.h"

#define ICMP_HLEN 8

long net_icmp_echo_reply(const uint8_t *req, size_t len, uint8_t *out, size_t size,
			 const char **why)
{
	if (len < ICMP_HLEN)
		*why = "ICMP message shorter than 8 bytes";
	else if (req[0] != NET_ICMP_ECHO_REQUEST || req[1] != 0)
		*why = "ICMP message not an echo request";
	else if (net_checksum(req, len) != 0)
		*why = "ICMP checksum wrong";
	else if (len > size)
		*why = "ICMP echo too large to answer";
	else {
		memcpy(out, req, len);
		out[0] = NET_ICMP_ECHO_REPLY;
		net_put16(out + 2, 0);
		net_put16(out + 2, net_checksum(out, len));
		return (long)len;
	}
	return -1;
}
