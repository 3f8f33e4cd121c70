# The PS/2 keyboard behind the i8042 (drivers/collect.mk).
DRIVER_NAME   := ps2-keyboard
DRIVER_SRCS   := drivers/input/ps2-keyboard/ps2_keyboard.c \
		 drivers/input/ps2-keyboard/kbd_decode.c drivers/input/i8042/i8042.c
DRIVER_CFLAGS := -Idrivers/input/i8042
DRIVER_BOOT   := yes
# Scancode set 1, modifiers, locks, repeat, LED command sequence; i8042
# setup against a fake controller.
DRIVER_TESTS  := test_ps2_keyboard
DRIVER_TEST_test_ps2_keyboard := tests/unit/test_ps2_keyboard.c tests/unit/test_ps2_fake_i8042.c \
		 drivers/input/ps2-keyboard/kbd_decode.c drivers/input/i8042/i8042.c
