/*
 * net-check.atxf: the NIC conformance client (tests/qemu/scenarios_net.py),
 * the same for every net driver. It talks to a host peer
 * (tests/qemu/netpeer.py) through the net class client library
 * (<atxf/client/net.h>) with raw Ethernet frames of ethertype 0x88b5:
 *
 *   net-check.atxf DRIVER     e.g. e1000: the running instance of it
 *
 * A round is one request per size of SIZES, each answered by the peer
 * with a frame of the mirrored size; a request carries the CRC-32 of its
 * data, which the peer checks and echoes, and a reply the CRC of its own
 * random data, checked here. A lost frame is sent again (3 s, 20 tries).
 * The rounds: one with the link up; then the link goes down and up
 * (the scenario's QMP set_link; the LINK events must arrive), another
 * round; then devmgr kills the driver and a round runs on its next
 * generation. Logs "net-check: ..." lines for the scenario, ends with
 * "net-check: OK: ..." and 0, or "net-check: FAIL: ..." and 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/client/net.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/hw.h>
#include <atxf/sys.h>
#include "devmgr_ask.h"

#define ETHERTYPE    0x88b5         /* IEEE local experimental */
#define OP_REQUEST   1
#define OP_REPLY     2
#define HDR          14             /* Ethernet header */
#define PAYLOAD_HDR  ((uint32_t)sizeof(struct msg_hdr))
#define OPEN_NS      60000000000ull
/* Before a request is sent again: past QEMU e1000's 1 s of not receiving
 * after each RCTL write (its flush_queue_timer), so only a real loss resends. */
#define WAIT_NS      3000000000ull
#define TRIES        20
#define LINK_NS      30000000000ull
#define QUIET_NS     50000000ull
#define NOTICE_BIT   (1ull << 5)
#define SLOTS        16

static const uint8_t peer_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
static const uint32_t sizes[] = { 60, 64, 100, 333, 600, 1000, 1400, 1514 };
#define NSIZES (sizeof(sizes) / sizeof(sizes[0]))

/* After the Ethernet header, big-endian on the wire is not needed: both ends say little. */
struct msg_hdr {
	uint8_t magic[4];           /* "ATXF" */
	uint8_t op;
	uint8_t pad;
	uint16_t seq;
	uint16_t reply_size;        /* request: the frame size asked for */
	uint16_t size;              /* the whole frame's bytes, as sent */
	uint32_t crc;               /* CRC-32 of the data after this header */
	uint32_t echo;              /* reply: the CRC the peer computed of the request */
} __attribute__((packed));

static struct atxf_net_client net;
static atxf_handle_t port;
static uint16_t seq;
static unsigned exchanged, resent;
static uint8_t out[1600], in[1600];

static int fail(const char *why)
{
	atxf_log("net-check: FAIL: %s\n", why);
	return 1;
}

static uint32_t crc32(const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;

	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = c >> 1 ^ (0xedb88320u & -(c & 1));
	}
	return ~c;
}

/* A request of size bytes asking for a reply of reply_size; returns its data's CRC. */
static uint32_t build(uint32_t size, uint32_t reply_size)
{
	struct msg_hdr h = { .magic = "ATXF", .op = OP_REQUEST, .seq = seq,
			     .reply_size = (uint16_t)reply_size, .size = (uint16_t)size };
	uint32_t x = 0x9e3779b9u * (seq + 1u);

	memcpy(out, peer_mac, 6);
	memcpy(out + 6, net.info.mac, 6);
	out[12] = ETHERTYPE >> 8;
	out[13] = ETHERTYPE & 0xff;
	for (uint32_t i = HDR + PAYLOAD_HDR; i < size; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		out[i] = (uint8_t)x;
	}
	h.crc = crc32(out + HDR + PAYLOAD_HDR, size - HDR - PAYLOAD_HDR);
	memcpy(out + HDR, &h, sizeof(h));
	return h.crc;
}

/* A RECEIVED event's frame, if it is the reply to seq: 1 good, 0 not ours, <0 bad. */
static int check_reply(long len, uint32_t want_size, uint32_t sent_crc)
{
	struct msg_hdr h;

	if (len < HDR + PAYLOAD_HDR || in[12] != ETHERTYPE >> 8 || in[13] != (ETHERTYPE & 0xff))
		return 0;
	memcpy(&h, in + HDR, sizeof(h));
	if (memcmp(h.magic, "ATXF", 4) || h.op != OP_REPLY || h.seq != seq)
		return 0;
	if (memcmp(in, net.info.mac, 6) || memcmp(in + 6, peer_mac, 6)) {
		atxf_log("net-check: reply %u has the wrong addresses\n", seq);
		return -1;
	}
	if ((uint32_t)len != want_size || h.size != want_size) {
		atxf_log("net-check: reply %u: %ld bytes, want %u\n", seq, len, want_size);
		return -1;
	}
	if (h.echo != sent_crc || h.crc != crc32(in + HDR + PAYLOAD_HDR, (size_t)len - HDR - PAYLOAD_HDR)) {
		atxf_log("net-check: reply %u: CRC mismatch (echo %#x of %#x)\n", seq, h.echo, sent_crc);
		return -1;
	}
	return 1;
}

/* Waits up to WAIT_NS for the reply; handles notices and link events meanwhile. */
static int await_reply(uint32_t want_size, uint32_t sent_crc)
{
	uint64_t deadline = atxf_time_ns() + WAIT_NS;
	struct atxf_msg m;

	for (uint64_t now; (now = atxf_time_ns()) < deadline;) {
		long len;
		int r;

		if (atxf_recv(port, &m, deadline - now) < 0)
			return 0;
		if (m.type == ATXF_MSG_NOTIFY) {
			uint64_t bits;

			memcpy(&bits, m.data, sizeof(bits));
			r = atxf_net_client_noticed(&net, bits);
			if (r < 0)
				return -1;
			if (r == 1)
				return 0;       /* reconnected only now: send again */
			continue;               /* the send already went to the new generation */
		}
		if (m.type != ATXF_NET_RECEIVED)
			continue;
		len = atxf_net_client_frame(&net, &m, in, sizeof(in));
		r = check_reply(len, want_size, sent_crc);
		if (r)
			return r;
	}
	return 0;
}

static int exchange(uint32_t size, uint32_t reply_size)
{
	uint32_t crc = build(size, reply_size);

	for (int t = 0; t < TRIES; t++) {
		int r, err = atxf_net_client_send(&net, out, size);

		if (err < 0 && err != -ATXF_EPEER)
			atxf_log("net-check: send of %u bytes: %d\n", size, err);
		r = await_reply(reply_size, crc);
		if (r)
			return r;
		atxf_log("net-check: no reply to request %u (%u bytes) in 3 s: sending it again\n",
			 seq, size);
		resent++;
	}
	return -1;
}

static int round_of(const char *what)
{
	for (unsigned i = 0; i < NSIZES; i++, seq++) {
		if (exchange(sizes[i], sizes[NSIZES - 1 - i]) != 1) {
			atxf_log("net-check: %s: exchange %u (%u bytes) failed\n", what, seq, sizes[i]);
			return -1;
		}
		exchanged++;
	}
	atxf_log("net-check: %s: %u frames each way, sizes 60..1514, CRCs match\n", what,
		 (unsigned)NSIZES);
	return 0;
}

/* Waits for a LINK event saying up (1) or down (0). */
static int await_link(int up)
{
	uint64_t deadline = atxf_time_ns() + LINK_NS;
	struct atxf_msg m;

	for (uint64_t now; (now = atxf_time_ns()) < deadline;) {
		if (atxf_recv(port, &m, deadline - now) < 0)
			break;
		if (m.type == ATXF_NET_LINK && atxf_net_client_link(&m) == up)
			return 0;
		if (m.type == ATXF_NET_RECEIVED)
			(void)atxf_net_client_frame(&net, &m, in, sizeof(in));
	}
	return -1;
}

static int link_cycle(void)
{
	atxf_log("net-check: waiting for link down\n");
	if (await_link(0))
		return fail("no LINK down event");
	atxf_log("net-check: LINK event: down; waiting for link up\n");
	if (await_link(1))
		return fail("no LINK up event");
	atxf_log("net-check: LINK event: up\n");
	return 0;
}

static int open_net(const char *driver)
{
	char mac[18];
	int err = atxf_net_client_open(&net, driver, SLOTS, OPEN_NS);

	if (err < 0)
		return fail("no such net device to open");
	port = atxf_port_create();
	if (port < 0 || atxf_net_client_subscribe(&net, port, NOTICE_BIT) < 0)
		return fail("could not subscribe");
	for (int i = 0; i < 6; i++)
		snprintf(mac + 3 * i, 4, i < 5 ? "%02x:" : "%02x", net.info.mac[i]);
	atxf_log("net-check: %s MAC %s mtu %u link %s\n", net.conn.name, mac, net.info.mtu,
		 net.info.link_up ? "up" : "down");
	return 0;
}

int main(int argc, char **argv)
{
	atxf_handle_t devmgr;
	long pid;

	if (argc < 2)
		return fail("usage: net-check.atxf DRIVER");
	devmgr = atxf_name_lookup("devmgr", OPEN_NS);
	if (devmgr < 0)
		return fail("no devmgr");
	if (open_net(argv[1]))
		return 1;
	if (round_of("link up"))
		return fail("the first round");
	if (link_cycle())
		return 1;
	if (round_of("after the link came back"))
		return fail("the round after the link came back");
	/*
	 * A quiet moment before the kill: QEMU 7.2's e1000e can abort on its
	 * interrupt throttling timer if its driver dies within ~128 us of an
	 * interrupt; nothing is in flight now, and 50 ms lets the last one pass.
	 */
	atxf_sleep_ns(QUIET_NS);
	pid = devmgr_kill_running(devmgr, net.conn.name);
	if (pid < 0)
		return fail("devmgr did not kill the driver");
	atxf_log("net-check: killed pid %ld\n", pid);
	if (round_of("after the restart"))
		return fail("the round after the restart");
	atxf_log("net-check: OK: %u exchanges, %u resent, %u reconnects\n", exchanged, resent,
		 (unsigned)net.conn.reconnects);
	atxf_net_client_close(&net);
	return 0;
}
