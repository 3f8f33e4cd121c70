/*
 * Host test of the PS/2 keyboard's device logic: the scancode set 1
 * decoder, modifiers and locks, typematic repeat and the LED command
 * sequence (drivers/input/ps2-keyboard/kbd_decode.c), and the controller
 * setup the keyboard driver owns (drivers/input/i8042/i8042.c) against a
 * fake i8042.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include <atxf/proto/input.h>
#include "i8042.h"
#include "i8042_reg.h"
#include "kbd_decode.h"
#include "test_ps2_fake_i8042.h"

/* Feeds bytes; returns the last output, and checks none but the last had a key. */
static struct kbd_out feed(struct kbd_state *k, const uint8_t *bytes, size_t n)
{
	struct kbd_out out = { 0 };

	for (size_t i = 0; i < n; i++) {
		kbd_feed(k, bytes[i], &out);
		if (i + 1 < n)
			assert_false(out.has_key);
	}
	return out;
}

#define FEED(k, ...) feed(k, (const uint8_t[]){ __VA_ARGS__ }, \
			  sizeof((const uint8_t[]){ __VA_ARGS__ }))

static void assert_key(struct kbd_out out, unsigned code, int value)
{
	assert_true(out.has_key);
	assert_int_equal(out.code, code);
	assert_int_equal(out.value, value);
}

static void make_and_break_of_a_letter(void **state)
{
	struct kbd_state k;

	(void)state;
	kbd_init(&k);
	assert_key(FEED(&k, 0x1e), ATXF_KEY_A, ATXF_KEY_PRESS);
	assert_key(FEED(&k, 0x9e), ATXF_KEY_A, ATXF_KEY_RELEASE);
	assert_key(FEED(&k, 0x02), ATXF_KEY_1, ATXF_KEY_PRESS);
	assert_int_equal(FEED(&k, 0x82).send, -1);
}

static void held_key_repeats(void **state)
{
	struct kbd_state k;

	(void)state;
	kbd_init(&k);
	assert_key(FEED(&k, 0x10), ATXF_KEY_Q, ATXF_KEY_PRESS);
	assert_key(FEED(&k, 0x10), ATXF_KEY_Q, ATXF_KEY_REPEAT);
	assert_key(FEED(&k, 0x10), ATXF_KEY_Q, ATXF_KEY_REPEAT);
	assert_key(FEED(&k, 0x90), ATXF_KEY_Q, ATXF_KEY_RELEASE);
	assert_key(FEED(&k, 0x10), ATXF_KEY_Q, ATXF_KEY_PRESS);
}

static void modifiers_follow_both_sides(void **state)
{
	struct kbd_state k;

	(void)state;
	kbd_init(&k);
	assert_key(FEED(&k, 0x2a), ATXF_KEY_LEFTSHIFT, ATXF_KEY_PRESS);
	assert_int_equal(k.mods, KBD_MOD_SHIFT);
	FEED(&k, 0x36);                             /* right shift too */
	/* 0xAA is left shift's break, not a self-test reply here. */
	assert_key(FEED(&k, 0xaa), ATXF_KEY_LEFTSHIFT, ATXF_KEY_RELEASE);
	assert_int_equal(k.mods, KBD_MOD_SHIFT);
	FEED(&k, 0xb6);
	assert_int_equal(k.mods, 0);
	FEED(&k, 0x1d);
	FEED(&k, 0xe0, 0x38);
	assert_int_equal(k.mods, KBD_MOD_CTRL | KBD_MOD_ALT);
	FEED(&k, 0x9d);
	FEED(&k, 0xe0, 0xb8);
	assert_int_equal(k.mods, 0);
}

static void e0_keys_get_0x80(void **state)
{
	struct kbd_state k;

	(void)state;
	kbd_init(&k);
	assert_key(FEED(&k, 0xe0, 0x48), ATXF_KEY_UP, ATXF_KEY_PRESS);
	assert_key(FEED(&k, 0xe0, 0xc8), ATXF_KEY_UP, ATXF_KEY_RELEASE);
	assert_key(FEED(&k, 0xe0, 0x1d), ATXF_KEY_RIGHTCTRL, ATXF_KEY_PRESS);
	assert_key(FEED(&k, 0xe0, 0x1c), ATXF_KEY_KPENTER, ATXF_KEY_PRESS);
	/* The prefix applies to one byte only. */
	assert_key(FEED(&k, 0x1c), ATXF_KEY_ENTER, ATXF_KEY_PRESS);
}

static void fake_shifts_and_pause(void **state)
{
	struct kbd_state k;
	struct kbd_out out;

	(void)state;
	kbd_init(&k);
	/* Print Screen: E0 2A E0 37 ... E0 B7 E0 AA. */
	assert_key(FEED(&k, 0xe0, 0x2a, 0xe0, 0x37), ATXF_KEY_SYSRQ, ATXF_KEY_PRESS);
	assert_key(FEED(&k, 0xe0, 0xb7), ATXF_KEY_SYSRQ, ATXF_KEY_RELEASE);
	out = FEED(&k, 0xe0, 0xaa);
	assert_false(out.has_key);
	assert_int_equal(k.mods, 0);
	/* Pause: E1 1D 45 E1 9D C5, a press and a release. */
	assert_key(FEED(&k, 0xe1, 0x1d, 0x45), ATXF_KEY_PAUSE, ATXF_KEY_PRESS);
	assert_key(FEED(&k, 0xe1, 0x9d, 0xc5), ATXF_KEY_PAUSE, ATXF_KEY_RELEASE);
	assert_key(FEED(&k, 0x1e), ATXF_KEY_A, ATXF_KEY_PRESS);
}

static void error_bytes_are_ignored(void **state)
{
	struct kbd_state k;

	(void)state;
	kbd_init(&k);
	assert_false(FEED(&k, 0x00).has_key);
	assert_false(FEED(&k, 0xff).has_key);
	assert_false(FEED(&k, 0xfa).has_key);       /* a stray ACK */
	assert_key(FEED(&k, 0x1e), ATXF_KEY_A, ATXF_KEY_PRESS);
}

/* Caps lock: press toggles the lock and runs ED, ACK, mask, ACK. */
static void caps_lock_sets_the_led(void **state)
{
	struct kbd_state k;
	struct kbd_out out;

	(void)state;
	kbd_init(&k);
	out = FEED(&k, 0x3a);
	assert_key(out, ATXF_KEY_CAPSLOCK, ATXF_KEY_PRESS);
	assert_int_equal(out.send, KBD_SET_LEDS);
	assert_int_equal(k.locks, ATXF_LED_CAPS_LOCK);
	out = FEED(&k, 0xfa);
	assert_false(out.has_key);
	assert_int_equal(out.send, ATXF_LED_CAPS_LOCK);   /* the byte's bit 2 is caps */
	assert_int_equal(FEED(&k, 0xfa).send, -1);
	assert_int_equal(k.led_phase, KBD_LED_IDLE);
	/* Repeats and the release do not toggle it again. */
	assert_int_equal(FEED(&k, 0x3a).send, -1);
	assert_int_equal(FEED(&k, 0xba).send, -1);
	assert_int_equal(k.locks, ATXF_LED_CAPS_LOCK);
	assert_int_equal(FEED(&k, 0x3a).send, KBD_SET_LEDS);
	assert_int_equal(k.locks, 0);
}

static void led_change_during_a_command_waits(void **state)
{
	struct kbd_state k;

	(void)state;
	kbd_init(&k);
	assert_int_equal(kbd_set_leds(&k, ATXF_LED_NUM_LOCK), KBD_SET_LEDS);
	/* A key between the command and its ACK still decodes. */
	assert_key(FEED(&k, 0x1e), ATXF_KEY_A, ATXF_KEY_PRESS);
	assert_int_equal(kbd_set_leds(&k, ATXF_LED_ALL), -1);
	assert_int_equal(FEED(&k, 0xfa).send, ATXF_LED_NUM_LOCK);
	assert_int_equal(FEED(&k, 0xfe).send, ATXF_LED_NUM_LOCK);  /* RESEND */
	assert_int_equal(FEED(&k, 0xfa).send, KBD_SET_LEDS);       /* the queued change */
	assert_int_equal(FEED(&k, 0xfa).send, ATXF_LED_ALL);
	assert_int_equal(FEED(&k, 0xfa).send, -1);
}

static void unanswered_led_command_is_given_up(void **state)
{
	struct kbd_state k;

	(void)state;
	kbd_init(&k);
	assert_int_equal(kbd_set_leds(&k, ATXF_LED_SCROLL_LOCK), KBD_SET_LEDS);
	for (int i = 0; i < 3; i++)
		kbd_tick(&k);
	assert_int_equal(k.led_phase, KBD_LED_IDLE);
	assert_int_equal(k.led_failures, 1);
	assert_int_equal(kbd_set_leds(&k, 0), KBD_SET_LEDS);
}

static void controller_setup(void **state)
{
	struct fake_i8042 f;
	uint8_t b;

	(void)state;
	fake_i8042_install(&f);
	f.config = CFG_KBD_CLOCK_OFF | CFG_AUX_CLOCK_OFF;
	fake_i8042_push(&f, 0x1e, 0);               /* a stale byte to flush */
	assert_int_equal(i8042_setup(), 0);
	assert_int_equal(f.config, CFG_KBD_IRQ | CFG_AUX_IRQ | CFG_TRANSLATE);
	assert_true(f.kbd_enabled);
	assert_true(f.aux_enabled);
	assert_int_equal(f.cmds[0], CMD_KBD_DISABLE);
	assert_int_equal(f.cmds[1], CMD_AUX_DISABLE);
	assert_int_equal(fake_i8042_waiting(&f), 0);
	/* The LED command reaches the keyboard; its ACK is the keyboard's byte. */
	assert_int_equal(i8042_write_data(KBD_SET_LEDS), 0);
	assert_int_equal(f.kbd_rx[0], KBD_SET_LEDS);
	assert_false(i8042_take(1, &b));
	assert_true(i8042_take(0, &b));
	assert_int_equal(b, PS2_ACK);
	assert_int_equal(atxf_fake_strays(), 0);
}

static void keyboard_side_leaves_mouse_bytes(void **state)
{
	struct fake_i8042 f;
	uint8_t b = 0;

	(void)state;
	fake_i8042_install(&f);
	fake_i8042_push(&f, 0x08, 1);
	fake_i8042_push(&f, 0x1e, 0);
	assert_false(i8042_take(0, &b));
	assert_true(i8042_take(1, &b));
	assert_int_equal(b, 0x08);
	assert_true(i8042_take(0, &b));
	assert_int_equal(b, 0x1e);
	assert_false(i8042_take(0, &b));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(make_and_break_of_a_letter),
		cmocka_unit_test(held_key_repeats),
		cmocka_unit_test(modifiers_follow_both_sides),
		cmocka_unit_test(e0_keys_get_0x80),
		cmocka_unit_test(fake_shifts_and_pause),
		cmocka_unit_test(error_bytes_are_ignored),
		cmocka_unit_test(caps_lock_sets_the_led),
		cmocka_unit_test(led_change_during_a_command_waits),
		cmocka_unit_test(unanswered_led_command_is_given_up),
		cmocka_unit_test(controller_setup),
		cmocka_unit_test(keyboard_side_leaves_mouse_bytes),
	};

	return cmocka_run_group_tests_name("ps2-keyboard", tests, NULL, NULL);
}
