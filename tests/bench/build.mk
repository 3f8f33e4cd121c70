# tests/bench: `make bench` boots the kernel with init and the benchmark
# programs and prints figures (tests/bench/run.py); it never passes or
# fails on a timing and is not a step of `make check`, which only builds
# the programs (ALL_TARGETS), so they keep compiling with -Werror.
#
#   make bench                  BENCH_RUNS=N samples per figure (default 2000)
#                               ATXF_ACCEL=kvm|tcg as for the QEMU tests
#
# The Linux peer (tests/bench/linux) boots Debian's kernels with a busybox
# initramfs on the same QEMU; peers.py prints its figures beside ours.
#
# Needs: sysroot/build.mk (atxf_program), services/build.mk (INIT_ATXF),
# kernel/build.mk (KERNEL_ELF).

BENCH_DIR   := $(BUILD)/bench
BENCH_ATXF  := $(BENCH_DIR)/bench.atxf
BENCH_ECHO  := $(BENCH_DIR)/bench-echo.atxf
BENCH_BLK   := $(BENCH_DIR)/bench-blk.atxf
BENCH_DISPLAY := $(BENCH_DIR)/bench-display.atxf
BENCH_STORAGE := $(BENCH_DIR)/bench-storage.atxf
BENCH_PROGS := $(BENCH_ATXF) $(BENCH_ECHO) $(BENCH_BLK) $(BENCH_DISPLAY) $(BENCH_STORAGE)
BENCH_RUNS  ?= 2000

$(eval $(call atxf_program,$(BENCH_ATXF),tests/bench/bench.c tests/bench/bench_null.c \
	tests/bench/bench_ipc.c tests/bench/bench_switch.c tests/bench/bench_irq.c tests/bench/bench_msix.c tests/bench/bench_queue.c \
	tests/bench/stats.c))
$(eval $(call atxf_program,$(BENCH_ECHO),tests/bench/bench-echo.c))
$(eval $(call atxf_program,$(BENCH_BLK),tests/bench/bench-blk.c))
# Fill and flush through each display driver (devmgr starts it).
$(eval $(call atxf_program,$(BENCH_DISPLAY),tests/bench/bench-display.c))
$(eval $(call atxf_program,$(BENCH_STORAGE),tests/bench/bench-storage.c))

include tests/bench/linux/build.mk

# Then the Linux guests beside us and our storage drivers, those in the tree
# (tests/bench/peers.py), whatever our first run gave.
BENCH_STORAGE_DRIVERS := $(filter $(addprefix $(DRIVERS_OUT)/,virtio-blk.atxf nvme.atxf ahci.atxf),\
			   $(DRIVERS_ATXF))
.PHONY: bench
bench: $(KERNEL_ELF) $(INIT_ATXF) $(DEVMGR_ATXF) $(BENCH_PROGS) $(LBENCH_INITRAMFS) \
		$(BENCH_STORAGE_DRIVERS) $(DRIVERS_OUT)/bochs.atxf $(DRIVERS_OUT)/virtio-gpu.atxf
	@$(PYTHON) tests/bench/run.py --kernel $(KERNEL_ELF) --init $(INIT_ATXF) \
		--progs $(BENCH_DIR) --runs $(BENCH_RUNS); \
	$(PYTHON) tests/bench/peers.py --ours-log $(BENCH_DIR)/bench.log --linux-dir $(LBENCH_DIR) \
		--ours-dir $(BENCH_DIR)/ours --runs $(BENCH_RUNS) --kernel $(KERNEL_ELF) \
		--init $(INIT_ATXF) --devmgr $(DEVMGR_ATXF) --drivers $(DRIVERS_OUT) \
		--storage $(BENCH_STORAGE)

ALL_TARGETS += $(BENCH_PROGS)
