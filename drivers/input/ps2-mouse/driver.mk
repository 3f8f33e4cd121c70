# The PS/2 mouse on the i8042's auxiliary port (drivers/collect.mk).
DRIVER_NAME   := ps2-mouse
DRIVER_SRCS   := drivers/input/ps2-mouse/ps2_mouse.c \
		 drivers/input/ps2-mouse/mouse_decode.c drivers/input/i8042/i8042.c
DRIVER_CFLAGS := -Idrivers/input/i8042
DRIVER_BOOT   := yes
# Packets: signs, overflow, buttons, realignment; the aux command path
# (0xD4 prefix, ACK, RESEND).
DRIVER_TESTS  := test_ps2_mouse
DRIVER_TEST_test_ps2_mouse := tests/unit/test_ps2_mouse.c tests/unit/test_ps2_fake_i8042.c \
		 drivers/input/ps2-mouse/mouse_decode.c drivers/input/i8042/i8042.c
