# Shared build settings: output folders, host compiler flags and the
# kbuild-style quiet output ("  CC      elf2atxf/elf2atxf.o"; V=1 for commands).

BUILD      := build
BIN        := $(BUILD)/bin
HOSTOBJ    := $(BUILD)/host
HOSTLIB    := $(BUILD)/host/lib

HOSTCC     ?= gcc
AR         ?= ar
PKG_CONFIG ?= pkg-config
PYTHON     ?= python3

WARNINGS   := -Wall -Wextra -Werror
# Debug info names sources relative to the tree, so no build path is installed.
PREFIX_MAP := -ffile-prefix-map=$(CURDIR)/=
HOST_CFLAGS := -std=gnu11 -O2 -g $(PREFIX_MAP) -fno-omit-frame-pointer $(WARNINGS) -MMD -MP -Isdk/include

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

# Target (ATXF user-space) objects for libatxf: freestanding, against the
# SDK's own libc headers, never the host's. ATXF programs themselves are built
# through the staged sysroot's x86_64-atxf-gcc (rule 4), which applies the
# same code-generation flags through its specs file.
TGTOBJ        := $(BUILD)/target
include toolchain/select.mk
TARGET_CC     ?= gcc
TARGET_CC_PROBE ?= $(TARGET_CC)
TARGET_CODEGEN := -fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer -fno-asynchronous-unwind-tables
# gcc turns copy loops into memcpy calls unless told not to; clang lacks the flag.
NO_LOOP_PATTERNS := $(shell $(TARGET_CC_PROBE) -fno-tree-loop-distribute-patterns -E -x c /dev/null \
		      >/dev/null 2>&1 && echo -fno-tree-loop-distribute-patterns)
# -MD, not -MMD: the libc's headers come in with -isystem, and -MMD would
# leave them out of the dependencies (a changed errno.h rebuilt nothing).
TARGET_CFLAGS := -std=gnu11 -O2 -g $(PREFIX_MAP) $(WARNINGS) -MD -MP -ffreestanding -nostdinc \
		 -isystem sdk/lib/libc/include -Isdk/include $(TARGET_CODEGEN) \
		 -fno-builtin $(NO_LOOP_PATTERNS)

$(TGTOBJ)/%.o: %.c $(TARGET_DEPS)
	@mkdir -p $(@D)
	$(call run,CC,$< [atxf]) $(TARGET_CC) $(TARGET_CFLAGS) $(TCFLAGS_$(<D)) -c $< -o $@

$(TGTOBJ)/%.o: %.S $(TARGET_DEPS)
	@mkdir -p $(@D)
	$(call run,AS,$< [atxf]) $(TARGET_CC) $(TARGET_CFLAGS) $(TCFLAGS_$(<D)) -c $< -o $@
