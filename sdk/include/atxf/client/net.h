/*
 * The net class client (docs/protocols.md §6 and §11): Ethernet frames out
 * (SEND from the shared buffer) and in (RECEIVED events on the client's
 * port, large frames in a ring of slots in the same buffer), across the
 * driver's restarts. The buffer, the subscription (with its ring) and
 * promiscuous mode are replayed on each new generation. A restart loses
 * the frames in flight: those the device received while no driver ran,
 * and RECEIVED events the old generation had not sent. The one SEND in
 * flight when the driver died is sent again, so a peer may see it twice;
 * the protocols above Ethernet tolerate both.
 *
 * The buffer's layout: [0, ring_offset) holds the frame being sent, the
 * ring's slots follow it.
 */
#ifndef ATXF_CLIENT_NET_H
#define ATXF_CLIENT_NET_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/client/buffer.h>
#include <atxf/client/conn.h>
#include <atxf/proto/net.h>

struct atxf_net_client {
	struct atxf_conn conn;              /* first: the replay finds the client from it */
	struct atxf_net_info info;          /* mac, mtu as the first generation said */
	struct atxf_client_buffer buf;      /* the frame to send, then the ring */
	struct atxf_net_subscribe sub;      /* the ring asked for */
	atxf_handle_t frame_port;           /* where RECEIVED goes; NONE: not subscribed */
	int promisc;                        /* -1 never set, else 0 or 1 */
};

/*
 * Opens the interface with a ring of slots slots (0: inline frames only)
 * after a send area of one full frame. 0 or the first error.
 */
int atxf_net_client_open(struct atxf_net_client *n, const char *name, uint32_t slots,
			 uint64_t timeout_ns);

/* Sends one whole frame (header on, no FCS). */
int atxf_net_client_send(struct atxf_net_client *n, const void *frame, size_t len);

/* RECEIVED to port, deaths noticed there as notice_bits (see <atxf/client/char.h>). */
int atxf_net_client_subscribe(struct atxf_net_client *n, atxf_handle_t port,
			      uint64_t notice_bits);
static inline int atxf_net_client_noticed(struct atxf_net_client *n, uint64_t bits)
{
	return atxf_conn_noticed(&n->conn, bits);
}

/*
 * The frame a RECEIVED event names, copied to out (up to size bytes), its
 * ring slot handed back: the frame's length, or -ATXF_EPROTO for an event
 * that names no full slot.
 */
long atxf_net_client_frame(struct atxf_net_client *n, const struct atxf_msg *event, void *out,
			   size_t size);

/* A LINK event's carrier state: 1 up, 0 down, -ATXF_EPROTO if event is no LINK. */
int atxf_net_client_link(const struct atxf_msg *event);

int atxf_net_client_set_promisc(struct atxf_net_client *n, int on);

void atxf_net_client_close(struct atxf_net_client *n);

#endif
