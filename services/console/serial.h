/*
 * Bytes from the serial line (char protocol DATA events) to the console's
 * characters (keymap.h): what a terminal emulator on COM1 sends. Pure,
 * tested on the host by tests/unit/test_console_line.c.
 */
#ifndef CONSOLE_SERIAL_H
#define CONSOLE_SERIAL_H

#include <stdint.h>

struct serial_decoder {
	uint8_t state;      /* SERIAL_* in serial.c: inside an escape sequence or not */
	uint8_t last_eol;   /* '\r' or '\n' just seen (its partner is dropped), else 0 */
};

void serial_init(struct serial_decoder *sd);
/*
 * One received byte. Returns the character for the line editor: a
 * printable one, CONSOLE_ENTER for CR, LF, CR LF or LF CR,
 * CONSOLE_BACKSPACE for DEL and BS, CONSOLE_CTRL_C or CONSOLE_CTRL_U;
 * 0 for everything else (other control bytes, escape sequences, bytes
 * above 0x7e).
 */
int serial_byte(struct serial_decoder *sd, uint8_t b);

#endif
