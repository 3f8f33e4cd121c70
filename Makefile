# ATXF SDK: the top-level build. `make` builds everything into build/,
# `make check` runs every test, `make clean` removes build/. V=1 shows commands.
# Each component describes itself in its own build.mk, included below; a
# fragment adds what `make` builds to ALL_TARGETS and what `make check` runs
# to CHECK_STEPS (phony targets, run one after another in the listed order).

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

include mk/common.mk

ALL_TARGETS   :=
CHECK_BUILD   :=
CHECK_STEPS   :=
CLEAN_EXTRA   :=

include sdk/format/build.mk
include elf2atxf/build.mk
include ldscripts/build.mk
include sdk/lib/build.mk
include sysroot/build.mk
include toolchain/build.mk
include drivers/collect.mk
include services/build.mk
include templates/build.mk
include kernel/build.mk
include tests/unit/build.mk
include tests/unit/runtime.mk
include tests/unit/format.mk
include tests/unit/libc.mk
include tests/unit/libcfp.mk
include tests/unit/driver.mk
include tests/unit/ring.mk
include tests/unit/virtio.mk
include tests/unit/client.mk
include tests/unit/drivers.mk
include tests/unit/init.mk
include tests/unit/devmgr.mk
include tests/unit/console.mk
include tests/unit/part.mk
include tests/unit/netstack.mk
include tests/fuzz/build.mk
include tests/sdk/build.mk
include tests/ports/build.mk
include tests/qemu/progs/build.mk
include drivers/build.mk
include tests/qemu/build.mk
include tests/bench/build.mk

.PHONY: all check deps clean

all: $(ALL_TARGETS)

deps:
	@scripts/deps --ensure

# Build everything first (in parallel), then run the steps one by one. The
# log ends with the unit tests' cmocka summaries and, last, the QEMU
# scenarios' "N passed, N failed" line, whatever order fragments were read in.
LAST_STEPS  := check-unit check-qemu
CHECK_ORDER  = $(filter-out $(LAST_STEPS),$(CHECK_STEPS)) $(filter $(LAST_STEPS),$(CHECK_STEPS))

# One goal for everything the steps need, so an up-to-date tree says nothing.
.PHONY: check-build
check-build: all $(CHECK_BUILD)
	@:

check: deps
	@$(MAKE) --no-print-directory check-build
	@status=0; for step in $(CHECK_ORDER); do \
		$(MAKE) --no-print-directory $$step || status=1; \
	done; exit $$status

clean:
	rm -rf $(BUILD) $(CLEAN_EXTRA)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
