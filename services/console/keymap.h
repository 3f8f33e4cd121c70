/*
 * The console's keymap: input-protocol KEY events (scancode set 1 codes,
 * <atxf/proto/input.h>) to characters, US layout. Pure: no system calls,
 * tested on the host by tests/unit/test_console_keymap.c.
 */
#ifndef CONSOLE_KEYMAP_H
#define CONSOLE_KEYMAP_H

#include <stdbool.h>
#include <stdint.h>

/* The characters the line editor understands, from keyboard and serial alike. */
#define CONSOLE_ENTER     '\r'
#define CONSOLE_BACKSPACE '\b'
#define CONSOLE_CTRL_C    0x03
#define CONSOLE_CTRL_U    0x15

/* Modifier and lock state, one for all keyboards. */
struct keymap_state {
	bool lshift, rshift;
	bool lctrl, rctrl;
	bool caps_lock;
	bool num_lock;
};

void keymap_init(struct keymap_state *km);
/* A (re)started keyboard has its lock lights off: so do we. */
void keymap_reset_locks(struct keymap_state *km);
/*
 * One KEY event (value 1 press, 2 auto-repeat, 0 release). Returns the
 * character it types (1..126), or 0 when it types nothing (a release, a
 * modifier, a key without a character).
 */
int keymap_key(struct keymap_state *km, uint16_t code, int32_t value);

#endif
