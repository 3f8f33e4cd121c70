/*
 * kbd_decode.c: scancode set 1 and the LED command, as the keyboard sends
 * and expects them (IBM PS/2 Hardware Interface Technical Reference,
 * "Keyboard": scan code set 1, commands 0xED Set/Reset Mode Indicators,
 * 0xFA Acknowledge, 0xFE Resend). The i8042 translates the keyboard's set 2
 * into set 1 (command byte bit 6, set by i8042_setup()).
 *
 * Set 1: a make code is 0x01..0x7f, its break code the same with bit 7 set.
 * E0 prefixes the extended keys (reported as 0x80 + code, <atxf/proto/input.h>);
 * E0 2A / E0 AA (and E0 36 / E0 B6) are "fake shifts" some keys send around
 * themselves and carry no key. Pause sends E1 1D 45 E1 9D C5 on press and
 * nothing on release. Holding a key, the keyboard repeats its make code
 * (typematic): a make for a key already down is a repeat.
 */
#include <string.h>
#include <atxf/proto/input.h>
#include "i8042_reg.h"
#include "kbd_decode.h"

#define SC_E0        0xe0
#define SC_E1        0xe1
#define SC_BREAK     0x80
#define SC_ERROR_0   0x00   /* key detection error / buffer overrun */
#define SC_ERROR_FF  0xff
#define LED_TICKS_MAX 3

void kbd_init(struct kbd_state *k)
{
	memset(k, 0, sizeof(*k));
}

static int is_down(const struct kbd_state *k, unsigned code)
{
	return k->down[code / 8] >> (code % 8) & 1;
}

static void set_down(struct kbd_state *k, unsigned code, int down)
{
	if (down)
		k->down[code / 8] |= (uint8_t)(1u << (code % 8));
	else
		k->down[code / 8] &= (uint8_t)~(1u << (code % 8));
}

static uint8_t modifier_of(unsigned code)
{
	switch (code) {
	case ATXF_KEY_LEFTSHIFT: case ATXF_KEY_RIGHTSHIFT: return KBD_MOD_SHIFT;
	case ATXF_KEY_LEFTCTRL: case ATXF_KEY_RIGHTCTRL: return KBD_MOD_CTRL;
	case ATXF_KEY_LEFTALT: case ATXF_KEY_RIGHTALT: return KBD_MOD_ALT;
	default: return 0;
	}
}

static uint8_t lock_of(unsigned code)
{
	switch (code) {
	case ATXF_KEY_CAPSLOCK: return ATXF_LED_CAPS_LOCK;
	case ATXF_KEY_NUMLOCK: return ATXF_LED_NUM_LOCK;
	case ATXF_KEY_SCROLLLOCK: return ATXF_LED_SCROLL_LOCK;
	default: return 0;
	}
}

/* Recomputes modifiers from the keys held, so left and right overlap right. */
static void update_mods(struct kbd_state *k)
{
	static const uint8_t keys[] = { ATXF_KEY_LEFTSHIFT, ATXF_KEY_RIGHTSHIFT,
		ATXF_KEY_LEFTCTRL, ATXF_KEY_RIGHTCTRL, ATXF_KEY_LEFTALT, ATXF_KEY_RIGHTALT };

	k->mods = 0;
	for (unsigned i = 0; i < sizeof(keys); i++)
		if (is_down(k, keys[i]))
			k->mods |= modifier_of(keys[i]);
}

/* A key changed: note it, toggle a lock on its press, say what to report. */
static void key_event(struct kbd_state *k, unsigned code, int make, struct kbd_out *out)
{
	int was_down = is_down(k, code);

	out->has_key = 1;
	out->code = (uint16_t)code;
	out->value = !make ? ATXF_KEY_RELEASE : was_down ? ATXF_KEY_REPEAT : ATXF_KEY_PRESS;
	set_down(k, code, make);
	update_mods(k);
	if (out->value == ATXF_KEY_PRESS && lock_of(code))
		out->send = kbd_set_leds(k, k->locks ^ lock_of(code));
}

static int is_fake_shift(uint8_t make)
{
	return make == (ATXF_KEY_LEFTSHIFT & 0x7f) || make == (ATXF_KEY_RIGHTSHIFT & 0x7f);
}

/* The two bytes after E1: 1D 45 on press, 9D C5 after it. */
static void feed_e1(struct kbd_state *k, uint8_t byte, struct kbd_out *out)
{
	if (--k->e1_left > 0)
		return;
	if (!(byte & SC_BREAK))
		key_event(k, ATXF_KEY_PAUSE, 1, out);
	else if (is_down(k, ATXF_KEY_PAUSE))
		key_event(k, ATXF_KEY_PAUSE, 0, out);
}

static int feed_led_reply(struct kbd_state *k, uint8_t byte, struct kbd_out *out)
{
	if (k->led_phase == KBD_LED_IDLE || (byte != PS2_ACK && byte != PS2_RESEND))
		return 0;
	if (byte == PS2_RESEND) {
		out->send = k->led_last;
	} else if (k->led_phase == KBD_LED_WAIT_CMD_ACK) {
		k->led_phase = KBD_LED_WAIT_VALUE_ACK;
		out->send = k->led_last = k->led_sent;
	} else {
		k->led_phase = KBD_LED_IDLE;
		if (k->led_dirty)
			out->send = kbd_set_leds(k, k->locks);
	}
	return 1;
}

void kbd_feed(struct kbd_state *k, uint8_t byte, struct kbd_out *out)
{
	int make = !(byte & SC_BREAK);
	unsigned code = byte & 0x7f;

	out->has_key = 0;
	out->send = -1;
	if (feed_led_reply(k, byte, out))
		return;
	if (k->e1_left) {
		feed_e1(k, byte, out);
		return;
	}
	switch (byte) {
	case SC_E0: k->e0 = 1; return;
	case SC_E1: k->e1_left = 2; return;
	case SC_ERROR_0: case SC_ERROR_FF: case PS2_ACK: case PS2_RESEND: return;
	}
	if (k->e0) {
		k->e0 = 0;
		if (is_fake_shift((uint8_t)code))
			return;
		code |= 0x80;
	}
	key_event(k, code, make, out);
}

int kbd_set_leds(struct kbd_state *k, uint8_t leds)
{
	k->locks = leds & ATXF_LED_ALL;
	if (k->led_phase != KBD_LED_IDLE) {
		k->led_dirty = 1;
		return -1;
	}
	k->led_dirty = 0;
	k->led_sent = k->locks;
	k->led_ticks = 0;
	k->led_phase = KBD_LED_WAIT_CMD_ACK;
	k->led_last = KBD_SET_LEDS;
	return KBD_SET_LEDS;
}

void kbd_tick(struct kbd_state *k)
{
	if (k->led_phase == KBD_LED_IDLE || ++k->led_ticks < LED_TICKS_MAX)
		return;
	k->led_phase = KBD_LED_IDLE;
	k->led_failures++;
}
