# toolchain/: the cross toolchain for x86_64-atxf (docs/toolchain.md).
#
#   make toolchain PREFIX=DIR          binutils and GCC for x86_64-atxf, built
#                                      once into the cache (toolchain/build.sh),
#                                      installed in DIR with the SDK's sysroot
#                                      in DIR/x86_64-atxf
#   make install-sysroot SYSROOT=DIR   the SDK into the sysroot of any cross
#                                      compiler: DIR/usr/include, DIR/usr/lib
#   make check-toolchain               what a user checks of an installed
#                                      toolchain (tests/toolchain/check.sh)
#
# TOOLCHAIN=cross and TOOLCHAIN=clang (toolchain/select.mk) build the tree
# with the toolchain installed in $(TC_DIR) and its sysroot.

TC_BUILD_INPUTS := toolchain/build.sh ldscripts/atxf.ld \
	$(wildcard toolchain/patches/* toolchain/binutils/* toolchain/gcc/*)
TC_INSTALL_INPUTS := toolchain/install.sh toolchain/ld-wrapper.sh \
	toolchain/clang/x86_64-atxf-clang $(SR_BIN)/elf2atxf $(SR_BIN)/atxfdump
# The staged libraries: stripped of debug information, which names the build
# tree. libm.a makes -lm work with the cross GCC and clang too. libgcc.a is
# the host GCC's, as the wrapper links it (sysroot/atxf.specs), for the
# sysroot's own link step (clang's): its helpers are plain x86-64 code.
HOST_LIBGCC := $(shell $(HOSTCC) -print-libgcc-file-name)
SYSROOT_LIBS := $(SR_TGT)/lib/crt0.o $(SR_TGT)/lib/libatxf.a $(SR_TGT)/lib/libm.a
SYSROOT_INSTALL_INPUTS := toolchain/install-sysroot.sh toolchain/ld-wrapper.sh $(wildcard toolchain/sysroot/*) \
	$(SR_BIN)/elf2atxf $(SR_BIN)/atxfdump $(HOST_LIBGCC) \
	toolchain/clang/x86_64-atxf.cfg sysroot/cmake/Platform/ATXF.cmake sysroot/cmake/atxf-system.cmake \
	$(LIBC_HEADERS) $(ABI_HEADERS) ldscripts/atxf.ld $(SYSROOT_LIBS)

define install_toolchain
	@test -n '$(1)' || { echo "make toolchain: PREFIX is empty" >&2; exit 1; }
	$(call run,BUILD,x86_64-atxf toolchain) entry=$$(toolchain/build.sh) && \
		toolchain/install.sh "$$entry" '$(1)' $(SR_BIN)/elf2atxf $(SR_BIN)/atxfdump
endef

define install_sysroot
	@test -n '$(1)' || { echo "make install-sysroot: SYSROOT is empty" >&2; exit 1; }
	$(call run,INSTALL,$(1)) toolchain/install-sysroot.sh '$(1)' $(ATXF_SDK_VERSION) \
		$(SR_BIN)/elf2atxf $(SR_BIN)/atxfdump $(HOST_LIBGCC) $(SYSROOT_LIBS)
endef

.PHONY: toolchain install-sysroot check-toolchain
toolchain: $(TC_INSTALL_INPUTS) $(SYSROOT_INSTALL_INPUTS)
	$(call install_toolchain,$(PREFIX))
	$(call install_sysroot,$(PREFIX)/x86_64-atxf)

install-sysroot: $(SYSROOT_INSTALL_INPUTS)
	$(call install_sysroot,$(SYSROOT))

# The tree's own install: the compilers first (libatxf may be built with
# them), the sysroot once libatxf is there. Touched, because the cache's
# files keep the time they were built.
$(TC_GCC) $(TC_CLANG) &: $(TC_BUILD_INPUTS) $(TC_INSTALL_INPUTS)
	$(call install_toolchain,$(TC_DIR))
	@touch $(TC_GCC) $(TC_CLANG)

TC_SYSROOT_STAMP := $(BUILD)/stamps/toolchain-sysroot
$(TC_SYSROOT_STAMP): $(TC_GCC) $(SYSROOT_INSTALL_INPUTS)
	$(call install_sysroot,$(TC_DIR)/x86_64-atxf)
	@mkdir -p $(@D) && touch $@

ifneq ($(TOOLCHAIN),wrapper)
$(SYSROOT_STAMP): $(TC_SYSROOT_STAMP)
endif

check-toolchain: $(TC_INSTALL_INPUTS) $(SYSROOT_INSTALL_INPUTS) $(BIN)/atxf-run sysroot
	@MAKE='$(MAKE)' tests/toolchain/check.sh
