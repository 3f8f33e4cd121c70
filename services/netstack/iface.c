/* An interface's input path (iface.h). */
#include <string.h>
#include "iface.h"

static const uint8_t broadcast[NET_MAC_LEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static uint64_t now(const struct net_iface *i)
{
	return i->now_ns ? i->now_ns() : 0;
}

const uint8_t *net_arp_lookup(const struct net_iface *i, uint32_t ip)
{
	for (unsigned k = 0; ip && k < NET_ARP_CACHE; k++)
		if (i->arp[k].ip == ip)
			return i->arp[k].mac;
	return NULL;
}

void net_arp_learn(struct net_iface *i, uint32_t ip, const uint8_t *mac)
{
	struct net_arp_entry *slot = &i->arp[0];

	if (!ip)
		return;                 /* 0.0.0.0: a host probing for a free address */
	for (unsigned k = 0; k < NET_ARP_CACHE; k++) {
		struct net_arp_entry *e = &i->arp[k];

		if (e->ip == ip || !e->ip) {
			slot = e;
			break;
		}
		if (e->learnt_ns < slot->learnt_ns)
			slot = e;
	}
	slot->ip = ip;
	memcpy(slot->mac, mac, NET_MAC_LEN);
	slot->learnt_ns = now(i);
}

static void transmit(struct net_iface *i, uint8_t *frame, size_t len)
{
	if (len < NET_ETH_MIN_FRAME) {          /* pad: some NICs do not */
		memset(frame + len, 0, NET_ETH_MIN_FRAME - len);
		len = NET_ETH_MIN_FRAME;
	}
	if (i->send(i->ctx, frame, len) == 0)
		i->st.tx++;
}

static void malformed(struct net_iface *i, const char *why)
{
	i->st.malformed++;
	i->last_refusal = why;
}

static void arp_input(struct net_iface *i, const struct net_eth *eth)
{
	struct net_arp a, r;
	const char *why;
	uint8_t frame[NET_ETH_MIN_FRAME];

	if (net_arp_parse(eth->payload, eth->len, &a, &why)) {
		malformed(i, why);
		return;
	}
	/* RFC 826's merge: refresh a sender we know, learn one that asks us. */
	if (a.tpa == i->ip || net_arp_lookup(i, a.spa))
		net_arp_learn(i, a.spa, a.sha);
	if (a.op != NET_ARP_REQUEST || a.tpa != i->ip || !i->ip) {
		i->st.ignored += a.tpa != i->ip;
		return;
	}
	r = (struct net_arp){ .op = NET_ARP_REPLY, .spa = i->ip, .tpa = a.spa };
	memcpy(r.sha, i->mac, NET_MAC_LEN);
	memcpy(r.tha, a.sha, NET_MAC_LEN);
	net_eth_header(frame, a.sha, i->mac, NET_ETHERTYPE_ARP);
	net_arp_write(frame + NET_ETH_HLEN, &r);
	transmit(i, frame, NET_ETH_HLEN + NET_ARP_LEN);
	i->st.arp_replies++;
}

static void icmp_input(struct net_iface *i, const struct net_eth *eth, const struct net_ipv4 *ip)
{
	static uint8_t frame[NET_ETH_MAX_FRAME];
	uint8_t *icmp = frame + NET_ETH_HLEN + NET_IPV4_HLEN;
	const char *why;
	long n = net_icmp_echo_reply(ip->payload, ip->plen, icmp,
				     sizeof(frame) - NET_ETH_HLEN - NET_IPV4_HLEN, &why);

	if (n < 0) {
		malformed(i, why);
		return;
	}
	net_eth_header(frame, eth->src, i->mac, NET_ETHERTYPE_IPV4);
	net_ipv4_header(frame + NET_ETH_HLEN, NET_IP_PROTO_ICMP, i->next_ip_id++, i->ip, ip->src,
			(size_t)n);
	transmit(i, frame, NET_ETH_HLEN + NET_IPV4_HLEN + (size_t)n);
	i->st.echo_replies++;
}

static void ipv4_input(struct net_iface *i, const struct net_eth *eth)
{
	struct net_ipv4 ip;
	const char *why;

	if (net_ipv4_parse(eth->payload, eth->len, &ip, &why)) {
		malformed(i, why);
		return;
	}
	if (ip.dst != i->ip || !i->ip || ip.proto != NET_IP_PROTO_ICMP) {
		i->st.ignored++;
		return;
	}
	icmp_input(i, eth, &ip);
}

void net_iface_input(struct net_iface *i, const uint8_t *frame, size_t len)
{
	struct net_eth eth;
	const char *why;

	i->st.rx++;
	if (net_eth_parse(frame, len, &eth, &why)) {
		malformed(i, why);
		return;
	}
	if (memcmp(eth.dst, i->mac, NET_MAC_LEN) && memcmp(eth.dst, broadcast, NET_MAC_LEN)) {
		i->st.ignored++;
		return;
	}
	if (eth.type == NET_ETHERTYPE_ARP)
		arp_input(i, &eth);
	else if (eth.type == NET_ETHERTYPE_IPV4)
		ipv4_input(i, &eth);
	else
		i->st.ignored++;
}
