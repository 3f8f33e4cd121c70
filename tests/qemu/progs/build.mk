# tests/qemu/progs: the user programs the QEMU scenarios and atxf-run's
# checks start from the boot archive, each one C file built like any ATXF
# program of the tree (rule 4: the staged x86_64-atxf-gcc) into
# build/progs/NAME.atxf, with NAME.atxf.elf beside it for gdb. Each file's
# first comment is the behaviour the scenarios rely on.
#
#   bad.atxf    hello.atxf with text_offset set to 4097: an invalid image the
#               loader must refuse with its reason. The rule checks that
#               atxfdump calls it invalid (exit 1), so it stays a real test.
#   make check-progs   atxfdump validates every other program (host side).
#
# Needs: sysroot/build.mk (atxf_program), elf2atxf/build.mk (ATXFDUMP).

PROGS_DIR   := $(BUILD)/progs
PROGS_NAMES := hello spin sleeper fault sysfuzz ipc-ping ipc-pong port-xfer ioport-xfer \
	       ioport-deny shm irq-edu irq-shared holder taker killer names-check \
	       dm-flaky dm-crashy dm-greedy dm-sneaky dm-query dm-launch forger \
	       impostor outstream chatter prompt fb-wc watcher name-waiter posixcheck \
	       dma-attack dma-victim dma-shmdrv dma-client dm-dmabad dm-dmastop dma-tags \
	       msix-virtio msix-nvme msix-xhci msi-guard \
	       threads bigmem threads-end threads-churn memlimit threads-reap \
	       intx-edu intx-e1000 fpcheck ring-pair dma-orphan dma-orphan-check fb-take
PROGS_NAMES += rng-check
PROGS_NAMES += queue-edu
PROGS_NAMES += queue-client
# The class client libraries' scenarios (tests/qemu/scenarios_clients.py).
PROGS_NAMES += blk-pattern blk-stream dev-follow
PROGS_NAMES += shm-hammer
# Standard input from the boot archive (tests/qemu/scenarios_ports.py).
PROGS_NAMES += stdinsum
# The device tree and hot-plug (tests/qemu/scenarios_devtree.py).
PROGS_NAMES += dt-bus
PROGS_NAMES += dt-child
# Finding a driver by name through devmgr's DRIVER_WAIT (scenarios_driverwait.py).
PROGS_NAMES += driver-wait

# The rng class client across driver restarts (scenarios_virtio.py).
PROGS_NAMES += rng-stream
# The kernel console and the 16550 driver on one UART (scenarios_console.py).
PROGS_NAMES += dlab-hold
# The AHCI driver's scenarios (tests/qemu/scenarios_ahci.py).
PROGS_NAMES += ahci-disk
# The ata driver's disks (tests/qemu/scenarios_ata.py).
PROGS_NAMES += ata-disks
# The nvme driver's namespaces as block devices (tests/qemu/scenarios_nvme.py).
PROGS_NAMES += nvme-disks
# Writes through a partition, for the disk scenarios (tests/qemu/scenarios_disks.py).
PROGS_NAMES += part-write
# The block conformance suite (tests/qemu/scenarios_blkconf.py).
PROGS_NAMES += blkconf
# The restart client, every disk driver killed and crashed (scenarios_blkrestart.py).
PROGS_NAMES += blkrestart
# Its fuzz mode is a file of its own (blkfuzz.c), linked in after blkconf.c.
PROG_LIBS_blkconf := $(call atxf_objects,tests/qemu/progs/blkfuzz.c)
$(PROGS_DIR)/blkconf.atxf: $(PROG_LIBS_blkconf)
# The NIC drivers' conformance client, against tests/qemu/netpeer.py (scenarios_net.py).
PROGS_NAMES += net-check
# The display drivers' scenarios (tests/qemu/scenarios_display.py).
PROGS_NAMES += display-pattern
PROGS_GOOD  := $(PROGS_NAMES:%=$(PROGS_DIR)/%.atxf)
PROGS_BAD   := $(PROGS_DIR)/bad.atxf
PROGS_ALL   := $(PROGS_GOOD) $(PROGS_BAD)

# Libraries a program links after its objects, as a user's Makefile would.
PROG_LIBS_fpcheck := -lm

$(foreach p,$(PROGS_NAMES),$(eval $(call atxf_program,$(PROGS_DIR)/$(p).atxf,tests/qemu/progs/$(p).c,,$(PROG_LIBS_$(p)))))

# Bytes 12..15 of the header are text_offset (docs/atxf-format.md §2), little
# endian: 0x1001 is not a multiple of 4096, check 6 of the reader's.
$(PROGS_BAD): $(PROGS_DIR)/hello.atxf $(ATXFDUMP)
	$(call run,GEN,$@) cp $< $@.tmp && \
		printf '\001\020\000\000' | dd of=$@.tmp bs=1 seek=12 conv=notrunc status=none && \
		{ $(ATXFDUMP) $@.tmp >/dev/null 2>&1; status=$$?; } ; \
		if [ "$$status" -ne 1 ]; then \
			echo "$@: atxfdump exit status $$status, expected 1 (invalid)" >&2; \
			rm -f $@.tmp; exit 1; \
		fi; mv $@.tmp $@

.PHONY: progs check-progs
progs: $(PROGS_ALL)

check-progs: $(PROGS_ALL) $(ATXFDUMP)
	@status=0; for p in $(PROGS_GOOD); do \
		if $(ATXFDUMP) $$p >/dev/null; then echo "  OK      progs: atxfdump $$p"; \
		else echo "  FAIL    progs: atxfdump $$p"; status=1; fi; \
	done; exit $$status

ALL_TARGETS += $(PROGS_ALL)
CHECK_BUILD += $(PROGS_ALL)
CHECK_STEPS += check-progs