/*
 * kbd_decode.h: the PS/2 keyboard's device logic, with no I/O at all: the
 * scancode set 1 decoder (make/break, E0 and E1 prefixes, the controller's
 * typematic repeat), the modifier and lock state, and the keyboard's LED
 * command sequence (0xED, then the LED byte, each answered by ACK 0xFA).
 * The driver feeds it every keyboard byte and does what it says.
 */
#ifndef KBD_DECODE_H
#define KBD_DECODE_H

#include <stdint.h>

/* Modifiers held down (either side). */
#define KBD_MOD_SHIFT  0x1u
#define KBD_MOD_CTRL   0x2u
#define KBD_MOD_ALT    0x4u

enum kbd_led_phase {
	KBD_LED_IDLE,               /* no LED command running */
	KBD_LED_WAIT_CMD_ACK,       /* 0xED sent */
	KBD_LED_WAIT_VALUE_ACK,     /* the LED byte sent */
};

struct kbd_state {
	uint8_t e0;                 /* the next byte follows an E0 prefix */
	uint8_t e1_left;            /* bytes of an E1 (Pause) sequence to come */
	uint8_t mods;               /* KBD_MOD_* */
	uint8_t locks;              /* ATXF_LED_* of the lock keys' state */
	uint8_t down[32];           /* one bit per key code held: repeats are makes */
	uint8_t led_phase;          /* enum kbd_led_phase */
	uint8_t led_sent;           /* the LED byte of the running command */
	uint8_t led_last;           /* last byte written, for RESEND */
	uint8_t led_ticks;          /* timer ticks the running command has taken */
	uint8_t led_dirty;          /* locks changed while a command ran */
	unsigned long led_failures; /* LED commands given up */
};

/* What one byte asks of the driver. */
struct kbd_out {
	int has_key;                /* report code/value (then a SYN) */
	uint16_t code;              /* ATXF_KEY_* */
	int32_t value;              /* ATXF_KEY_PRESS, _RELEASE, _REPEAT */
	int send;                   /* a byte to write to the keyboard, or -1 */
};

void kbd_init(struct kbd_state *k);
/* One byte from the keyboard. */
void kbd_feed(struct kbd_state *k, uint8_t byte, struct kbd_out *out);
/* Sets the LEDs (ATXF_LED_*): the byte to send now, or -1 (none, or queued). */
int kbd_set_leds(struct kbd_state *k, uint8_t leds);
/* A timer tick: gives up an LED command the keyboard never answered. */
void kbd_tick(struct kbd_state *k);

#endif
