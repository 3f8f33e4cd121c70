# tests/unit: cmocka tests that run on the host.
#
# Every component appends its cmocka programs to UNIT_TESTS (and to
# CHECK_BUILD, so that `make check` builds them in parallel first), and
# anything else they need at run time to UNIT_DEPS. `make check-unit` runs all
# of UNIT_TESTS through tests/unit/run-all, which lets each print cmocka's
# summary and fails if any failed.
#
# This file also holds the toolchain tests: elf2atxf and atxfdump run
# as real programs on real ELF files, and the shared reader on crafted headers.
# The ELF fixtures are built here from tests/unit/fixtures into
# build/tests/fixtures with real gcc, clang, as and ld.

# Each test case works in its own mkdtemp folder under UNIT_SCRATCH and
# removes it when it passes; a failed case leaves its folder for a look.
UNIT_DIR     := $(BUILD)/tests/unit
UNIT_FIX     := $(BUILD)/tests/fixtures
UNIT_SCRATCH := $(BUILD)/tests/scratch
UNIT_SRC     := tests/unit
FIX_SRC      := tests/unit/fixtures

CMOCKA_LIBS  := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

# The tests find the tools, fixtures and a scratch folder by absolute path, so
# a test program can also be run by hand from anywhere.
CFLAGS_tests/unit := $(LIBELF_CFLAGS) \
	-DATXF_TEST_BIN_DIR='"$(abspath $(BIN))"' \
	-DATXF_TEST_FIXTURE_DIR='"$(abspath $(UNIT_FIX))"' \
	-DATXF_TEST_SOURCE_DIR='"$(abspath $(FIX_SRC))"' \
	-DATXF_TEST_SCRATCH_DIR='"$(abspath $(UNIT_SCRATCH))"'

# ---- fixtures: real programs, built the way a user (or a mistake) builds them

FIX_GCC   := gcc
FIX_CLANG := clang
FIX_FREE  := -ffreestanding -nostdlib -static -no-pie
FIX_ATXF  := $(FIX_FREE) -T $(LDSCRIPT)

# Converted by the tests: they must come out byte for byte.
UNIT_GOOD_FIXTURES := $(addprefix $(UNIT_FIX)/,prog-gcc-O0.elf prog-gcc-O2.elf \
	prog-clang-O2.elf prog-manifest.elf multi-segment.elf tiny.elf)

# Refused by elf2atxf, each for its own reason.
UNIT_BAD_FIXTURES := $(addprefix $(UNIT_FIX)/,prog.o pie.elf libfix.so hello.elf \
	nointerp.elf ifunc.elf tls.elf tls-default.elf i386.elf rwx.elf entry-in-data.elf \
	bss-5gib.elf bss-2gib.elf high-base.elf default-script.elf data-below-text.elf)

UNIT_FIXTURES := $(UNIT_GOOD_FIXTURES) $(UNIT_BAD_FIXTURES)

$(UNIT_FIXTURES): | $(UNIT_FIX)
$(UNIT_FIX):
	@mkdir -p $@

$(UNIT_FIX)/prog-gcc-O0.elf: $(FIX_SRC)/prog.c $(LDSCRIPT)
	$(call run,FIXTURE,$@) $(FIX_GCC) -O0 -g $(FIX_ATXF) $< -o $@
$(UNIT_FIX)/prog-gcc-O2.elf: $(FIX_SRC)/prog.c $(LDSCRIPT)
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_ATXF) $< -o $@
$(UNIT_FIX)/prog-clang-O2.elf: $(FIX_SRC)/prog.c $(LDSCRIPT)
	$(call run,FIXTURE,$@) $(FIX_CLANG) -O2 -Wno-unused-command-line-argument $(FIX_ATXF) $< -o $@
$(UNIT_FIX)/prog-manifest.elf: $(FIX_SRC)/prog.c $(LDSCRIPT) sdk/include/atxf/manifest.h \
	sdk/include/atxf/cap.h
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 -DWITH_MANIFEST -Isdk/include $(FIX_ATXF) $< -o $@
$(UNIT_FIX)/multi-segment.elf: $(FIX_SRC)/prog.c $(FIX_SRC)/multiseg.ld
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_FREE) -T $(FIX_SRC)/multiseg.ld \
		-Wl,--build-id=none $< -o $@
$(UNIT_FIX)/tiny.elf: $(FIX_SRC)/tiny.c $(LDSCRIPT)
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_ATXF) $< -o $@

$(UNIT_FIX)/prog.o: $(FIX_SRC)/prog.c
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 -ffreestanding -c $< -o $@
$(UNIT_FIX)/pie.elf: $(FIX_SRC)/tiny.c
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 -ffreestanding -nostdlib -fPIE -pie $< -o $@
$(UNIT_FIX)/libfix.so: $(FIX_SRC)/lib.c
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 -shared -fPIC $< -o $@
$(UNIT_FIX)/hello.elf: $(FIX_SRC)/hello.c
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 -no-pie $< -o $@
$(UNIT_FIX)/nointerp.elf: $(FIX_SRC)/uselib.c $(UNIT_FIX)/libfix.so
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 -ffreestanding -nostdlib -no-pie $^ \
		-Wl,--no-dynamic-linker -o $@
$(UNIT_FIX)/ifunc.elf: $(FIX_SRC)/ifunc.c $(LDSCRIPT)
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_ATXF) $< -o $@
$(UNIT_FIX)/tls.elf: $(FIX_SRC)/tls.c $(LDSCRIPT)
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_ATXF) $< -o $@
$(UNIT_FIX)/tls-default.elf: $(FIX_SRC)/tls.c
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_FREE) $< -o $@
$(UNIT_FIX)/i386.elf: $(FIX_SRC)/start32.S
	$(call run,FIXTURE,$@) as --32 $< -o $@.o && ld -m elf_i386 $@.o -o $@ && rm -f $@.o
$(UNIT_FIX)/rwx.elf: $(FIX_SRC)/prog.c $(FIX_SRC)/rwx.ld
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_FREE) -T $(FIX_SRC)/rwx.ld \
		-Wl,--no-warn-rwx-segments,--build-id=none $< -o $@
$(UNIT_FIX)/entry-in-data.elf: $(FIX_SRC)/prog.c $(LDSCRIPT)
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_ATXF) -Wl,-e,rw_table $< -o $@
$(UNIT_FIX)/bss-5gib.elf: $(FIX_SRC)/bigbss.c $(LDSCRIPT)
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_ATXF) -DBSS_BYTES=0x140000000 $< -o $@
$(UNIT_FIX)/bss-2gib.elf: $(FIX_SRC)/bigbss.c $(LDSCRIPT)
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_ATXF) -DBSS_BYTES=0x80000000 $< -o $@
$(UNIT_FIX)/high-base.elf: $(FIX_SRC)/prog.c
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_FREE) -Wl,-Ttext-segment=0x10000000 $< -o $@
$(UNIT_FIX)/default-script.elf: $(FIX_SRC)/prog.c
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_FREE) $< -o $@
$(UNIT_FIX)/data-below-text.elf: $(FIX_SRC)/prog.c
	$(call run,FIXTURE,$@) $(FIX_GCC) -O2 $(FIX_FREE) -Wl,-Tdata=0x200000 $< -o $@

# ---- the toolchain's cmocka programs

TOOLCHAIN_UNIT_TESTS := $(addprefix $(UNIT_DIR)/,test_reader test_reader_ext test_atxfdump \
	test_elf2atxf_convert test_elf2atxf_refuse test_elf2atxf_usage)

unit_obj = $(patsubst %,$(HOSTOBJ)/$(UNIT_SRC)/%.o,$(1))

$(UNIT_DIR)/test_reader: $(call unit_obj,test_reader test_reader_image) $(FORMAT_HOST_LIB)
$(UNIT_DIR)/test_reader_ext: $(call unit_obj,test_reader_ext test_reader_image) $(FORMAT_HOST_LIB)
$(UNIT_DIR)/test_atxfdump: $(call unit_obj,test_atxfdump test_reader_image test_elf2atxf_util)
$(UNIT_DIR)/test_elf2atxf_convert: $(call unit_obj,test_elf2atxf_convert test_elf2atxf_util) \
	$(FORMAT_HOST_LIB)
$(UNIT_DIR)/test_elf2atxf_refuse: $(call unit_obj,test_elf2atxf_refuse test_elf2atxf_craft \
	test_elf2atxf_util)
$(UNIT_DIR)/test_elf2atxf_usage: $(call unit_obj,test_elf2atxf_usage test_elf2atxf_util)

$(TOOLCHAIN_UNIT_TESTS):
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(filter %.o %.a,$^) $(LIBELF_LIBS) $(CMOCKA_LIBS) -o $@

UNIT_TESTS += $(TOOLCHAIN_UNIT_TESTS)
UNIT_DEPS  += $(UNIT_FIXTURES) $(ELF2ATXF) $(ATXFDUMP)

# ---- running them

# Second expansion: UNIT_TESTS and UNIT_DEPS are read after every build.mk has
# added to them, including the fragments included after this one.
.SECONDEXPANSION:
.PHONY: check-unit
check-unit: $$(UNIT_TESTS) $$(UNIT_DEPS)
	@$(UNIT_SRC)/run-all $(UNIT_TESTS)

# One phony name for the build phase of `make check`: it still builds every
# test and fixture in parallel, without a "... is up to date" line for each.
.PHONY: toolchain-unit-build
toolchain-unit-build: $(TOOLCHAIN_UNIT_TESTS) $(UNIT_FIXTURES)
	@:

CHECK_BUILD += toolchain-unit-build
CHECK_STEPS += check-unit

# The FAT library (drivers/fs/fat) on images from mkfs.fat and mtools.
include tests/unit/fat.mk
