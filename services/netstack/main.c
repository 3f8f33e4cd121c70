/*
 * The netstack service: one IPv4 interface on a NIC, as far as the stack
 * goes today (Ethernet, ARP, IPv4, ICMP echo; iface.c). It opens the NIC
 * through the net class client, which survives the driver's restarts, and
 * feeds every frame received to the interface.
 *
 *   start netstack.atxf NIC ADDRESS/PREFIX     e.g. virtio-net 10.0.2.15/24
 *
 * NIC is a driver or instance name (atxf_net_client_open).
 */
#include <stdio.h>
#include <string.h>
#include <atxf/client/net.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include <atxf/syscalls.h>
#include "iface.h"

#define OPEN_NS    60000000000ull
#define RING_SLOTS 32
#define NOTICE_BIT (1ull << 5)

static struct atxf_net_client nic;
static struct net_iface iface;
static uint8_t frame[NET_ETH_MAX_FRAME + 4];

static int send_frame(void *ctx, const void *f, size_t len)
{
	(void)ctx;
	return atxf_net_client_send(&nic, f, len);
}

static uint64_t clock_now(void)
{
	return atxf_time_ns();
}

/* Logs each neighbour the first time the cache holds it. */
static void log_new_neighbours(void)
{
	static uint32_t logged[NET_ARP_CACHE];
	char ip[16];

	for (unsigned k = 0; k < NET_ARP_CACHE; k++) {
		const struct net_arp_entry *e = &iface.arp[k];

		if (!e->ip || logged[k] == e->ip)
			continue;
		logged[k] = e->ip;
		net_format_ip(e->ip, ip);
		atxf_log("netstack: neighbour %s is %02x:%02x:%02x:%02x:%02x:%02x\n", ip, e->mac[0],
			 e->mac[1], e->mac[2], e->mac[3], e->mac[4], e->mac[5]);
	}
}

static void on_message(const struct atxf_msg *m)
{
	long len;

	if (m->type == ATXF_MSG_NOTIFY) {
		uint64_t bits;

		memcpy(&bits, m->data, sizeof(bits));
		if (atxf_net_client_noticed(&nic, bits) < 0)
			atxf_log("netstack: %s did not come back\n", nic.conn.name);
		return;
	}
	if (m->type == ATXF_NET_LINK) {
		atxf_log("netstack: %s link %s\n", nic.conn.name,
			 atxf_net_client_link(m) ? "up" : "down");
		return;
	}
	if (m->type != ATXF_NET_RECEIVED)
		return;
	len = atxf_net_client_frame(&nic, m, frame, sizeof(frame));
	if (len > 0)
		net_iface_input(&iface, frame, (size_t)len);
	log_new_neighbours();
}

static int open_interface(const char *name, const char *cidr, atxf_handle_t *port)
{
	char ip[16];
	int err;

	if (net_parse_cidr(cidr, &iface.ip, &iface.prefix_len)) {
		atxf_log("netstack: %s: not an address/prefix such as 10.0.2.15/24\n", cidr);
		return -1;
	}
	err = atxf_net_client_open(&nic, name, RING_SLOTS, OPEN_NS);
	if (err < 0) {
		atxf_log("netstack: cannot open %s: %s\n", name, atxf_strerror(err));
		return -1;
	}
	*port = atxf_port_create();
	err = *port < 0 ? (int)*port : atxf_net_client_subscribe(&nic, *port, NOTICE_BIT);
	if (err < 0) {
		atxf_log("netstack: cannot subscribe to %s: %s\n", name, atxf_strerror(err));
		return -1;
	}
	memcpy(iface.mac, nic.info.mac, NET_MAC_LEN);
	iface.send = send_frame;
	iface.now_ns = clock_now;
	net_format_ip(iface.ip, ip);
	atxf_log("netstack: %s up: %s/%u, MAC %02x:%02x:%02x:%02x:%02x:%02x, link %s\n",
		 nic.conn.name, ip, iface.prefix_len, iface.mac[0], iface.mac[1], iface.mac[2],
		 iface.mac[3], iface.mac[4], iface.mac[5], nic.info.link_up ? "up" : "down");
	return 0;
}

int main(int argc, char **argv)
{
	atxf_handle_t port;
	struct atxf_msg m;

	if (argc != 3) {
		atxf_log("netstack: usage: netstack.atxf NIC ADDRESS/PREFIX\n");
		return 2;
	}
	if (open_interface(argv[1], argv[2], &port))
		return 1;
	for (;;)
		if (atxf_recv(port, &m, ATXF_TIMEOUT_FOREVER) == 0)
			on_message(&m);
}
