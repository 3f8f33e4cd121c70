/*
 * Wire formats of the netstack (Ethernet II, ARP for IPv4, IPv4, ICMP),
 * read and written byte by byte in network order: no packed structs, so a
 * frame at any alignment is parsed the same way on any host. Every parser
 * takes the bytes and their length, checks each field it relies on, and
 * refuses with a reason; none reads past the length it was given.
 */
#ifndef NETSTACK_PKT_H
#define NETSTACK_PKT_H

#include <stddef.h>
#include <stdint.h>

#define NET_MAC_LEN        6
#define NET_ETH_HLEN       14
#define NET_ETH_MIN_FRAME  60       /* without FCS: shorter frames are padded */
#define NET_ETH_MAX_FRAME  1514     /* MTU 1500 + header */
#define NET_ETHERTYPE_IPV4 0x0800
#define NET_ETHERTYPE_ARP  0x0806
#define NET_ARP_LEN        28
#define NET_IPV4_HLEN      20
#define NET_IP_PROTO_ICMP  1
#define NET_ICMP_ECHO_REPLY   0
#define NET_ICMP_ECHO_REQUEST 8

static inline uint16_t net_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t net_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline void net_put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void net_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* The Internet checksum (RFC 1071) of len bytes, folded into sum's 32-bit
 * running total; net_checksum_finish gives the 16-bit field. A buffer that
 * already holds a correct checksum sums to 0xffff, so finish gives 0. */
uint32_t net_checksum_add(uint32_t sum, const void *data, size_t len);
uint16_t net_checksum_finish(uint32_t sum);
uint16_t net_checksum(const void *data, size_t len);

struct net_eth {
	uint8_t dst[NET_MAC_LEN], src[NET_MAC_LEN];
	uint16_t type;
	const uint8_t *payload;
	size_t len;                 /* payload bytes, padding included */
};

/* 0, or -1 with *why: shorter than a header. */
int net_eth_parse(const uint8_t *frame, size_t len, struct net_eth *out, const char **why);
/* The 14-byte header into out. */
void net_eth_header(uint8_t *out, const uint8_t *dst, const uint8_t *src, uint16_t type);

struct net_arp {
	uint16_t op;                /* 1 request, 2 reply */
	uint8_t sha[NET_MAC_LEN];
	uint32_t spa;
	uint8_t tha[NET_MAC_LEN];
	uint32_t tpa;
};
#define NET_ARP_REQUEST 1
#define NET_ARP_REPLY   2

/* Ethernet/IPv4 ARP (RFC 826) only: 0, or -1 with *why. */
int net_arp_parse(const uint8_t *p, size_t len, struct net_arp *out, const char **why);
/* NET_ARP_LEN bytes into out. */
void net_arp_write(uint8_t *out, const struct net_arp *a);

struct net_ipv4 {
	uint8_t tos, ttl, proto;
	uint16_t id;
	uint32_t src, dst;
	size_t hlen;                /* header bytes, options included */
	const uint8_t *payload;
	size_t plen;                /* by the total length field, never the frame's padding */
};

/* RFC 791: version 4, header length 20..60 within the total length,
 * total length within the bytes given, header checksum right, not a
 * fragment (none are reassembled yet). 0, or -1 with *why. */
int net_ipv4_parse(const uint8_t *p, size_t len, struct net_ipv4 *out, const char **why);
/* A 20-byte header without options, its checksum computed, into out. */
void net_ipv4_header(uint8_t *out, uint8_t proto, uint16_t id, uint32_t src, uint32_t dst,
		     size_t payload_len);

/* An ICMP echo request's reply (RFC 792) into out: the same identifier,
 * sequence and data, type 0, checksum computed. Its length, or -1 with
 * *why: not an echo request, too short, a wrong checksum, out too small. */
long net_icmp_echo_reply(const uint8_t *req, size_t len, uint8_t *out, size_t size,
			 const char **why);

#endif
