/*
 * The network protocol (ATXF_PROTO_NET): Ethernet interfaces. Exercised in
 * QEMU by virtio-net and e1000 drivers with user networking;
 * docs/protocols.md §6.
 *
 * Sending. A client attaches a buffer (ATTACH_BUFFER, caps[0] = a
 * shared-memory handle), writes a whole Ethernet frame (header onwards, no
 * FCS) into it and sends SEND {offset, len}. The driver copies the frame out
 * before it replies; the client may then reuse the place.
 *
 * Receiving. SUBSCRIBE (caps[0] = the port to notify) with an optional ring
 * in the client's attached buffer: `slots` slots of `slot_size` bytes from
 * `ring_offset`, each a struct atxf_net_slot header then the frame. For each
 * received frame the subscriber gets one RECEIVED event:
 *
 *   frame <= ATXF_NET_INLINE_MAX bytes: inline in the event (slot =
 *     ATXF_NET_SLOT_INLINE). ARP, TCP ACKs and the like never touch the ring.
 *   larger: copied into the next slot of the ring, in order, if that slot is
 *     FREE; the driver sets its len, then its state to FULL, then sends the
 *     event naming the slot. The client reads the frame and sets state back
 *     to FREE. If the next slot is still FULL, or there is no ring, the
 *     frame is dropped and counted in the next event's `dropped`.
 *
 * The slot's state word is the only thing the two sides hand back and forth,
 * so no further messages are needed and a slow client loses frames, never
 * stalls the driver. The driver trusts nothing else in the ring.
 *
 * Queued I/O. ATTACH_RING (proto/common.h) gives the driver a request ring
 * (<atxf/ring.h>). ATXF_NET_OP_SEND sends the frame at [offset, offset +
 * length) of the ring's data area (length as for SEND above). ATXF_NET_OP_RECV
 * posts an empty buffer there (length at least mtu + ATXF_NET_HEADER_MAX):
 * the driver completes the oldest posted buffer with the next frame it
 * receives (completion length = frame bytes), so receiving needs no message
 * per frame and a burst only loses frames when the client posted too few
 * buffers (counted in the completion's `flags`: frames lost before this one,
 * saturating at 0xffff). arg and flags of a submission are 0.
 *
 * Link. Every subscriber gets a LINK event when the carrier comes or goes
 * (the driver saw the device's link status change); INFO's link_up says
 * the state now. LINK events are held for a busy subscriber (the backlog),
 * not dropped like frames, so none is lost while the backlog has room.
 */
#ifndef ATXF_PROTO_NET_H
#define ATXF_PROTO_NET_H

#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/proto/common.h>

#define ATXF_NET_MTU_DEFAULT  1500  /* used when a driver leaves mtu 0 */
#define ATXF_NET_HEADER_MAX   18    /* Ethernet header + one 802.1Q tag */
#define ATXF_NET_HEADER_MIN   14    /* a frame is at least its header */
#define ATXF_NET_INLINE_MAX   72    /* frames up to this travel in the event */
#define ATXF_NET_SLOT_INLINE  0xffffffffu

/* INFO's reply; also what a net driver's probe fills in (dev->info.net). */
struct atxf_net_info {
	uint8_t mac[6];
	uint16_t mtu;               /* payload bytes; 0 means ATXF_NET_MTU_DEFAULT */
	uint32_t link_up;           /* 1: carrier */
	uint32_t reserved;
};

/* SEND: a frame of len bytes at offset in the attached buffer. */
struct atxf_net_send {
	uint64_t offset;
	uint32_t len;               /* ATXF_NET_HEADER_MIN .. mtu + ATXF_NET_HEADER_MAX */
	uint32_t reserved;
};

/* SUBSCRIBE: slots = 0 asks for inline frames only (no buffer needed). */
struct atxf_net_subscribe {
	uint64_t ring_offset;       /* multiple of 8, in the attached buffer */
	uint32_t slot_size;         /* multiple of 8, >= 8 + mtu + ATXF_NET_HEADER_MAX */
	uint32_t slots;
};

/* SET_PROMISC: receive frames for every address (1) or only ours (0). */
struct atxf_net_promisc {
	uint32_t on;                /* 0 or 1 */
};

/* The header of each ring slot in shared memory; the frame follows it. */
struct atxf_net_slot {
	uint32_t state;             /* ATXF_NET_SLOT_FREE or ATXF_NET_SLOT_FULL */
	uint32_t len;               /* frame bytes, set by the driver */
};
#define ATXF_NET_SLOT_FREE 0u       /* the driver may fill it */
#define ATXF_NET_SLOT_FULL 1u       /* holds a frame for the client */

/* RECEIVED event: msg.len = 16 + len when inline, 16 otherwise. */
struct atxf_net_received {
	uint32_t dropped;           /* frames lost before this one */
	uint32_t len;               /* frame bytes */
	uint32_t slot;              /* ring slot, or ATXF_NET_SLOT_INLINE */
	uint32_t reserved;
	uint8_t data[ATXF_NET_INLINE_MAX];
};

/* LINK event: msg.len = 8. */
struct atxf_net_link {
	uint32_t dropped;           /* the event header: events lost before this one */
	uint32_t link_up;           /* 1: carrier, 0: none */
};

/* Ring descriptor opcodes (struct atxf_ring_desc.opcode). */
#define ATXF_NET_OP_SEND  1
#define ATXF_NET_OP_RECV  2

/* X(PROTO, NAME, n, dir, req_min, req_max, caps, reply): see proto/common.h. */
#define ATXF_NET_PROTOCOL(X)                                                   \
	X(NET, INFO, 1, ATXF_TO_DRIVER, 0, 0, 0, sizeof(struct atxf_net_info))  \
	X(NET, ATTACH_BUFFER, 2, ATXF_TO_DRIVER, 0, 0, 1,                       \
	  sizeof(struct atxf_attach_reply))                                     \
	X(NET, SEND, 3, ATXF_TO_DRIVER, sizeof(struct atxf_net_send),           \
	  sizeof(struct atxf_net_send), 0, 0)                                   \
	X(NET, SUBSCRIBE, 4, ATXF_TO_DRIVER, sizeof(struct atxf_net_subscribe), \
	  sizeof(struct atxf_net_subscribe), 1, 0)                              \
	X(NET, SET_PROMISC, 5, ATXF_TO_DRIVER, sizeof(struct atxf_net_promisc), \
	  sizeof(struct atxf_net_promisc), 0, 0)                                \
	X(NET, ATTACH_RING, 6, ATXF_TO_DRIVER, sizeof(struct atxf_ring_attach), \
	  sizeof(struct atxf_ring_attach), 2, sizeof(struct atxf_ring_attach_reply)) \
	X(NET, RECEIVED, ATXF_EVENT_FIRST, ATXF_FROM_DRIVER, 16,                \
	  sizeof(struct atxf_net_received), 0, 0)                               \
	X(NET, LINK, ATXF_EVENT_FIRST + 1, ATXF_FROM_DRIVER, 8, 8, 0, 0)

enum { ATXF_NET_PROTOCOL(ATXF_PROTO_CODE_) };

_Static_assert(sizeof(struct atxf_net_info) == 16, "net INFO layout");
_Static_assert(sizeof(struct atxf_net_send) == 16, "net SEND layout");
_Static_assert(sizeof(struct atxf_net_subscribe) == 16, "net SUBSCRIBE layout");
_Static_assert(sizeof(struct atxf_net_promisc) == 4, "net SET_PROMISC layout");
_Static_assert(sizeof(struct atxf_net_slot) == 8, "net ring slot layout");
_Static_assert(sizeof(struct atxf_net_received) == ATXF_MSG_DATA_MAX, "RECEIVED layout");
_Static_assert(sizeof(struct atxf_net_link) == 8, "LINK layout");

#endif
