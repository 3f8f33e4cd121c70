# services/console: the console service and its shell (docs/console.md),
# started by init with `start console.atxf`. keymap.c, serial.c, line.c,
# termout.c and the shell*.c files are pure and also built for the host
# tests (tests/unit/console.mk); the rest talks to the system.

CONSOLE_ATXF := $(BUILD)/services/console.atxf
CONSOLE_PURE_SRCS := $(addprefix services/console/,keymap.c serial.c line.c termout.c \
	shell.c shell_list.c shell_ctl.c shell_mouse.c shell_serial.c shell_display.c \
	textgrid.c)
CONSOLE_PURE_SRCS += services/console/pointer.c
CONSOLE_PURE_SRCS += services/console/shell_blk.c
CONSOLE_PURE_SRCS += services/console/shell_dmesg.c
CONSOLE_SRCS := $(CONSOLE_PURE_SRCS) \
	$(addprefix services/console/,main.c sources.c sysenv.c events.c screen.c font.S)
CONSOLE_SRCS += services/console/sysenv_blk.c

# The screen's font: the boot screen's PSF2 file (kernel/build.mk).
CONSOLE_FONT := $(BUILD)/kernel/bootfont.psf
ACFLAGS_services/console := -DCONSOLE_FONT_FILE='"$(CONSOLE_FONT)"'
$(ATXFOBJ)/services/console/font.o: $(CONSOLE_FONT)

$(eval $(call atxf_program,$(CONSOLE_ATXF),$(CONSOLE_SRCS)))
ALL_TARGETS += $(CONSOLE_ATXF)
