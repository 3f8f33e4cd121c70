/*
 * mouse_decode.c: the PS/2 mouse's standard movement packet (IBM PS/2
 * Hardware Interface Technical Reference, "Pointing Device": data report):
 *
 *   byte 0: bit 7 Y overflow, 6 X overflow, 5 Y sign, 4 X sign,
 *           3 always 1, 2 middle, 1 right, 0 left button
 *   byte 1: X movement, low 8 bits of a 9-bit two's complement (sign in byte 0)
 *   byte 2: Y movement, likewise; positive is away from the user (up)
 *
 * Bit 3 of the first byte is the only framing there is: after a lost byte
 * the decoder drops bytes until one with bit 3 set can start a packet.
 * An overflowed axis means the count is meaningless: the packet's motion is
 * dropped, its buttons still count.
 */
#include <string.h>
#include "mouse_decode.h"

#define B0_ALWAYS_ONE 0x08
#define B0_X_SIGN     0x10
#define B0_Y_SIGN     0x20
#define B0_X_OVERFLOW 0x40
#define B0_Y_OVERFLOW 0x80
#define B0_BUTTONS    0x07

void mouse_init(struct mouse_state *m)
{
	memset(m, 0, sizeof(*m));
}

/* The 9-bit two's complement value: low byte plus the sign bit from byte 0. */
static int32_t movement(uint8_t low, int negative)
{
	return negative ? (int32_t)low - 256 : (int32_t)low;
}

static void decode(struct mouse_state *m, struct mouse_packet *p)
{
	uint8_t b0 = m->pkt[0];

	p->buttons = b0 & B0_BUTTONS;
	p->changed = p->buttons ^ m->buttons;
	m->buttons = p->buttons;
	if (b0 & (B0_X_OVERFLOW | B0_Y_OVERFLOW)) {
		p->dx = p->dy = 0;
		m->overflows++;
		return;
	}
	p->dx = movement(m->pkt[1], b0 & B0_X_SIGN);
	p->dy = -movement(m->pkt[2], b0 & B0_Y_SIGN);
}

int mouse_feed(struct mouse_state *m, uint8_t byte, struct mouse_packet *p)
{
	if (m->have == 0 && !(byte & B0_ALWAYS_ONE)) {
		m->resyncs++;
		return 0;
	}
	m->pkt[m->have++] = byte;
	if (m->have < 3)
		return 0;
	m->have = 0;
	decode(m, p);
	return 1;
}
