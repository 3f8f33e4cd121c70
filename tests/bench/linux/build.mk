# tests/bench/linux: the Linux guests of `make bench` (guests.py boots them).
# lbench is built with the host's gcc, -static (the initramfs has no libc);
# each initramfs (initramfs.py) holds busybox-static, lbench, /init and the
# modules of its kernel flavour (flavours.py). Built for `make bench` only:
# `make` and `make check` build lbench alone, so it keeps compiling with
# -Werror, and need no Linux kernel installed.

LBENCH_DIR := $(BENCH_DIR)/linux
LBENCH     := $(LBENCH_DIR)/lbench
LBENCH_SRC := $(wildcard tests/bench/linux/lb_*.c)
LBENCH_INITRAMFS := $(LBENCH_DIR)/initramfs-cloud-amd64.cpio $(LBENCH_DIR)/initramfs-amd64.cpio
BUSYBOX_STATIC ?= /bin/busybox

$(LBENCH): $(LBENCH_SRC) tests/bench/linux/lbench.h tests/bench/storage.h
	@mkdir -p $(@D)
	$(call run,CC,$@ [linux -static]) $(HOSTCC) -std=gnu11 -O2 $(WARNINGS) -static \
		-o $@ $(LBENCH_SRC)

$(LBENCH_DIR)/initramfs-%.cpio: $(LBENCH) tests/bench/linux/init tests/bench/linux/initramfs.py \
		tests/bench/linux/flavours.py
	$(call run,CPIO,$@) $(PYTHON) tests/bench/linux/initramfs.py --out $@ \
		--busybox $(BUSYBOX_STATIC) --lbench $(LBENCH) --init tests/bench/linux/init --flavour $*

ALL_TARGETS += $(LBENCH)
