# tests/unit: the console's pure parts on the host (services/console): the
# US keymap, serial input decoding, the line editor and output translation,
# and every shell command against scripted processes, devices and drivers,
# checked byte for byte.
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS) included before this;
# the console's objects come from the generic host rule (mk/common.mk).

CONSOLE_TESTS := $(addprefix $(BUILD)/tests/unit/,test_console_keymap test_console_line \
	test_console_shell test_console_textgrid)
CONSOLE_TESTS += $(BUILD)/tests/unit/test_console_blk
CONSOLE_TESTS += $(BUILD)/tests/unit/test_console_pointer
CONSOLE_HOSTOBJ = $(patsubst %.c,$(HOSTOBJ)/services/console/%.o,$(1))

$(CONSOLE_TESTS:$(BUILD)/tests/unit/%=$(HOSTOBJ)/tests/unit/%.o): \
	HOST_CFLAGS += -Iservices/console

$(BUILD)/tests/unit/test_console_keymap: $(HOSTOBJ)/tests/unit/test_console_keymap.o \
		$(call CONSOLE_HOSTOBJ,keymap.c)
$(BUILD)/tests/unit/test_console_line: $(HOSTOBJ)/tests/unit/test_console_line.o \
		$(call CONSOLE_HOSTOBJ,line.c serial.c termout.c)
$(BUILD)/tests/unit/test_console_shell: $(HOSTOBJ)/tests/unit/test_console_shell.o \
		$(call CONSOLE_HOSTOBJ,shell.c shell_list.c shell_ctl.c shell_mouse.c shell_serial.c \
		shell_blk.c shell_display.c shell_dmesg.c) \
		$(HOSTOBJ)/sdk/lib/runtime/strerror.o

$(BUILD)/tests/unit/test_console_blk: $(HOSTOBJ)/tests/unit/test_console_blk.o \
		$(call CONSOLE_HOSTOBJ,shell.c shell_list.c shell_ctl.c shell_mouse.c shell_serial.c \
		shell_blk.c shell_display.c shell_dmesg.c) \
		$(HOSTOBJ)/sdk/lib/runtime/strerror.o

$(BUILD)/tests/unit/test_console_textgrid: $(HOSTOBJ)/tests/unit/test_console_textgrid.o \
		$(call CONSOLE_HOSTOBJ,textgrid.c)

$(BUILD)/tests/unit/test_console_pointer: $(HOSTOBJ)/tests/unit/test_console_pointer.o \
		$(call CONSOLE_HOSTOBJ,pointer.c)

$(CONSOLE_TESTS):
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

UNIT_TESTS  += $(CONSOLE_TESTS)
CHECK_BUILD += $(CONSOLE_TESTS)
