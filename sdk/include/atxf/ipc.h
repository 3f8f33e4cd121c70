/*
 * IPC messages. Every message is one fixed-size struct: a protocol-defined
 * type, a small inline payload and up to four capabilities to transfer. Bulk
 * data travels in shared memory (SYS_SHM_GRANT), named by a capability in the
 * message, so the kernel never copies more than these 128 bytes.
 */
#ifndef ATXF_IPC_H
#define ATXF_IPC_H

#include <stdint.h>
#include <atxf/cap.h>

#define ATXF_MSG_CAPS_MAX  4
#define ATXF_MSG_DATA_MAX  88

struct atxf_msg {
	uint32_t type;      /* request code, or ATXF_MSG_NOTIFY; in a reply: status (0 or -ATXF_E*) */
	uint32_t len;       /* bytes of data[] in use */
	uint32_t ncaps;     /* capabilities in caps[] */
	uint32_t sender;    /* filled by the kernel: the sending process id */
	uint64_t reply;     /* filled by the kernel on SYS_IPC_CALL: token for SYS_IPC_REPLY */
	atxf_handle_t caps[ATXF_MSG_CAPS_MAX];  /* sent: handles to transfer; received: new handles */
	uint8_t data[ATXF_MSG_DATA_MAX];
};

_Static_assert(sizeof(struct atxf_msg) == 128, "IPC messages are 128 bytes");

/* A received notification: type is ATXF_MSG_NOTIFY, data holds a u64 of bits. */
#define ATXF_MSG_NOTIFY  0xffffffffu

/* The most ports one SYS_IPC_RECV_ANY waits on. */
#define ATXF_RECV_ANY_MAX  16

/* Flags for SYS_IPC_SEND. */
#define ATXF_IPC_NONBLOCK  0x1u     /* fail with -ATXF_EAGAIN instead of waiting */
#define ATXF_IPC_MOVE_CAPS 0x2u     /* transfer caps[] (the sender loses them) */

/* Request codes are grouped by protocol: the top byte names the protocol. */
#define ATXF_PROTO_SHIFT     24
#define ATXF_PROTO_OF(type)  ((type) >> ATXF_PROTO_SHIFT)
#define ATXF_PROTO_DRIVER    0x01   /* devmgr <-> driver: handshake, health */
#define ATXF_PROTO_NAME      0x02   /* name service */
#define ATXF_PROTO_DEVMGR    0x03   /* devmgr queries and requests: proto/devmgr.h */
#define ATXF_PROTO_RUN       0x04   /* init starts a program for a caller: proto/run.h */
#define ATXF_PROTO_BLOCK     0x10
#define ATXF_PROTO_CHAR      0x11
#define ATXF_PROTO_INPUT     0x12
#define ATXF_PROTO_NET       0x13
#define ATXF_PROTO_DISPLAY   0x14
#define ATXF_PROTO_RNG       0x15
/* Protocols from here up are free for a driver or service's own use. */
#define ATXF_PROTO_PRIVATE_FIRST 0x80
#define ATXF_REQUEST(proto, n) (((uint32_t)(proto) << ATXF_PROTO_SHIFT) | (n))

#endif
