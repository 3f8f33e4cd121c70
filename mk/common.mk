# Shared build settings: output folders, host compiler flags and the
# kbuild-style quiet output ("  CC      elf2atxf/elf2atxf.o"; V=1 for commands).

BUILD      := build
BIN        := $(BUILD)/bin
HOSTOBJ    := $(BUILD)/host
HOSTLIB    := $(BUILD)/host/lib

HOSTCC     ?= gcc
AR         ?= ar
PKG_CONFIG ?= pkg-config

WARNINGS   := -Wall -Wextra -Werror
HOST_CFLAGS := -std=gnu11 -O2 -g -fno-omit-frame-pointer $(WARNINGS) -MMD -MP -Isdk/include

ifeq ($(V),1)
  run :=
else
  # $(call run,TAG,what): print one short line instead of the command.
  run = @printf '  %-7s %s\n' '$(1)' '$(2)';
endif

# Host objects mirror the source tree under build/host.
$(HOSTOBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(call run,CC,$<) $(HOSTCC) $(HOST_CFLAGS) $(CFLAGS_$(<D)) -c $< -o $@

$(HOSTLIB)/%.a:
	@mkdir -p $(@D)
	$(call run,AR,$@) rm -f $@ && $(AR) rcs $@ $^
