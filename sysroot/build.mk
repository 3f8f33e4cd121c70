# sysroot/: the staged SDK (build/sysroot) and `make install`.
#
#   make sysroot                             stage build/sysroot, laid out as installed
#   make install PREFIX=/opt/atxf DESTDIR=   copy it to $(DESTDIR)$(PREFIX)
#
# Building ATXF programs in this tree (rule 4: the way a user builds them,
# through the staged wrapper and nothing else):
#
#   ATXF_CC         build/sysroot/bin/x86_64-atxf-gcc
#   ATXF_CFLAGS     what the tree's programs compile with (no code-generation
#                   flags: the wrapper's specs supply them); add per-directory
#                   flags as ACFLAGS_<dir>, e.g. ACFLAGS_services/init := -DFOO
#   $(ATXFOBJ)/%.o  objects, from %.c or %.S, compiled with ATXF_CC
#   SYSROOT_STAMP   exists once the whole toolchain is staged; a prerequisite
#                   of anything that runs ATXF_CC
#
#   $(eval $(call atxf_program,OUT.atxf,SOURCES[,LDFLAGS]))
#       links OUT.atxf (and OUT.atxf.elf, for gdb) from SOURCES' objects, e.g.
#       $(eval $(call atxf_program,$(BUILD)/services/init.atxf,services/init/main.c services/init/spawn.c))
#       ALL_TARGETS += $(BUILD)/services/init.atxf
#
#   $(eval $(call sysroot_add_tool,NAME))
#       stages the host program $(BIN)/NAME as bin/NAME (atxf-run, later).

STAGE_DIR := $(BUILD)/sysroot
SR_BIN    := $(STAGE_DIR)/bin
SR_TGT    := $(STAGE_DIR)/x86_64-atxf
SR_SHARE  := $(STAGE_DIR)/share
SYSROOT_STAMP := $(BUILD)/stamps/sysroot-toolchain

PREFIX    ?= /usr/local
DESTDIR   ?=
STRIP     ?= strip

# Defined by sdk/lib/build.mk; the defaults only name where they will be.
LIBATXF      ?= $(BUILD)/target/lib/libatxf.a
CRT0         ?= $(BUILD)/target/lib/crt0.o
LIBATXF_FAKE ?= $(BUILD)/host/lib/libatxf-fake.a

ATXF_SDK_VERSION := $(shell sed -n 's/^\#define ATXF_SDK_VERSION "\(.*\)"/\1/p' sdk/include/atxf/version.h)

# --- the compiler wrapper ----------------------------------------------------

WRAPPER     := $(HOSTOBJ)/sysroot/wrapper/x86_64-atxf-gcc
WRAPPER_OBJS := $(patsubst %.c,$(HOSTOBJ)/%.o,$(wildcard sysroot/wrapper/*.c))

$(WRAPPER): $(WRAPPER_OBJS)
	$(call run,LD,$@) $(HOSTCC) $^ -o $@

# --- what is staged, file by file --------------------------------------------

LIBC_HEADERS := $(shell find sdk/lib/libc/include -name '*.h' 2>/dev/null)
ABI_HEADERS  := $(shell find sdk/include/atxf -name '*.h')
MAN_PAGES    := $(wildcard docs/man/*.1)

SR_TGT_HEADERS := $(LIBC_HEADERS:sdk/lib/libc/include/%=$(SR_TGT)/include/%) \
		  $(ABI_HEADERS:sdk/include/%=$(SR_TGT)/include/%)
SR_HOST_HEADERS := $(ABI_HEADERS:sdk/include/%=$(STAGE_DIR)/include/%)

# What ATXF_CC needs to compile and link; SYSROOT_STAMP depends on exactly this.
SYSROOT_TOOLCHAIN := $(SR_BIN)/x86_64-atxf-gcc $(SR_BIN)/x86_64-atxf-cc \
	$(SR_BIN)/elf2atxf $(SR_TGT)/lib/atxf.specs $(SR_TGT)/lib/atxf.ld \
	$(SR_TGT)/lib/crt0.o $(SR_TGT)/lib/libatxf.a $(SR_TGT)/lib/libm.a $(SR_TGT_HEADERS)

# Everything installed. Recursive, so that sysroot_add_tool can add to it.
SYSROOT_FILES = $(SYSROOT_TOOLCHAIN) $(SR_BIN)/atxfdump $(SR_BIN)/atxf-new \
	$(SR_HOST_HEADERS) $(STAGE_DIR)/lib/libatxf-fake.a \
	$(STAGE_DIR)/lib/pkgconfig/atxf.pc $(STAGE_DIR)/lib/pkgconfig/atxf-fake.pc \
	$(SR_SHARE)/atxf/cmake/atxf-toolchain.cmake \
	$(SR_SHARE)/atxf/cmake/atxf-system.cmake \
	$(SR_SHARE)/atxf/cmake/Platform/ATXF.cmake \
	$(MAN_PAGES:docs/man/%=$(SR_SHARE)/man/man1/%) $(SR_TEMPLATE_FILES)

# Installed files carry no debug information: it names the build directory
# (DW_AT_comp_dir), and an installed SDK must hold no path into the tree.
define stage_stripped
@mkdir -p $(@D)
$(call run,STAGE,$@) $(STRIP) --strip-debug -o $@ $<
endef
# Host tools may be scripts (atxf-run, say): only ELF files are stripped.
define stage_tool
@mkdir -p $(@D)
$(call run,STAGE,$@) if [ "$$(head -c 4 $< | tail -c 3)" = ELF ]; then \
	$(STRIP) --strip-debug -o $@ $<; else cp $< $@ && chmod 755 $@; fi
endef
define stage_copy
@mkdir -p $(@D)
$(call run,STAGE,$@) cp $< $@ && chmod 644 $@
endef

$(SR_BIN)/x86_64-atxf-gcc: $(WRAPPER)
	$(stage_stripped)

$(SR_BIN)/x86_64-atxf-cc: $(SR_BIN)/x86_64-atxf-gcc
	$(call run,STAGE,$@) ln -sf x86_64-atxf-gcc $@

# Host tools: elf2atxf, atxfdump and whatever sysroot_add_tool names.
$(SR_BIN)/%: $(BIN)/%
	$(stage_tool)

$(SR_TGT)/lib/libatxf.a: $(LIBATXF)
	$(stage_stripped)
$(SR_TGT)/lib/crt0.o: $(CRT0)
	$(stage_stripped)
$(SR_TGT)/lib/libm.a: $(LIBM)
	$(stage_stripped)
$(STAGE_DIR)/lib/libatxf-fake.a: $(LIBATXF_FAKE)
	$(stage_stripped)

$(SR_TGT)/lib/atxf.ld: $(LDSCRIPT_GEN)
	$(stage_copy)
$(SR_TGT)/lib/atxf.specs: sysroot/atxf.specs
	$(stage_copy)

# Target headers: the SDK's libc as <stdio.h> etc., the ABI as <atxf/...>.
# Host headers: the ABI alone, for host tests that use the host's libc.
$(SR_TGT)/include/%.h: sdk/lib/libc/include/%.h
	$(stage_copy)
$(SR_TGT)/include/atxf/%.h: sdk/include/atxf/%.h
	$(stage_copy)
$(STAGE_DIR)/include/atxf/%.h: sdk/include/atxf/%.h
	$(stage_copy)
# The compiler wrapper's -MD names the staged headers by absolute path: the
# same rules under those names, so an object depending on a changed SDK
# header is rebuilt in the same make, not in the next one.
ifneq ($(abspath $(SR_TGT)),$(SR_TGT))
$(abspath $(SR_TGT))/include/%.h: sdk/lib/libc/include/%.h
	$(stage_copy)
$(abspath $(SR_TGT))/include/atxf/%.h: sdk/include/atxf/%.h
	$(stage_copy)
endif

$(STAGE_DIR)/lib/pkgconfig/%.pc: sysroot/pkgconfig/%.pc.in sdk/include/atxf/version.h
	@mkdir -p $(@D)
	$(call run,GEN,$@) sed 's/@VERSION@/$(ATXF_SDK_VERSION)/' $< > $@

$(SR_SHARE)/atxf/cmake/%: sysroot/cmake/%
	$(stage_copy)
$(SR_SHARE)/man/man1/%.1: docs/man/%.1 sdk/include/atxf/version.h
	@mkdir -p $(@D)
	$(call run,GEN,$@) sed 's/@SDK_VERSION@/$(ATXF_SDK_VERSION)/' $< > $@

$(SYSROOT_STAMP): $(SYSROOT_TOOLCHAIN)
	@mkdir -p $(@D)
	@touch $@

# --- the sysroot and install --------------------------------------------------

# Staging is file by file, so a file whose source left the tree would linger
# and be installed: the last step removes whatever is not in SYSROOT_FILES.
.PHONY: sysroot install
sysroot: $(SYSROOT_STAMP) $(SYSROOT_FILES)
	@find $(STAGE_DIR) -type f -o -type l | sort > $(BUILD)/stamps/sysroot-found
	@printf '%s\n' $(SYSROOT_FILES) | sort > $(BUILD)/stamps/sysroot-wanted
	@comm -23 $(BUILD)/stamps/sysroot-found $(BUILD)/stamps/sysroot-wanted | \
		while read -r f; do echo "  RM      $$f"; rm -f "$$f"; done

install: sysroot
	@test -n '$(PREFIX)' || { echo "make install: PREFIX is empty" >&2; exit 1; }
	$(call run,INSTALL,$(DESTDIR)$(PREFIX)) mkdir -p '$(DESTDIR)$(PREFIX)' && \
		cp -PR $(STAGE_DIR)/. '$(DESTDIR)$(PREFIX)/'

# --- ATXF programs of the tree, built with the staged wrapper (rule 4) --------

# TOOLCHAIN (toolchain/select.mk) may name the cross GCC or clang instead.
ATXF_CC_wrapper := $(SR_BIN)/x86_64-atxf-gcc
ATXF_CC_cross   := $(TC_GCC)
ATXF_CC_clang   := $(TC_CLANG)
ATXF_CC     := $(ATXF_CC_$(TOOLCHAIN))
# What an ATXF object needs besides its source; the stamp rebuilds them all
# when TOOLCHAIN changes.
ATXF_DEPS   := $(ATXF_CC) $(SR_TGT)/lib/atxf.specs $(TOOLCHAIN_STAMP)
ATXFOBJ     := $(BUILD)/atxf
ATXF_CFLAGS := -std=gnu11 -O2 -g $(WARNINGS) -MD -MP

# -MD, not -MMD: the SDK's headers are system headers to the wrapper, and an
# object must be rebuilt when one of them changes.
$(ATXFOBJ)/%.o: %.c $(ATXF_DEPS) | $(SYSROOT_STAMP)
	@mkdir -p $(@D)
	$(call run,CC,$< [atxf]) $(ATXF_CC) $(ATXF_CFLAGS) $(ACFLAGS_$(<D)) -c $< -o $@

$(ATXFOBJ)/%.o: %.S $(ATXF_DEPS) | $(SYSROOT_STAMP)
	@mkdir -p $(@D)
	$(call run,AS,$< [atxf]) $(ATXF_CC) $(ATXF_CFLAGS) $(ACFLAGS_$(<D)) -c $< -o $@

atxf_objects = $(patsubst %,$(ATXFOBJ)/%.o,$(basename $(1)))

define atxf_program
$(1): $(call atxf_objects,$(2)) $(SYSROOT_STAMP)
	@mkdir -p $$(@D)
	$$(call run,ATXF,$$@) $(ATXF_CC) $(3) $(call atxf_objects,$(2)) $(4) -o $$@
endef

define sysroot_add_tool
SYSROOT_FILES += $(SR_BIN)/$(1)
sysroot: $(SR_BIN)/$(1)
endef

# === atxf-run and the reference system ========================================
# bin/atxf-run boots the reference system with a user's programs. It finds,
# relative to itself: share/atxf/kernel.elf and share/atxf/boot.tar (what
# `make image` builds), and its Python modules in share/atxf/python/:
# sysroot/atxf-run/*.py and the copies of tests/qemu/qemu.py and bootfs.py the
# tests use (copied, never forked: one QEMU command line, one archive writer).

ATXF_RUN_PY := $(notdir $(wildcard sysroot/atxf-run/*.py)) qemu.py bootfs.py
SR_ATXF_RUN := $(SR_BIN)/atxf-run $(ATXF_RUN_PY:%=$(SR_SHARE)/atxf/python/%) \
	$(SR_SHARE)/atxf/kernel.elf $(SR_SHARE)/atxf/boot.tar

# The SDK's version goes into the script's own VERSION line only.
$(BIN)/atxf-run: sysroot/atxf-run/atxf-run sdk/include/atxf/version.h
	@mkdir -p $(@D)
	$(call run,GEN,$@) sed '/^VERSION = /s/@SDK_VERSION@/$(ATXF_SDK_VERSION)/' $< > $@ && chmod 755 $@
$(eval $(call sysroot_add_tool,atxf-run))

$(SR_SHARE)/atxf/python/%.py: sysroot/atxf-run/%.py
	$(stage_copy)
$(SR_SHARE)/atxf/python/qemu.py $(SR_SHARE)/atxf/python/bootfs.py: $(SR_SHARE)/atxf/python/%.py: tests/qemu/%.py
	$(stage_copy)

# The kernel keeps its symbols for gdb but loses its debug information, which
# names the build tree; mbcheck proves the strip kept the multiboot layout.
$(SR_SHARE)/atxf/kernel.elf: $(BUILD)/image/kernel.elf kernel/tools/mbcheck.py
	$(stage_stripped)
	@$(PYTHON) kernel/tools/mbcheck.py $@ || { rm -f $@; exit 1; }
$(SR_SHARE)/atxf/boot.tar: $(BUILD)/image/boot.tar
	$(stage_copy)

SYSROOT_FILES += $(SR_ATXF_RUN)
sysroot: $(SR_ATXF_RUN)
# === end of atxf-run ==========================================================
