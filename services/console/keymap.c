/*
 * US keyboard layout for the console: one table of unshifted and one of
 * shifted characters, indexed by scancode set 1 make code, plus the
 * modifiers and locks. QEMU's PS/2 keyboard (ps2-keyboard driver) feeds it.
 */
#include <stddef.h>
#include <atxf/proto/input.h>
#include "keymap.h"

/* Main block, codes 0x00..0x39. 0 means no character. */
static const char plain[0x3a] = {
	[ATXF_KEY_1] = '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=',
	[ATXF_KEY_Q] = 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']',
	[ATXF_KEY_A] = 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`',
	[ATXF_KEY_BACKSLASH] = '\\',
	[ATXF_KEY_Z] = 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/',
	[ATXF_KEY_SPACE] = ' ',
};

static const char shifted[0x3a] = {
	[ATXF_KEY_1] = '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+',
	[ATXF_KEY_Q] = 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}',
	[ATXF_KEY_A] = 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~',
	[ATXF_KEY_BACKSLASH] = '|',
	[ATXF_KEY_Z] = 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?',
	[ATXF_KEY_SPACE] = ' ',
};

/* Keypad digits and dot, codes 0x47..0x53, typed only with num lock on. */
static const char keypad[ATXF_KEY_KPDOT - ATXF_KEY_KP7 + 1] = {
	'7', '8', '9', 0, '4', '5', '6', 0, '1', '2', '3', '0', '.',
};

void keymap_init(struct keymap_state *km)
{
	*km = (struct keymap_state){ 0 };
}

void keymap_reset_locks(struct keymap_state *km)
{
	km->caps_lock = false;
	km->num_lock = false;
}

/* Tracks shift and ctrl; true if code is one of them. */
static bool modifier(struct keymap_state *km, uint16_t code, bool down)
{
	switch (code) {
	case ATXF_KEY_LEFTSHIFT:  km->lshift = down; return true;
	case ATXF_KEY_RIGHTSHIFT: km->rshift = down; return true;
	case ATXF_KEY_LEFTCTRL:   km->lctrl = down; return true;
	case ATXF_KEY_RIGHTCTRL:  km->rctrl = down; return true;
	default:                  return false;
	}
}

/* Keys that type the same whatever the modifiers (ctrl aside). */
static int fixed_key(const struct keymap_state *km, uint16_t code)
{
	switch (code) {
	case ATXF_KEY_ENTER:
	case ATXF_KEY_KPENTER:    return CONSOLE_ENTER;
	case ATXF_KEY_BACKSPACE:  return CONSOLE_BACKSPACE;
	case ATXF_KEY_KPSLASH:    return '/';
	case ATXF_KEY_KPASTERISK: return '*';
	case ATXF_KEY_KPMINUS:    return '-';
	case ATXF_KEY_KPPLUS:     return '+';
	default:
		break;
	}
	if (code >= ATXF_KEY_KP7 && code <= ATXF_KEY_KPDOT)
		return km->num_lock ? keypad[code - ATXF_KEY_KP7] : 0;
	return 0;
}

static int main_block(const struct keymap_state *km, uint16_t code)
{
	bool shift = km->lshift || km->rshift;
	char c;

	if (code >= sizeof(plain) || !plain[code])
		return 0;
	c = plain[code];
	if (c >= 'a' && c <= 'z') {
		if (km->lctrl || km->rctrl)
			return c - 'a' + 1;
		/* Caps lock affects letters only, and shift inverts it. */
		shift = shift != km->caps_lock;
	} else if (km->lctrl || km->rctrl) {
		return 0;
	}
	return shift ? shifted[code] : c;
}

int keymap_key(struct keymap_state *km, uint16_t code, int32_t value)
{
	bool down = value == ATXF_KEY_PRESS || value == ATXF_KEY_REPEAT;
	int c;

	if (modifier(km, code, down) || !down)
		return 0;
	if (code == ATXF_KEY_CAPSLOCK || code == ATXF_KEY_NUMLOCK) {
		/* A held lock key repeats; only the press toggles it. */
		if (value == ATXF_KEY_PRESS) {
			if (code == ATXF_KEY_CAPSLOCK)
				km->caps_lock = !km->caps_lock;
			else
				km->num_lock = !km->num_lock;
		}
		return 0;
	}
	c = fixed_key(km, code);
	return c ? c : main_block(km, code);
}
