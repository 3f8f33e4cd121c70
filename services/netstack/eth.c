/* Ethernet II framing (pkt.h). */
#include <string.h>
#include "pkt.h"

int net_eth_parse(const uint8_t *frame, size_t len, struct net_eth *out, const char **why)
{
	if (len < NET_ETH_HLEN) {
		*why = "frame shorter than an Ethernet header";
		return -1;
	}
	memcpy(out->dst, frame, NET_MAC_LEN);
	memcpy(out->src, frame + 6, NET_MAC_LEN);
	out->type = net_get16(frame + 12);
	out->payload = frame + NET_ETH_HLEN;
	out->len = len - NET_ETH_HLEN;
	return 0;
}

void net_eth_header(uint8_t *out, const uint8_t *dst, const uint8_t *src, uint16_t type)
{
	memcpy(out, dst, NET_MAC_LEN);
	memcpy(out + 6, src, NET_MAC_LEN);
	net_put16(out + 12, type);
}
