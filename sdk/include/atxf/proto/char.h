/*
 * The character protocol (ATXF_PROTO_CHAR): serial ports and consoles.
 * Exercised in QEMU by the 16550 UART driver on COM1; docs/protocols.md §4.
 *
 * Bytes travel inline, up to a message's worth at a time. WRITE's reply
 * status is how many bytes the device accepted (maybe fewer than sent, even
 * 0 when its transmit queue is full: send the rest again). A subscriber's
 * port receives DATA events with the bytes the device received, in order
 * and without loss: while a subscriber is behind, the driver holds what it
 * received and, once its own room is gone, stops taking bytes from the line
 * (flow control), so the sender waits. STATS answers the line's figures.
 */
#ifndef ATXF_PROTO_CHAR_H
#define ATXF_PROTO_CHAR_H

#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/proto/common.h>

#define ATXF_CHAR_WRITE_MAX ATXF_MSG_DATA_MAX
#define ATXF_CHAR_DATA_MAX  (ATXF_MSG_DATA_MAX - 4)

/* WRITE: data[] holds 1..ATXF_CHAR_WRITE_MAX bytes; msg.len says how many. */
struct atxf_char_write {
	uint8_t data[ATXF_CHAR_WRITE_MAX];
};

/* CONFIGURE: line settings. 8 data bits, no parity, 1 stop bit. */
struct atxf_char_config {
	uint32_t baud;              /* bits per second, > 0 */
	uint32_t reserved;
};

/* STATS reply. */
struct atxf_char_stats {
	uint64_t rx_bytes;          /* received and handed to subscribers */
	uint64_t tx_bytes;          /* written to the line */
	uint64_t overruns;          /* times the device said it lost received bytes */
	uint64_t rx_held;           /* times input was held back (flow control) */
};

/* DATA event: msg.len = 4 + bytes received. */
struct atxf_char_data {
	uint32_t dropped;           /* bytes lost before these (queue full) */
	uint8_t data[ATXF_CHAR_DATA_MAX];
};

/* X(PROTO, NAME, n, dir, req_min, req_max, caps, reply): see proto/common.h. */
#define ATXF_CHAR_PROTOCOL(X)                                                  \
	X(CHAR, WRITE, 1, ATXF_TO_DRIVER, 1, ATXF_CHAR_WRITE_MAX, 0, 0)         \
	X(CHAR, SUBSCRIBE, 2, ATXF_TO_DRIVER, 0, 0, 1, 0)                       \
	X(CHAR, CONFIGURE, 3, ATXF_TO_DRIVER, sizeof(struct atxf_char_config),  \
	  sizeof(struct atxf_char_config), 0, 0)                                \
	X(CHAR, STATS, 4, ATXF_TO_DRIVER, 0, 0, 0, sizeof(struct atxf_char_stats)) \
	X(CHAR, DATA, ATXF_EVENT_FIRST, ATXF_FROM_DRIVER, 5,                    \
	  sizeof(struct atxf_char_data), 0, 0)

enum { ATXF_CHAR_PROTOCOL(ATXF_PROTO_CODE_) };

_Static_assert(sizeof(struct atxf_char_write) == ATXF_MSG_DATA_MAX, "char WRITE layout");
_Static_assert(sizeof(struct atxf_char_config) == 8, "char CONFIGURE layout");
_Static_assert(sizeof(struct atxf_char_data) == ATXF_MSG_DATA_MAX, "char DATA layout");
_Static_assert(sizeof(struct atxf_char_stats) == 32, "char STATS layout");

#endif
