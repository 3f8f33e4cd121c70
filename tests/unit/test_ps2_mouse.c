/*
 * Host test of the PS/2 mouse's device logic: the 3-byte packet decoder
 * (drivers/input/ps2-mouse/mouse_decode.c: signs, overflow, buttons,
 * realignment after a lost byte) and the aux command path of the i8042
 * (0xD4 prefix, ACK, RESEND, silence) against a fake controller.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "i8042.h"
#include "i8042_reg.h"
#include "mouse_decode.h"
#include "test_ps2_fake_i8042.h"

/* Feeds a packet's bytes; the last must complete it. */
static struct mouse_packet packet(struct mouse_state *m, uint8_t b0, uint8_t b1, uint8_t b2)
{
	struct mouse_packet p = { 0 };

	assert_int_equal(mouse_feed(m, b0, &p), 0);
	assert_int_equal(mouse_feed(m, b1, &p), 0);
	assert_int_equal(mouse_feed(m, b2, &p), 1);
	return p;
}

static void motion_signs_in_screen_convention(void **state)
{
	struct mouse_state m;
	struct mouse_packet p;

	(void)state;
	mouse_init(&m);
	p = packet(&m, 0x08, 5, 3);                 /* right 5, up 3 */
	assert_int_equal(p.dx, 5);
	assert_int_equal(p.dy, -3);
	p = packet(&m, 0x08 | 0x10 | 0x20, 0xfb, 0xfd);   /* left 5, down 3 */
	assert_int_equal(p.dx, -5);
	assert_int_equal(p.dy, 3);
	p = packet(&m, 0x08 | 0x10, 0x00, 0xff);    /* X -256: sign only; Y +255 */
	assert_int_equal(p.dx, -256);
	assert_int_equal(p.dy, -255);
	assert_int_equal(p.changed, 0);
}

static void overflow_drops_the_motion(void **state)
{
	struct mouse_state m;
	struct mouse_packet p;

	(void)state;
	mouse_init(&m);
	p = packet(&m, 0x08 | 0x40 | 0x01, 0x7f, 0x10);
	assert_int_equal(p.dx, 0);
	assert_int_equal(p.dy, 0);
	assert_int_equal(p.buttons, MOUSE_LEFT);    /* the buttons still count */
	assert_int_equal(m.overflows, 1);
	p = packet(&m, 0x08 | 0x80 | 0x01, 0x01, 0x01);
	assert_int_equal(p.dx, 0);
	assert_int_equal(m.overflows, 2);
}

static void buttons_report_changes(void **state)
{
	struct mouse_state m;
	struct mouse_packet p;

	(void)state;
	mouse_init(&m);
	p = packet(&m, 0x08 | 0x01, 0, 0);
	assert_int_equal(p.buttons, MOUSE_LEFT);
	assert_int_equal(p.changed, MOUSE_LEFT);
	p = packet(&m, 0x08 | 0x01 | 0x02 | 0x04, 0, 0);
	assert_int_equal(p.changed, MOUSE_RIGHT | MOUSE_MIDDLE);
	p = packet(&m, 0x08 | 0x04, 0, 0);
	assert_int_equal(p.buttons, MOUSE_MIDDLE);
	assert_int_equal(p.changed, MOUSE_LEFT | MOUSE_RIGHT);
	p = packet(&m, 0x08 | 0x04, 1, 0);
	assert_int_equal(p.changed, 0);
}

/* A first byte without bit 3 cannot start a packet: dropped until one can. */
static void realigns_after_garbage(void **state)
{
	struct mouse_state m;
	struct mouse_packet p;

	(void)state;
	mouse_init(&m);
	assert_int_equal(mouse_feed(&m, 0x05, &p), 0);
	assert_int_equal(mouse_feed(&m, 0xf0, &p), 0);
	assert_int_equal(m.resyncs, 2);
	assert_int_equal(m.have, 0);
	p = packet(&m, 0x09, 2, 2);
	assert_int_equal(p.dx, 2);
	assert_int_equal(p.buttons, MOUSE_LEFT);
	/* A lost first byte: the stream resumes at the next packet's byte 0. */
	assert_int_equal(mouse_feed(&m, 0x07, &p), 0);   /* byte 1 of a lost packet */
	assert_int_equal(mouse_feed(&m, 0x00, &p), 0);   /* its byte 2 */
	assert_int_equal(m.resyncs, 4);
	p = packet(&m, 0x08, 1, 1);
	assert_int_equal(p.dx, 1);
	assert_int_equal(p.dy, -1);
}

static void aux_command_with_prefix(void **state)
{
	struct fake_i8042 f;

	(void)state;
	fake_i8042_install(&f);
	assert_int_equal(i8042_aux_command(AUX_ENABLE_DATA), 0);
	assert_int_equal(f.cmds[0], CMD_WRITE_AUX);
	assert_int_equal(f.naux, 1);
	assert_int_equal(f.aux_rx[0], AUX_ENABLE_DATA);
	assert_int_equal(f.nkbd, 0);                /* nothing reached the keyboard */
	assert_int_equal(fake_i8042_waiting(&f), 0);
	assert_int_equal(atxf_fake_strays(), 0);
}

static void aux_command_resend_and_silence(void **state)
{
	struct fake_i8042 f;

	(void)state;
	fake_i8042_install(&f);
	f.aux_resends = 1;
	assert_int_equal(i8042_aux_command(AUX_SET_DEFAULTS), 0);
	assert_int_equal(f.naux, 2);                /* sent again after RESEND */
	f.aux_resends = 5;
	assert_int_equal(i8042_aux_command(AUX_SET_DEFAULTS), -ATXF_EIO);
	f.aux_resends = 0;
	f.aux_silent = 1;
	assert_int_equal(i8042_aux_command(AUX_ENABLE_DATA), -ATXF_ETIMEDOUT);
}

/* A keyboard byte ahead of the mouse's ACK is left for the keyboard driver. */
static void aux_command_leaves_keyboard_bytes(void **state)
{
	struct fake_i8042 f;
	uint8_t b;

	(void)state;
	fake_i8042_install(&f);
	fake_i8042_push(&f, 0x1e, 0);
	f.aux_silent = 1;
	assert_int_equal(i8042_aux_command(AUX_ENABLE_DATA), -ATXF_ETIMEDOUT);
	assert_true(i8042_take(0, &b));
	assert_int_equal(b, 0x1e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(motion_signs_in_screen_convention),
		cmocka_unit_test(overflow_drops_the_motion),
		cmocka_unit_test(buttons_report_changes),
		cmocka_unit_test(realigns_after_garbage),
		cmocka_unit_test(aux_command_with_prefix),
		cmocka_unit_test(aux_command_resend_and_silence),
		cmocka_unit_test(aux_command_leaves_keyboard_bytes),
	};

	return cmocka_run_group_tests_name("ps2-mouse", tests, NULL, NULL);
}
