/* IPv4 headers (RFC 791, pkt.h). */
#include "pkt.h"

#define FLAG_MF      0x2000
#define FRAG_OFFSET  0x1fff
#define DEFAULT_TTL  64

static int refuse(const char **why, const char *what)
{
	*why = what;
	return -1;
}

int net_ipv4_parse(const uint8_t *p, size_t len, struct net_ipv4 *out, const char **why)
{
	size_t hlen, total;

	if (len < NET_IPV4_HLEN)
		return refuse(why, "IPv4 packet shorter than its header");
	if (p[0] >> 4 != 4)
		return refuse(why, "IP version not 4");
	hlen = (size_t)(p[0] & 0xf) * 4;
	total = net_get16(p + 2);
	if (hlen < NET_IPV4_HLEN)
		return refuse(why, "IPv4 header length below 20 bytes");
	if (total < hlen || total > len)
		return refuse(why, "IPv4 total length outside the header and the frame");
	if (net_checksum(p, hlen) != 0)
		return refuse(why, "IPv4 header checksum wrong");
	if (net_get16(p + 6) & (FLAG_MF | FRAG_OFFSET))
		return refuse(why, "IPv4 fragment (not reassembled)");
	out->tos = p[1];
	out->id = net_get16(p + 4);
	out->ttl = p[8];
	out->proto = p[9];
	out->src = net_get32(p + 12);
	out->dst = net_get32(p + 16);
	out->hlen = hlen;
	out->payload = p + hlen;
	out->plen = total - hlen;
	return 0;
}

void net_ipv4_header(uint8_t *out, uint8_t proto, uint16_t id, uint32_t src, uint32_t dst,
		     size_t payload_len)
{
	out[0] = 0x45;                  /* version 4, 5 words */
	out[1] = 0;
	net_put16(out + 2, (uint16_t)(NET_IPV4_HLEN + payload_len));
	net_put16(out + 4, id);
	net_put16(out + 6, 0x4000);     /* DF: we never fragment */
	out[8] = DEFAULT_TTL;
	out[9] = proto;
	net_put16(out + 10, 0);
	net_put32(out + 12, src);
	net_put32(out + 16, dst);
	net_put16(out + 10, net_checksum(out, NET_IPV4_HLEN));
}
