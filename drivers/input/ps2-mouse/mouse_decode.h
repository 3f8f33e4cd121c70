/*
 * mouse_decode.h: the PS/2 mouse's device logic, with no I/O: it assembles
 * the standard 3-byte movement packets, realigns after a lost byte, and
 * turns a packet into screen-convention motion and button changes.
 */
#ifndef MOUSE_DECODE_H
#define MOUSE_DECODE_H

#include <stdint.h>

/* Buttons, as bits 0..2 of a packet's first byte and of mouse_packet.buttons. */
#define MOUSE_LEFT    0x1u
#define MOUSE_RIGHT   0x2u
#define MOUSE_MIDDLE  0x4u

struct mouse_state {
	uint8_t pkt[3];             /* the packet being assembled */
	uint8_t have;               /* bytes of it so far */
	uint8_t buttons;            /* MOUSE_* held, as last reported */
	unsigned long resyncs;      /* bytes dropped to realign */
	unsigned long overflows;    /* packets whose motion was dropped */
};

struct mouse_packet {
	int32_t dx;                 /* grows right */
	int32_t dy;                 /* grows down (screen); PS/2 sends up-positive */
	uint8_t buttons;            /* MOUSE_* held now */
	uint8_t changed;            /* MOUSE_* that changed with this packet */
};

void mouse_init(struct mouse_state *m);
/* One byte from the mouse; 1 and *p when it completes a packet, else 0. */
int mouse_feed(struct mouse_state *m, uint8_t byte, struct mouse_packet *p);

#endif
