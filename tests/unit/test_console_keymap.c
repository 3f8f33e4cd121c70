/*
 * The console's US keymap (services/console/keymap.c): every printable
 * ASCII character from its key chord, caps lock and shift together, ctrl,
 * auto-repeat, releases, the keypad and num lock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/proto/input.h>
#include "keymap.h"

#define PRESS   ATXF_KEY_PRESS
#define RELEASE ATXF_KEY_RELEASE
#define REPEAT  ATXF_KEY_REPEAT

/* The chord that types each printable character on a US keyboard. */
static const struct chord {
	char c;
	uint16_t code;
	int shift;
} chords[] = {
	{ ' ', ATXF_KEY_SPACE, 0 },
	{ '1', ATXF_KEY_1, 0 }, { '2', ATXF_KEY_2, 0 }, { '3', ATXF_KEY_3, 0 },
	{ '4', ATXF_KEY_4, 0 }, { '5', ATXF_KEY_5, 0 }, { '6', ATXF_KEY_6, 0 },
	{ '7', ATXF_KEY_7, 0 }, { '8', ATXF_KEY_8, 0 }, { '9', ATXF_KEY_9, 0 },
	{ '0', ATXF_KEY_0, 0 },
	{ '!', ATXF_KEY_1, 1 }, { '@', ATXF_KEY_2, 1 }, { '#', ATXF_KEY_3, 1 },
	{ '$', ATXF_KEY_4, 1 }, { '%', ATXF_KEY_5, 1 }, { '^', ATXF_KEY_6, 1 },
	{ '&', ATXF_KEY_7, 1 }, { '*', ATXF_KEY_8, 1 }, { '(', ATXF_KEY_9, 1 },
	{ ')', ATXF_KEY_0, 1 },
	{ '-', ATXF_KEY_MINUS, 0 }, { '_', ATXF_KEY_MINUS, 1 },
	{ '=', ATXF_KEY_EQUAL, 0 }, { '+', ATXF_KEY_EQUAL, 1 },
	{ '[', ATXF_KEY_LEFTBRACE, 0 }, { '{', ATXF_KEY_LEFTBRACE, 1 },
	{ ']', ATXF_KEY_RIGHTBRACE, 0 }, { '}', ATXF_KEY_RIGHTBRACE, 1 },
	{ '\\', ATXF_KEY_BACKSLASH, 0 }, { '|', ATXF_KEY_BACKSLASH, 1 },
	{ ';', ATXF_KEY_SEMICOLON, 0 }, { ':', ATXF_KEY_SEMICOLON, 1 },
	{ '\'', ATXF_KEY_APOSTROPHE, 0 }, { '"', ATXF_KEY_APOSTROPHE, 1 },
	{ '`', ATXF_KEY_GRAVE, 0 }, { '~', ATXF_KEY_GRAVE, 1 },
	{ ',', ATXF_KEY_COMMA, 0 }, { '<', ATXF_KEY_COMMA, 1 },
	{ '.', ATXF_KEY_DOT, 0 }, { '>', ATXF_KEY_DOT, 1 },
	{ '/', ATXF_KEY_SLASH, 0 }, { '?', ATXF_KEY_SLASH, 1 },
	{ 'a', ATXF_KEY_A, 0 }, { 'b', ATXF_KEY_B, 0 }, { 'c', ATXF_KEY_C, 0 },
	{ 'd', ATXF_KEY_D, 0 }, { 'e', ATXF_KEY_E, 0 }, { 'f', ATXF_KEY_F, 0 },
	{ 'g', ATXF_KEY_G, 0 }, { 'h', ATXF_KEY_H, 0 }, { 'i', ATXF_KEY_I, 0 },
	{ 'j', ATXF_KEY_J, 0 }, { 'k', ATXF_KEY_K, 0 }, { 'l', ATXF_KEY_L, 0 },
	{ 'm', ATXF_KEY_M, 0 }, { 'n', ATXF_KEY_N, 0 }, { 'o', ATXF_KEY_O, 0 },
	{ 'p', ATXF_KEY_P, 0 }, { 'q', ATXF_KEY_Q, 0 }, { 'r', ATXF_KEY_R, 0 },
	{ 's', ATXF_KEY_S, 0 }, { 't', ATXF_KEY_T, 0 }, { 'u', ATXF_KEY_U, 0 },
	{ 'v', ATXF_KEY_V, 0 }, { 'w', ATXF_KEY_W, 0 }, { 'x', ATXF_KEY_X, 0 },
	{ 'y', ATXF_KEY_Y, 0 }, { 'z', ATXF_KEY_Z, 0 },
};

#define NCHORDS (sizeof(chords) / sizeof(chords[0]))

static const struct chord *chord_of(char c)
{
	for (size_t i = 0; i < NCHORDS; i++)
		if (chords[i].c == c)
			return &chords[i];
	/* Capitals: the letter's key with shift. */
	if (c >= 'A' && c <= 'Z') {
		static struct chord upper;
		const struct chord *lower = chord_of((char)(c - 'A' + 'a'));

		upper = (struct chord){ c, lower->code, 1 };
		return &upper;
	}
	return NULL;
}

/* Presses and releases code (with shift_code held if nonzero); returns what it typed. */
static int tap(struct keymap_state *km, uint16_t shift_code, uint16_t code)
{
	int c;

	if (shift_code)
		assert_int_equal(keymap_key(km, shift_code, PRESS), 0);
	c = keymap_key(km, code, PRESS);
	assert_int_equal(keymap_key(km, code, RELEASE), 0);
	if (shift_code)
		assert_int_equal(keymap_key(km, shift_code, RELEASE), 0);
	return c;
}

static void every_printable_character(void **state)
{
	struct keymap_state km;

	(void)state;
	keymap_init(&km);
	for (int c = 0x20; c <= 0x7e; c++) {
		const struct chord *k = chord_of((char)c);

		if (!k)
			fail_msg("no chord for '%c'", c);
		/* Left shift and right shift alike. */
		assert_int_equal(tap(&km, k->shift ? ATXF_KEY_LEFTSHIFT : 0, k->code), c);
		assert_int_equal(tap(&km, k->shift ? ATXF_KEY_RIGHTSHIFT : 0, k->code), c);
	}
}

static void caps_lock_and_shift(void **state)
{
	struct keymap_state km;

	(void)state;
	keymap_init(&km);
	assert_int_equal(tap(&km, 0, ATXF_KEY_CAPSLOCK), 0);
	assert_true(km.caps_lock);
	/* Letters only: digits and symbols are as without caps lock. */
	assert_int_equal(tap(&km, 0, ATXF_KEY_A), 'A');
	assert_int_equal(tap(&km, 0, ATXF_KEY_1), '1');
	assert_int_equal(tap(&km, 0, ATXF_KEY_SLASH), '/');
	/* Shift inverts it for letters and shifts the rest as usual. */
	assert_int_equal(tap(&km, ATXF_KEY_LEFTSHIFT, ATXF_KEY_A), 'a');
	assert_int_equal(tap(&km, ATXF_KEY_RIGHTSHIFT, ATXF_KEY_Z), 'z');
	assert_int_equal(tap(&km, ATXF_KEY_LEFTSHIFT, ATXF_KEY_1), '!');
	/* An auto-repeating caps lock key does not toggle again. */
	assert_int_equal(keymap_key(&km, ATXF_KEY_CAPSLOCK, PRESS), 0);
	assert_int_equal(keymap_key(&km, ATXF_KEY_CAPSLOCK, REPEAT), 0);
	assert_int_equal(keymap_key(&km, ATXF_KEY_CAPSLOCK, REPEAT), 0);
	assert_int_equal(keymap_key(&km, ATXF_KEY_CAPSLOCK, RELEASE), 0);
	assert_false(km.caps_lock);
	assert_int_equal(tap(&km, 0, ATXF_KEY_A), 'a');
}

static void shift_held_and_released(void **state)
{
	struct keymap_state km;

	(void)state;
	keymap_init(&km);
	keymap_key(&km, ATXF_KEY_LEFTSHIFT, PRESS);
	keymap_key(&km, ATXF_KEY_RIGHTSHIFT, PRESS);
	keymap_key(&km, ATXF_KEY_LEFTSHIFT, RELEASE);
	/* Right shift is still down. */
	assert_int_equal(tap(&km, 0, ATXF_KEY_Q), 'Q');
	keymap_key(&km, ATXF_KEY_RIGHTSHIFT, RELEASE);
	assert_int_equal(tap(&km, 0, ATXF_KEY_Q), 'q');
}

static void ctrl_letters(void **state)
{
	struct keymap_state km;

	(void)state;
	keymap_init(&km);
	for (int c = 'a'; c <= 'z'; c++) {
		const struct chord *k = chord_of((char)c);

		assert_int_equal(tap(&km, ATXF_KEY_LEFTCTRL, k->code), c - 'a' + 1);
		assert_int_equal(tap(&km, ATXF_KEY_RIGHTCTRL, k->code), c - 'a' + 1);
	}
	assert_int_equal(tap(&km, ATXF_KEY_LEFTCTRL, ATXF_KEY_C), CONSOLE_CTRL_C);
	assert_int_equal(tap(&km, ATXF_KEY_LEFTCTRL, ATXF_KEY_U), CONSOLE_CTRL_U);
	/* With ctrl released, letters are letters again. */
	assert_int_equal(tap(&km, 0, ATXF_KEY_C), 'c');
}

static void repeat_types_release_does_not(void **state)
{
	struct keymap_state km;

	(void)state;
	keymap_init(&km);
	assert_int_equal(keymap_key(&km, ATXF_KEY_X, PRESS), 'x');
	assert_int_equal(keymap_key(&km, ATXF_KEY_X, REPEAT), 'x');
	assert_int_equal(keymap_key(&km, ATXF_KEY_X, REPEAT), 'x');
	assert_int_equal(keymap_key(&km, ATXF_KEY_X, RELEASE), 0);
	assert_int_equal(keymap_key(&km, ATXF_KEY_BACKSPACE, REPEAT), CONSOLE_BACKSPACE);
	for (int code = 0; code < 256; code++)
		assert_int_equal(keymap_key(&km, (uint16_t)code, RELEASE), 0);
}

static void special_keys(void **state)
{
	struct keymap_state km;

	(void)state;
	keymap_init(&km);
	assert_int_equal(tap(&km, 0, ATXF_KEY_ENTER), CONSOLE_ENTER);
	assert_int_equal(tap(&km, 0, ATXF_KEY_KPENTER), CONSOLE_ENTER);
	assert_int_equal(tap(&km, 0, ATXF_KEY_BACKSPACE), CONSOLE_BACKSPACE);
	/* Keys without a character type nothing. */
	static const uint16_t silent[] = {
		ATXF_KEY_ESC, ATXF_KEY_TAB, ATXF_KEY_F1, ATXF_KEY_F12, ATXF_KEY_LEFTALT,
		ATXF_KEY_RIGHTALT, ATXF_KEY_UP, ATXF_KEY_LEFT, ATXF_KEY_HOME, ATXF_KEY_DELETE,
		ATXF_KEY_LEFTMETA, ATXF_KEY_SCROLLLOCK,
	};
	for (size_t i = 0; i < sizeof(silent) / sizeof(silent[0]); i++)
		assert_int_equal(tap(&km, 0, silent[i]), 0);
}

static void keypad_and_num_lock(void **state)
{
	static const struct { uint16_t code; char c; } pad[] = {
		{ ATXF_KEY_KP0, '0' }, { ATXF_KEY_KP1, '1' }, { ATXF_KEY_KP2, '2' },
		{ ATXF_KEY_KP3, '3' }, { ATXF_KEY_KP4, '4' }, { ATXF_KEY_KP5, '5' },
		{ ATXF_KEY_KP6, '6' }, { ATXF_KEY_KP7, '7' }, { ATXF_KEY_KP8, '8' },
		{ ATXF_KEY_KP9, '9' }, { ATXF_KEY_KPDOT, '.' },
	};
	struct keymap_state km;

	(void)state;
	keymap_init(&km);
	/* Operators and keypad Enter type with num lock off. */
	assert_int_equal(tap(&km, 0, ATXF_KEY_KPSLASH), '/');
	assert_int_equal(tap(&km, 0, ATXF_KEY_KPASTERISK), '*');
	assert_int_equal(tap(&km, 0, ATXF_KEY_KPMINUS), '-');
	assert_int_equal(tap(&km, 0, ATXF_KEY_KPPLUS), '+');
	for (size_t i = 0; i < sizeof(pad) / sizeof(pad[0]); i++)
		assert_int_equal(tap(&km, 0, pad[i].code), 0);
	tap(&km, 0, ATXF_KEY_NUMLOCK);
	assert_true(km.num_lock);
	for (size_t i = 0; i < sizeof(pad) / sizeof(pad[0]); i++)
		assert_int_equal(tap(&km, 0, pad[i].code), pad[i].c);
	assert_int_equal(tap(&km, 0, ATXF_KEY_KPPLUS), '+');
	tap(&km, 0, ATXF_KEY_NUMLOCK);
	assert_int_equal(tap(&km, 0, ATXF_KEY_KP5), 0);
}

static void reset_locks(void **state)
{
	struct keymap_state km;

	(void)state;
	keymap_init(&km);
	tap(&km, 0, ATXF_KEY_CAPSLOCK);
	tap(&km, 0, ATXF_KEY_NUMLOCK);
	keymap_reset_locks(&km);
	assert_int_equal(tap(&km, 0, ATXF_KEY_M), 'm');
	assert_int_equal(tap(&km, 0, ATXF_KEY_KP1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_printable_character),
		cmocka_unit_test(caps_lock_and_shift),
		cmocka_unit_test(shift_held_and_released),
		cmocka_unit_test(ctrl_letters),
		cmocka_unit_test(repeat_types_release_does_not),
		cmocka_unit_test(special_keys),
		cmocka_unit_test(keypad_and_num_lock),
		cmocka_unit_test(reset_locks),
	};

	return cmocka_run_group_tests_name("console keymap", tests, NULL, NULL);
}
