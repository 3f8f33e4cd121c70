/* ARP for IPv4 over Ethernet (RFC 826), the packet only (pkt.h). */
#include <string.h>
#include "pkt.h"

#define HTYPE_ETHERNET 1

int net_arp_parse(const uint8_t *p, size_t len, struct net_arp *out, const char **why)
{
	if (len < NET_ARP_LEN)
		*why = "ARP packet shorter than 28 bytes";
	else if (net_get16(p) != HTYPE_ETHERNET || net_get16(p + 2) != NET_ETHERTYPE_IPV4)
		*why = "ARP for another hardware or protocol type";
	else if (p[4] != NET_MAC_LEN || p[5] != 4)
		*why = "ARP address lengths not 6 and 4";
	else if (net_get16(p + 6) != NET_ARP_REQUEST && net_get16(p + 6) != NET_ARP_REPLY)
		*why = "ARP operation neither request nor reply";
	else {
		out->op = net_get16(p + 6);
		memcpy(out->sha, p + 8, NET_MAC_LEN);
		out->spa = net_get32(p + 14);
		memcpy(out->tha, p + 18, NET_MAC_LEN);
		out->tpa = net_get32(p + 24);
		return 0;
	}
	return -1;
}

void net_arp_write(uint8_t *out, const struct net_arp *a)
{
	net_put16(out, HTYPE_ETHERNET);
	net_put16(out + 2, NET_ETHERTYPE_IPV4);
	out[4] = NET_MAC_LEN;
	out[5] = 4;
	net_put16(out + 6, a->op);
	memcpy(out + 8, a->sha, NET_MAC_LEN);
	net_put32(out + 14, a->spa);
	memcpy(out + 18, a->tha, NET_MAC_LEN);
	net_put32(out + 24, a->tpa);
}
