/*
 * One IPv4 interface over Ethernet: its addresses, its ARP cache and what
 * it does with each frame that arrives. ARP requests for its address are
 * answered (and teach it the asker), ARP replies are learnt, ICMP echo
 * requests to it are answered; everything else is counted and dropped.
 * Frames go out through send(), so the host tests run it without a NIC.
 */
#ifndef NETSTACK_IFACE_H
#define NETSTACK_IFACE_H

#include <stddef.h>
#include <stdint.h>
#include "pkt.h"

#define NET_ARP_CACHE 16

struct net_arp_entry {
	uint32_t ip;                /* 0: free */
	uint8_t mac[NET_MAC_LEN];
	uint64_t learnt_ns;
};

struct net_iface_stats {
	uint64_t rx, tx;
	uint64_t arp_replies;       /* answers we sent */
	uint64_t echo_replies;
	uint64_t malformed;         /* refused by a parser */
	uint64_t ignored;           /* well formed, not for us or not handled */
};

struct net_iface {
	uint8_t mac[NET_MAC_LEN];
	uint32_t ip, prefix_len;
	struct net_arp_entry arp[NET_ARP_CACHE];
	struct net_iface_stats st;
	const char *last_refusal;   /* why the last malformed frame was dropped */
	int (*send)(void *ctx, const void *frame, size_t len);
	void *ctx;
	uint64_t (*now_ns)(void);
	uint16_t next_ip_id;
};

/* Takes one received frame (without FCS). */
void net_iface_input(struct net_iface *i, const uint8_t *frame, size_t len);

/* The MAC the cache holds for ip, or NULL. */
const uint8_t *net_arp_lookup(const struct net_iface *i, uint32_t ip);
/* Remembers ip's MAC, replacing the oldest entry when the cache is full. */
void net_arp_learn(struct net_iface *i, uint32_t ip, const uint8_t *mac);

/* "10.0.2.15/24" into *ip and *prefix_len: 0, or -1 (malformed). */
int net_parse_cidr(const char *s, uint32_t *ip, uint32_t *prefix_len);
/* ip as a dotted quad into out (at least 16 bytes). */
void net_format_ip(uint32_t ip, char *out);

#endif
