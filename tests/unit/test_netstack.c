/*
 * Host test of the netstack's packet code (services/netstack): the
 * checksum against RFC 1071's worked example, and an interface given
 * frames written out here byte by byte, as a peer would send them: what
 * it sends back is read byte by byte too, never through the code under test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "iface.h"
#include "pkt.h"

static const uint8_t our_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t peer_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
#define OUR_IP  0x0a00020fu     /* 10.0.2.15 */
#define PEER_IP 0x0a000202u     /* 10.0.2.2 */

static uint8_t sent[4][1600];
static size_t sent_len[4];
static unsigned nsent;
static struct net_iface iface;

static int capture(void *ctx, const void *frame, size_t len)
{
	(void)ctx;
	assert_true(nsent < 4);
	assert_true(len <= sizeof(sent[0]));
	memcpy(sent[nsent], frame, len);
	sent_len[nsent++] = len;
	return 0;
}

static int setup(void **state)
{
	(void)state;
	memset(&iface, 0, sizeof(iface));
	memcpy(iface.mac, our_mac, 6);
	iface.ip = OUR_IP;
	iface.prefix_len = 24;
	iface.send = capture;
	nsent = 0;
	return 0;
}

/* Sums 16-bit words by hand, for checking a packet's checksum field. */
static uint16_t ones_sum(const uint8_t *p, size_t len)
{
	uint32_t s = 0;

	for (size_t i = 0; i + 1 < len; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		s += (uint32_t)p[len - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

static size_t put_eth(uint8_t *f, const uint8_t *dst, const uint8_t *src, uint16_t type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	f[12] = (uint8_t)(type >> 8);
	f[13] = (uint8_t)type;
	return 14;
}

static size_t arp_request(uint8_t *f, uint32_t target)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	uint8_t *a = f + put_eth(f, bcast, peer_mac, 0x0806);
	const uint8_t fixed[8] = { 0, 1, 8, 0, 6, 4, 0, 1 };

	memcpy(a, fixed, 8);
	memcpy(a + 8, peer_mac, 6);
	a[14] = 10; a[15] = 0; a[16] = 2; a[17] = 2;
	memset(a + 18, 0, 6);
	a[24] = (uint8_t)(target >> 24); a[25] = (uint8_t)(target >> 16);
	a[26] = (uint8_t)(target >> 8); a[27] = (uint8_t)target;
	memset(a + 28, 0, 18);                  /* padded to 60 bytes, as on the wire */
	return 60;
}

/* An echo request from the peer: ICMP id 0x1234, seq 7, data bytes i*3. */
static size_t echo_request(uint8_t *f, size_t data_len)
{
	uint8_t *ip = f + put_eth(f, our_mac, peer_mac, 0x0800), *icmp = ip + 20;
	size_t icmp_len = 8 + data_len;
	uint16_t c;

	memset(ip, 0, 20);
	ip[0] = 0x45;
	ip[2] = (uint8_t)((20 + icmp_len) >> 8);
	ip[3] = (uint8_t)(20 + icmp_len);
	ip[8] = 64;
	ip[9] = 1;
	ip[12] = 10; ip[13] = 0; ip[14] = 2; ip[15] = 2;
	ip[16] = 10; ip[17] = 0; ip[18] = 2; ip[19] = 15;
	c = (uint16_t)~ones_sum(ip, 20);
	ip[10] = (uint8_t)(c >> 8);
	ip[11] = (uint8_t)c;
	memset(icmp, 0, 8);
	icmp[0] = 8;
	icmp[4] = 0x12; icmp[5] = 0x34; icmp[7] = 7;
	for (size_t i = 0; i < data_len; i++)
		icmp[8 + i] = (uint8_t)(i * 3);
	c = (uint16_t)~ones_sum(icmp, icmp_len);
	icmp[2] = (uint8_t)(c >> 8);
	icmp[3] = (uint8_t)c;
	return 14 + 20 + icmp_len;
}

/* RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (one's complement 220d). */
static void test_checksum_rfc1071_example(void **state)
{
	const uint8_t words[8] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
	const uint8_t odd[3] = { 0x01, 0x02, 0x03 };

	(void)state;
	assert_int_equal(net_checksum(words, 8), 0x220d);
	assert_int_equal(net_checksum(odd, 3), (uint16_t)~(0x0102 + 0x0300));
}

static void test_arp_request_answered(void **state)
{
	uint8_t f[64];
	const uint8_t *r;

	(void)state;
	net_iface_input(&iface, f, arp_request(f, OUR_IP));
	assert_int_equal(nsent, 1);
	r = sent[0];
	assert_int_equal(sent_len[0], 60);
	assert_memory_equal(r, peer_mac, 6);                /* to the asker */
	assert_memory_equal(r + 6, our_mac, 6);
	assert_int_equal(r[12] << 8 | r[13], 0x0806);
	assert_int_equal(r[20] << 8 | r[21], 2);            /* reply */
	assert_memory_equal(r + 22, our_mac, 6);            /* sender: us */
	assert_int_equal(r[28], 10); assert_int_equal(r[31], 15);
	assert_memory_equal(r + 32, peer_mac, 6);           /* target: the asker */
	assert_int_equal(r[38], 10); assert_int_equal(r[41], 2);
	assert_memory_equal(net_arp_lookup(&iface, PEER_IP), peer_mac, 6);
	assert_int_equal(iface.st.arp_replies, 1);
}

static void test_arp_for_someone_else_ignored(void **state)
{
	uint8_t f[64];

	(void)state;
	net_iface_input(&iface, f, arp_request(f, 0x0a000263));
	assert_int_equal(nsent, 0);
	assert_null(net_arp_lookup(&iface, PEER_IP));   /* not asked, not merged */
	assert_int_equal(iface.st.ignored, 1);
}

static void test_echo_request_answered(void **state)
{
	uint8_t f[1514];
	size_t len = echo_request(f, 1000);
	const uint8_t *r, *ip, *icmp;

	(void)state;
	net_iface_input(&iface, f, len);
	assert_int_equal(nsent, 1);
	r = sent[0];
	ip = r + 14;
	icmp = ip + 20;
	assert_int_equal(sent_len[0], len);
	assert_memory_equal(r, peer_mac, 6);
	assert_int_equal(ip[0], 0x45);
	assert_int_equal(ip[2] << 8 | ip[3], 20 + 8 + 1000);
	assert_int_equal(ip[9], 1);
	assert_int_equal(ones_sum(ip, 20), 0xffff);         /* header checksum right */
	assert_memory_equal(ip + 12, f + 14 + 16, 4);       /* from the address pinged */
	assert_memory_equal(ip + 16, f + 14 + 12, 4);       /* to the pinger */
	assert_int_equal(icmp[0], 0);
	assert_int_equal(icmp[1], 0);
	assert_int_equal(ones_sum(icmp, 8 + 1000), 0xffff);
	assert_memory_equal(icmp + 4, f + 14 + 20 + 4, 4 + 1000);  /* id, seq, data */
	assert_int_equal(iface.st.echo_replies, 1);
}

/* Each refused for its own reason, nothing sent, nothing read past the end. */
static void test_bad_packets_refused(void **state)
{
	uint8_t f[1514] = { 0 };
	size_t len;

	(void)state;
	net_iface_input(&iface, f, 10);
	assert_string_equal(iface.last_refusal, "frame shorter than an Ethernet header");
	len = echo_request(f, 32);
	f[14 + 11] ^= 1;
	net_iface_input(&iface, f, len);
	assert_string_equal(iface.last_refusal, "IPv4 header checksum wrong");
	len = echo_request(f, 32);
	f[14 + 20 + 8] ^= 0xff;
	net_iface_input(&iface, f, len);
	assert_string_equal(iface.last_refusal, "ICMP checksum wrong");
	len = echo_request(f, 32);
	net_iface_input(&iface, f, len - 1);                /* total length past the frame */
	assert_string_equal(iface.last_refusal,
			    "IPv4 total length outside the header and the frame");
	len = echo_request(f, 32);
	f[14 + 6] = 0x20;                                   /* more fragments */
	f[14 + 10] = f[14 + 11] = 0;
	{
		uint16_t c = (uint16_t)~ones_sum(f + 14, 20);

		f[14 + 10] = (uint8_t)(c >> 8);
		f[14 + 11] = (uint8_t)c;
	}
	net_iface_input(&iface, f, len);
	assert_string_equal(iface.last_refusal, "IPv4 fragment (not reassembled)");
	len = arp_request(f, OUR_IP);
	f[14 + 5] = 16;                                     /* IPv6-sized protocol address */
	net_iface_input(&iface, f, len);
	assert_string_equal(iface.last_refusal, "ARP address lengths not 6 and 4");
	assert_int_equal(nsent, 0);
	assert_int_equal(iface.st.malformed, 6);
}

/* Full cache: the entry learnt longest ago makes room. */
static uint64_t fake_now;
static uint64_t fake_clock(void)
{
	return fake_now;
}

static void test_arp_cache_replaces_oldest(void **state)
{
	uint8_t mac[6] = { 2, 0, 0, 0, 0, 0 };

	(void)state;
	iface.now_ns = fake_clock;
	for (unsigned k = 0; k < NET_ARP_CACHE + 1; k++) {
		fake_now = 100 + k;
		mac[5] = (uint8_t)k;
		net_arp_learn(&iface, 0x0a000100u + k, mac);
	}
	assert_null(net_arp_lookup(&iface, 0x0a000100u));       /* the oldest went */
	assert_non_null(net_arp_lookup(&iface, 0x0a000101u));
	assert_int_equal(net_arp_lookup(&iface, 0x0a000100u + NET_ARP_CACHE)[5], NET_ARP_CACHE);
}

static void test_cidr_parsed_and_refused(void **state)
{
	uint32_t ip, len;
	char text[16];

	(void)state;
	assert_int_equal(net_parse_cidr("10.0.2.15/24", &ip, &len), 0);
	assert_int_equal(ip, OUR_IP);
	assert_int_equal(len, 24);
	net_format_ip(ip, text);
	assert_string_equal(text, "10.0.2.15");
	assert_int_equal(net_parse_cidr("10.0.2.256/24", &ip, &len), -1);
	assert_int_equal(net_parse_cidr("10.0.2/24", &ip, &len), -1);
	assert_int_equal(net_parse_cidr("10.0.2.15", &ip, &len), -1);
	assert_int_equal(net_parse_cidr("10.0.2.15/33", &ip, &len), -1);
	assert_int_equal(net_parse_cidr("10.0.2.15/24x", &ip, &len), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checksum_rfc1071_example),
		cmocka_unit_test_setup(test_arp_request_answered, setup),
		cmocka_unit_test_setup(test_arp_for_someone_else_ignored, setup),
		cmocka_unit_test_setup(test_echo_request_answered, setup),
		cmocka_unit_test_setup(test_bad_packets_refused, setup),
		cmocka_unit_test_setup(test_arp_cache_replaces_oldest, setup),
		cmocka_unit_test_setup(test_cidr_parsed_and_refused, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
