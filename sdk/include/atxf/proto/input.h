/*
 * The input protocol (ATXF_PROTO_INPUT): keyboards and pointers. Exercised
 * in QEMU by the PS/2 keyboard and mouse drivers on the i8042 (QMP send-key
 * and input-send-event); docs/protocols.md §5.
 *
 * A subscriber's port receives EVENT messages, each carrying up to
 * ATXF_INPUT_EVENTS_MAX events. Events that belong together (one key, one
 * mouse packet) end with a SYN event; a subscriber acts on a group when its
 * SYN arrives, so a group split across two messages is still read whole.
 *
 *   type         code                     value
 *   KEY          ATXF_KEY_*               1 press, 0 release, 2 auto-repeat
 *   BUTTON       ATXF_BTN_*               1 press, 0 release
 *   REL          ATXF_REL_*               signed motion: X grows right, Y grows
 *                                         down (screen coordinates), WHEEL
 *                                         grows away from the user
 *   SYN          ATXF_SYN_REPORT          0
 *
 * Key codes are PC scancode set 1 make codes, plus 0x80 for the keys that
 * come with the E0 prefix: a PS/2 keyboard driver translates nothing but the
 * prefix, every code fits in a byte, and a console maps codes to characters
 * with one 256-entry table. Other keyboards (USB) map their usages to these.
 */
#ifndef ATXF_PROTO_INPUT_H
#define ATXF_PROTO_INPUT_H

#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/proto/common.h>

struct atxf_input_event {
	uint64_t time_ns;           /* monotonic time of the event (atxf_time_ns) */
	uint16_t type;              /* ATXF_EV_* */
	uint16_t code;              /* ATXF_KEY_*, ATXF_BTN_*, ATXF_REL_*, ATXF_SYN_* */
	int32_t value;              /* see the table above */
};

enum atxf_input_type {
	ATXF_EV_SYN = 0,
	ATXF_EV_KEY = 1,
	ATXF_EV_BUTTON = 2,
	ATXF_EV_REL = 3,
};

#define ATXF_SYN_REPORT 0

#define ATXF_KEY_RELEASE 0
#define ATXF_KEY_PRESS   1
#define ATXF_KEY_REPEAT  2

enum atxf_rel_code { ATXF_REL_X = 0, ATXF_REL_Y = 1, ATXF_REL_WHEEL = 2 };
enum atxf_button_code { ATXF_BTN_LEFT = 0, ATXF_BTN_RIGHT = 1, ATXF_BTN_MIDDLE = 2 };

/* SET_LEDS: keyboard lock lights. */
#define ATXF_LED_SCROLL_LOCK 0x1u
#define ATXF_LED_NUM_LOCK    0x2u
#define ATXF_LED_CAPS_LOCK   0x4u
#define ATXF_LED_ALL         0x7u

/* Key codes: scancode set 1 make codes; E0-prefixed keys are 0x80 + code. */
enum atxf_key_code {
	ATXF_KEY_NONE = 0x00,
	ATXF_KEY_ESC = 0x01,
	ATXF_KEY_1 = 0x02, ATXF_KEY_2 = 0x03, ATXF_KEY_3 = 0x04, ATXF_KEY_4 = 0x05,
	ATXF_KEY_5 = 0x06, ATXF_KEY_6 = 0x07, ATXF_KEY_7 = 0x08, ATXF_KEY_8 = 0x09,
	ATXF_KEY_9 = 0x0a, ATXF_KEY_0 = 0x0b,
	ATXF_KEY_MINUS = 0x0c, ATXF_KEY_EQUAL = 0x0d,
	ATXF_KEY_BACKSPACE = 0x0e, ATXF_KEY_TAB = 0x0f,
	ATXF_KEY_Q = 0x10, ATXF_KEY_W = 0x11, ATXF_KEY_E = 0x12, ATXF_KEY_R = 0x13,
	ATXF_KEY_T = 0x14, ATXF_KEY_Y = 0x15, ATXF_KEY_U = 0x16, ATXF_KEY_I = 0x17,
	ATXF_KEY_O = 0x18, ATXF_KEY_P = 0x19,
	ATXF_KEY_LEFTBRACE = 0x1a, ATXF_KEY_RIGHTBRACE = 0x1b,
	ATXF_KEY_ENTER = 0x1c, ATXF_KEY_LEFTCTRL = 0x1d,
	ATXF_KEY_A = 0x1e, ATXF_KEY_S = 0x1f, ATXF_KEY_D = 0x20, ATXF_KEY_F = 0x21,
	ATXF_KEY_G = 0x22, ATXF_KEY_H = 0x23, ATXF_KEY_J = 0x24, ATXF_KEY_K = 0x25,
	ATXF_KEY_L = 0x26,
	ATXF_KEY_SEMICOLON = 0x27, ATXF_KEY_APOSTROPHE = 0x28, ATXF_KEY_GRAVE = 0x29,
	ATXF_KEY_LEFTSHIFT = 0x2a, ATXF_KEY_BACKSLASH = 0x2b,
	ATXF_KEY_Z = 0x2c, ATXF_KEY_X = 0x2d, ATXF_KEY_C = 0x2e, ATXF_KEY_V = 0x2f,
	ATXF_KEY_B = 0x30, ATXF_KEY_N = 0x31, ATXF_KEY_M = 0x32,
	ATXF_KEY_COMMA = 0x33, ATXF_KEY_DOT = 0x34, ATXF_KEY_SLASH = 0x35,
	ATXF_KEY_RIGHTSHIFT = 0x36, ATXF_KEY_KPASTERISK = 0x37,
	ATXF_KEY_LEFTALT = 0x38, ATXF_KEY_SPACE = 0x39, ATXF_KEY_CAPSLOCK = 0x3a,
	ATXF_KEY_F1 = 0x3b, ATXF_KEY_F2 = 0x3c, ATXF_KEY_F3 = 0x3d, ATXF_KEY_F4 = 0x3e,
	ATXF_KEY_F5 = 0x3f, ATXF_KEY_F6 = 0x40, ATXF_KEY_F7 = 0x41, ATXF_KEY_F8 = 0x42,
	ATXF_KEY_F9 = 0x43, ATXF_KEY_F10 = 0x44,
	ATXF_KEY_NUMLOCK = 0x45, ATXF_KEY_SCROLLLOCK = 0x46,
	ATXF_KEY_KP7 = 0x47, ATXF_KEY_KP8 = 0x48, ATXF_KEY_KP9 = 0x49,
	ATXF_KEY_KPMINUS = 0x4a,
	ATXF_KEY_KP4 = 0x4b, ATXF_KEY_KP5 = 0x4c, ATXF_KEY_KP6 = 0x4d,
	ATXF_KEY_KPPLUS = 0x4e,
	ATXF_KEY_KP1 = 0x4f, ATXF_KEY_KP2 = 0x50, ATXF_KEY_KP3 = 0x51,
	ATXF_KEY_KP0 = 0x52, ATXF_KEY_KPDOT = 0x53,
	ATXF_KEY_102ND = 0x56,              /* the extra key left of Z on ISO layouts */
	ATXF_KEY_F11 = 0x57, ATXF_KEY_F12 = 0x58,

	/* E0-prefixed keys. */
	ATXF_KEY_KPENTER = 0x80 + 0x1c,
	ATXF_KEY_RIGHTCTRL = 0x80 + 0x1d,
	ATXF_KEY_KPSLASH = 0x80 + 0x35,
	ATXF_KEY_SYSRQ = 0x80 + 0x37,       /* Print Screen */
	ATXF_KEY_RIGHTALT = 0x80 + 0x38,
	ATXF_KEY_PAUSE = 0x80 + 0x45,       /* sent as E1 1D 45; given this code */
	ATXF_KEY_HOME = 0x80 + 0x47,
	ATXF_KEY_UP = 0x80 + 0x48,
	ATXF_KEY_PAGEUP = 0x80 + 0x49,
	ATXF_KEY_LEFT = 0x80 + 0x4b,
	ATXF_KEY_RIGHT = 0x80 + 0x4d,
	ATXF_KEY_END = 0x80 + 0x4f,
	ATXF_KEY_DOWN = 0x80 + 0x50,
	ATXF_KEY_PAGEDOWN = 0x80 + 0x51,
	ATXF_KEY_INSERT = 0x80 + 0x52,
	ATXF_KEY_DELETE = 0x80 + 0x53,
	ATXF_KEY_LEFTMETA = 0x80 + 0x5b,
	ATXF_KEY_RIGHTMETA = 0x80 + 0x5c,
	ATXF_KEY_MENU = 0x80 + 0x5d,

	ATXF_KEY_MAX = 0xff
};

#define ATXF_INPUT_EVENTS_MAX 5

/* EVENT: msg.len = 8 + count * sizeof(struct atxf_input_event). */
struct atxf_input_events {
	uint32_t dropped;           /* events lost before these (queue full) */
	uint32_t count;             /* 1 .. ATXF_INPUT_EVENTS_MAX */
	struct atxf_input_event ev[ATXF_INPUT_EVENTS_MAX];
};

/* SET_LEDS. */
struct atxf_input_leds {
	uint32_t leds;              /* ATXF_LED_*; other bits must be zero */
};

/* X(PROTO, NAME, n, dir, req_min, req_max, caps, reply): see proto/common.h. */
#define ATXF_INPUT_PROTOCOL(X)                                                 \
	X(INPUT, SUBSCRIBE, 1, ATXF_TO_DRIVER, 0, 0, 1, 0)                      \
	X(INPUT, SET_LEDS, 2, ATXF_TO_DRIVER, sizeof(struct atxf_input_leds),   \
	  sizeof(struct atxf_input_leds), 0, 0)                                 \
	X(INPUT, EVENT, ATXF_EVENT_FIRST, ATXF_FROM_DRIVER,                     \
	  8 + sizeof(struct atxf_input_event), sizeof(struct atxf_input_events), 0, 0)

enum { ATXF_INPUT_PROTOCOL(ATXF_PROTO_CODE_) };

_Static_assert(sizeof(struct atxf_input_event) == 16, "input event layout");
_Static_assert(sizeof(struct atxf_input_events) == 88, "input EVENT layout");
_Static_assert(sizeof(struct atxf_input_events) <= ATXF_MSG_DATA_MAX, "EVENT fits");
_Static_assert(sizeof(struct atxf_input_leds) == 4, "SET_LEDS layout");

#endif
