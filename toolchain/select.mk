# toolchain/select.mk: which compiler builds the tree's ATXF code, read by
# mk/common.mk before it sets TARGET_CC.
#
#   make                    TOOLCHAIN=wrapper: x86_64-atxf-gcc, the host's GCC
#                           with the SDK's specs (sysroot/), the quick install
#   make TOOLCHAIN=cross    the cross GCC and binutils of toolchain/, installed
#                           in $(TC_DIR) with the tree's sysroot
#   make TOOLCHAIN=clang    clang --target=x86_64-atxf through the clang
#                           configuration of that sysroot (x86_64-atxf-clang)
#
# libatxf (TARGET_CC) follows the choice; the kernel keeps KERNEL_CC.

TOOLCHAIN ?= wrapper
ifeq ($(filter $(TOOLCHAIN),wrapper cross clang),)
$(error TOOLCHAIN=$(TOOLCHAIN) is not a toolchain: use wrapper (the default), cross or clang)
endif

TC_DIR   := $(BUILD)/toolchain/cross
TC_GCC   := $(TC_DIR)/bin/x86_64-atxf-gcc
TC_CLANG := $(TC_DIR)/bin/x86_64-atxf-clang

# TARGET_DEPS: what a libatxf object needs besides its source.
ifeq ($(TOOLCHAIN),cross)
TARGET_CC   := $(TC_GCC)
TARGET_DEPS := $(TC_GCC)
# The cross GCC is GCC 12.2, as the host's is, and may not be built yet
# when make reads this: the host's answers which flags it takes.
TARGET_CC_PROBE := $(HOSTCC)
endif
ifeq ($(TOOLCHAIN),clang)
TARGET_CC   := clang --target=x86_64-atxf
endif

# Switching toolchains rebuilds every ATXF object: they all depend on this
# file, rewritten only when TOOLCHAIN differs from the last build's.
TOOLCHAIN_STAMP := $(BUILD)/stamps/toolchain
$(shell mkdir -p $(BUILD)/stamps && { [ "$$(cat $(TOOLCHAIN_STAMP) 2>/dev/null)" = $(TOOLCHAIN) ] || \
	echo $(TOOLCHAIN) > $(TOOLCHAIN_STAMP); })
TARGET_DEPS += $(TOOLCHAIN_STAMP)
