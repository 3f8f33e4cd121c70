/*
 * libFuzzer target: frames into the netstack's interface (services/netstack:
 * Ethernet, ARP, IPv4, ICMP). The input is one frame; the interface's
 * address is the one the seeds use. Invariants: every frame it sends is
 * 60..1514 bytes from its own MAC, an IPv4 answer carries a header whose
 * checksum sums right, and each input frame gets at most one answer.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "iface.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t our_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static unsigned answers;

static int check_sent(void *ctx, const void *frame, size_t len)
{
	const uint8_t *f = frame;

	(void)ctx;
	if (len < NET_ETH_MIN_FRAME || len > NET_ETH_MAX_FRAME || memcmp(f + 6, our_mac, 6))
		abort();
	if (net_get16(f + 12) == NET_ETHERTYPE_IPV4 && net_checksum(f + 14, NET_IPV4_HLEN))
		abort();
	answers++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct net_iface iface;

	if (size > NET_ETH_MAX_FRAME)
		return 0;
	memset(&iface, 0, sizeof(iface));
	memcpy(iface.mac, our_mac, 6);
	iface.ip = 0x0a00020f;
	iface.send = check_sent;
	answers = 0;
	net_iface_input(&iface, data, size);
	if (answers > 1 || iface.st.rx != 1)
		abort();
	return 0;
}
