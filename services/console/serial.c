/*
 * Serial input decoding. A terminal sends CR (or LF, or both) for Enter,
 * DEL or BS for Backspace, and ESC [ ... final-byte (ECMA-48 CSI) or
 * ESC O x (SS3) sequences for the arrow and function keys, which the
 * console has no use for and drops whole.
 */
#include "keymap.h"
#include "serial.h"

enum {
	SERIAL_TEXT = 0,    /* plain bytes */
	SERIAL_ESC,         /* ESC seen */
	SERIAL_CSI,         /* ESC [ seen: parameters until a final byte */
	SERIAL_SS3,         /* ESC O seen: one more byte */
};

#define ESC 0x1b
#define DEL 0x7f

void serial_init(struct serial_decoder *sd)
{
	*sd = (struct serial_decoder){ 0 };
}

/* True while b is still part of an escape sequence. */
static int in_escape(struct serial_decoder *sd, uint8_t b)
{
	switch (sd->state) {
	case SERIAL_ESC:
		sd->state = b == '[' ? SERIAL_CSI : b == 'O' ? SERIAL_SS3 : SERIAL_TEXT;
		return 1;
	case SERIAL_CSI:
		/* ECMA-48 5.4: final bytes are 0x40..0x7e. */
		if (b >= 0x40 && b <= 0x7e)
			sd->state = SERIAL_TEXT;
		return 1;
	case SERIAL_SS3:
		sd->state = SERIAL_TEXT;
		return 1;
	default:
		return 0;
	}
}

int serial_byte(struct serial_decoder *sd, uint8_t b)
{
	uint8_t last = sd->last_eol;

	sd->last_eol = 0;
	if (in_escape(sd, b))
		return 0;
	if (b == '\r' || b == '\n') {
		/* CR LF and LF CR are one Enter; a second CR is a second Enter. */
		if (last && last != b)
			return 0;
		sd->last_eol = b;
		return CONSOLE_ENTER;
	}
	if (b == DEL || b == '\b')
		return CONSOLE_BACKSPACE;
	if (b == ESC) {
		sd->state = SERIAL_ESC;
		return 0;
	}
	if (b == CONSOLE_CTRL_C || b == CONSOLE_CTRL_U)
		return b;
	return b >= 0x20 && b < DEL ? b : 0;
}
