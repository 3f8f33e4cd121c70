# tests/unit: host tests of the drivers' device logic (drivers/), each run
# against the fake hardware of libatxf-fake and a device the test plays.
# No framework is linked: the logic alone, as an author tests it.
#
#   test_ps2_keyboard  scancode set 1, modifiers, locks, repeat, LED command
#                      sequence; i8042 setup against a fake controller
#   test_ps2_mouse     packets: signs, overflow, buttons, realignment; the
#                      aux command path (0xD4 prefix, ACK, RESEND)
#   test_uart16550     divisor, FIFO, IRQ-driven TX and RX on a fake 16550

DRVS_TEST_OBJ := $(BUILD)/tests/drivers
DRVS_SANITIZE ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
DRVS_TEST_CFLAGS := $(HOST_CFLAGS) -Itests/unit $(DRVS_SANITIZE) \
	-Idrivers/input/i8042 -Idrivers/input/ps2-keyboard -Idrivers/input/ps2-mouse \
	-Idrivers/serial/uart16550
DRVS_TEST_LIBS := $(DRVS_SANITIZE) $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

$(DRVS_TEST_OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(DRVS_TEST_CFLAGS) -c $< -o $@

drvs_obj = $(patsubst %.c,$(DRVS_TEST_OBJ)/%.o,$(1))

DRIVERS_UNIT_TESTS := $(addprefix $(UNIT_DIR)/,test_ps2_keyboard test_ps2_mouse test_uart16550)

$(UNIT_DIR)/test_ps2_keyboard: $(call drvs_obj,tests/unit/test_ps2_keyboard.c \
	tests/unit/test_ps2_fake_i8042.c drivers/input/ps2-keyboard/kbd_decode.c \
	drivers/input/i8042/i8042.c)
$(UNIT_DIR)/test_ps2_mouse: $(call drvs_obj,tests/unit/test_ps2_mouse.c \
	tests/unit/test_ps2_fake_i8042.c drivers/input/ps2-mouse/mouse_decode.c \
	drivers/input/i8042/i8042.c)
$(UNIT_DIR)/test_uart16550: $(call drvs_obj,tests/unit/test_uart16550.c \
	drivers/serial/uart16550/uart_dev.c)

$(DRIVERS_UNIT_TESTS): $(LIBATXF_FAKE)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(filter %.o,$^) $(LIBATXF_FAKE) $(DRVS_TEST_LIBS) -o $@

UNIT_TESTS  += $(DRIVERS_UNIT_TESTS)
CHECK_BUILD += $(DRIVERS_UNIT_TESTS)
